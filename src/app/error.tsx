"use client";
import { useI18n } from "@/i18n/client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const { t } = useI18n();
  return (
    <div className="page narrow" role="alert">
      <h1>{t("error.title")}</h1>
      <p>{t("error.body")}</p>
      <button type="button" className="button" onClick={reset}>
        {t("error.retry")}
      </button>
    </div>
  );
}
