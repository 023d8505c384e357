import Link from "next/link";
import { notFound } from "next/navigation";
import { ServiceTypeForm, type ServiceTypeValues } from "@/features/setup/components/ServiceTypeForm";
import { SettingsTabs } from "@/features/setup/components/SettingsTabs";
import { regionFor, serviceTypeData } from "@/features/setup/server/page-data";
import { getTranslator } from "@/i18n/server";
import { rolesFor } from "@/lib/navigation";
import { requireRole } from "@/server/auth";
import "@/features/setup/setup.css";

const NEW: ServiceTypeValues = {
  id: null,
  code: "",
  nameId: "",
  nameEn: "",
  slaDays: 5,
  viaBkn: false,
  active: true,
  documents: [],
};

// One service of the catalog ("baru": a new one).
export default async function ServiceTypePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requireRole(rolesFor("/admin/pengaturan"), `/admin/pengaturan/layanan/${id}`);
  const [{ t, locale }, region] = await Promise.all([getTranslator(), regionFor(session)]);
  if (!region) notFound();
  const service = id === "baru" ? NEW : await serviceTypeData(id);
  if (!service) notFound();
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link href="/admin/pengaturan/layanan">{t("setup.service.title")}</Link>
      </p>
      <h1>{service.id ? (locale === "en" ? service.nameEn : service.nameId) : t("setup.service.add")}</h1>
      <SettingsTabs current="/admin/pengaturan/layanan" />
      <p className="setup-note">{t("setup.service.slaNote")}</p>
      <ServiceTypeForm service={service} />
    </div>
  );
}
