import Link from "next/link";
import { getTranslator } from "@/i18n/server";

// After the first administrator was made: sign in, then the region setup comes first.
export default async function FirstAdminDonePage({ searchParams }: { searchParams: Promise<{ pengguna?: string }> }) {
  const [{ t }, { pengguna: u }] = await Promise.all([getTranslator(), searchParams]);
  return (
    <div className="page narrow">
      <h1>{t("setup.done.title")}</h1>
      <p className="alert ok" role="status">
        {t("setup.done.body", { username: typeof u === "string" ? u.slice(0, 64) : "" })}
      </p>
      <p>
        <Link className="button" href={`/masuk?callbackUrl=${encodeURIComponent("/admin/pengaturan/daerah")}`}>
          {t("setup.done.login")}
        </Link>
      </p>
    </div>
  );
}
