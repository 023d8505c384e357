"use client";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useI18n } from "@/i18n/client";

export function SignOutButton() {
  const { t } = useI18n();
  const router = useRouter();
  // redirect: false keeps us on this host whatever NEXTAUTH_URL says.
  const onClick = async () => {
    await signOut({ redirect: false });
    router.replace("/");
    router.refresh();
  };
  return (
    <button type="button" className="link-button" onClick={() => void onClick()}>
      {t("nav.logout")}
    </button>
  );
}
