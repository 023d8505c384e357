"use client";
// A form's submit button that says it is working while the form posts (reading a large file takes seconds).
import { useFormStatus } from "react-dom";
import { useI18n } from "@/i18n/client";

export function PendingButton({
  children,
  className = "button",
  name,
  value,
}: {
  children: React.ReactNode;
  className?: string;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  const { t } = useI18n();
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending} name={name} value={value}>
      {pending ? t("common.loading") : children}
    </button>
  );
}
