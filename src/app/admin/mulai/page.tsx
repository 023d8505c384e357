import Link from "next/link";
import { checklistData } from "@/features/setup/server/page-data";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import "@/features/setup/setup.css";

// Getting started: the steps a region takes to go live, each ticked by what the database holds.
export default async function StartPage({ searchParams }: { searchParams: Promise<{ daerah?: string }> }) {
  await requireRole(rolesFor("/admin/mulai"), "/admin/mulai");
  const [{ t }, list, search] = await Promise.all([getTranslator(), checklistData(), searchParams]);
  const done = list.items.length - list.open;
  return (
    <div className="page">
      <h1>{t("setup.start.title")}</h1>
      {search.daerah === "1" && (
        <p className="alert ok" role="status">
          {t("setup.region.created")}
        </p>
      )}
      <p className="lead">
        {list.open === 0 ? t("setup.start.allDone") : t("setup.start.progress", { done, total: list.items.length })}
      </p>
      <ol className="setup-checklist">
        {list.items.map((item, i) => (
          <li key={item.step} className={item.done ? "done" : undefined}>
            <span className="mark" aria-hidden="true">
              {item.done ? "✓" : i + 1}
            </span>
            <Link href={item.href}>
              {t(`setup.step.${item.step}.label`)}
              <span className="sr-only"> — {item.done ? t("setup.start.done") : t("setup.start.open")}</span>
            </Link>
            <span className="muted small">
              {item.done ? t(`setup.step.${item.step}.done`, { n: item.count }) : t(`setup.step.${item.step}.todo`)}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
