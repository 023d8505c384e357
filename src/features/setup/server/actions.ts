"use server";
// The setup and settings forms post here (server actions: they work without JavaScript). A refused
// form comes back with its errors by field and the values as sent; a saved one redirects.
import { redirect } from "next/navigation";
import { signedInActor, type SessionActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { field, textFields } from "@/server/form";
import {
  fieldErrors,
  firstAdminInput,
  holidayInput,
  regionInput,
  serviceTypeInput,
  type FieldErrors,
  type HolidayInput,
} from "../schemas";
import { createFirstAdmin } from "./first-admin";
import {
  addHoliday,
  addShippedYear,
  createRegion,
  removeHoliday,
  saveServiceType,
  updateHoliday,
  updateRegion,
} from "./settings";
import { installationRegion } from "@/server/region";

export interface FormState {
  errors: FieldErrors;
  /** The values as sent, so a refused form comes back filled in. */
  values?: Record<string, string>;
  /** Changes with every answer: the form is drawn afresh with the values sent. */
  attempt?: number;
}

const refused = (errors: FieldErrors, values: Record<string, string>): FormState => ({
  errors,
  values,
  attempt: Date.now(),
});

const SETTINGS_ROLES = new Set(["ADMIN", "HR"]);

async function settingsActor(): Promise<SessionActor> {
  const actor = await signedInActor();
  if (!SETTINGS_ROLES.has(actor.role)) redirect("/dasbor");
  return actor;
}

async function regionOrSetup(actor: SessionActor) {
  const region = await installationRegion(await getDb());
  if (!region) redirect(actor.role === "ADMIN" ? "/admin/pengaturan/daerah" : "/admin/pengaturan");
  return region;
}

// ---- first administrator (no session: the link's token is the permission) ----

export async function firstAdminForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = textFields(formData);
  const token = values.token ?? "";
  // passwords never travel back to the browser
  const back = { username: values.username ?? "", name: values.name ?? "" };
  const parsed = firstAdminInput.safeParse(values);
  if (!parsed.success) return refused(fieldErrors(parsed.error), back);
  const result = await createFirstAdmin(await getDb(), token, parsed.data);
  if (!result.ok) return refused(result.errors, back);
  redirect(`/aktivasi/selesai?pengguna=${encodeURIComponent(result.username)}`);
}

// ---- region ----

const MAX_HOLIDAY_ROWS = 300;

/** The starting calendar rows of the region form: pre-filled ones count when ticked, blank ones when filled in. */
function holidayRows(values: Record<string, string>): { rows: HolidayInput[]; errors: FieldErrors } {
  const rows: HolidayInput[] = [];
  const errors: FieldErrors = {};
  const count = Math.min(Number(values.holidayRows) || 0, MAX_HOLIDAY_ROWS);
  for (let i = 0; i < count; i++) {
    const p = `h.${i}.`;
    const blank = values[`${p}blank`] === "1";
    const date = values[`${p}date`] ?? "";
    const name = values[`${p}name`] ?? "";
    if (blank ? !date.trim() && !name.trim() : values[`${p}on`] !== "on") continue;
    const parsed = holidayInput.safeParse({ date, kind: values[`${p}kind`], name });
    if (parsed.success) rows.push(parsed.data);
    else for (const [k, v] of Object.entries(fieldErrors(parsed.error))) errors[`${p}${k}`] = v;
  }
  return { rows, errors };
}

export async function createRegionForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await signedInActor();
  if (actor.role !== "ADMIN") redirect("/dasbor");
  const values = textFields(formData);
  const parsed = regionInput.safeParse(values);
  const holidays = holidayRows(values);
  const errors = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...holidays.errors };
  if (!parsed.success || Object.keys(errors).length) return refused(errors, values);
  const saved = await createRegion(await getDb(), actor, parsed.data, holidays.rows);
  if (!saved.ok) return refused(saved.errors, values);
  redirect("/admin/mulai?daerah=1");
}

export async function updateRegionForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await settingsActor();
  const region = await regionOrSetup(actor);
  const values = textFields(formData);
  const parsed = regionInput.safeParse(values);
  if (!parsed.success) return refused(fieldErrors(parsed.error), values);
  const saved = await updateRegion(await getDb(), actor, region.id, parsed.data);
  if (!saved.ok) return refused(saved.errors, values);
  redirect("/admin/pengaturan?tersimpan=daerah");
}

// ---- calendar ----

const calendarPage = (date: string, extra = "") => `/admin/pengaturan/kalender?tahun=${date.slice(0, 4)}${extra}`;

export async function saveHolidayForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await settingsActor();
  const region = await regionOrSetup(actor);
  const values = textFields(formData);
  const parsed = holidayInput.safeParse(values);
  if (!parsed.success) return refused(fieldErrors(parsed.error), values);
  const id = values.id ?? "";
  const db = await getDb();
  const saved = id
    ? await updateHoliday(db, actor, region.id, id, parsed.data)
    : await addHoliday(db, actor, region.id, parsed.data);
  if (!saved.ok) return refused(saved.errors, values);
  redirect(calendarPage(parsed.data.date, `&tersimpan=${id ? "ubah" : "tambah"}`));
}

export async function removeHolidayForm(formData: FormData): Promise<void> {
  const actor = await settingsActor();
  const region = await regionOrSetup(actor);
  const year = /^\d{4}$/.test(field(formData, "year")) ? field(formData, "year") : String(new Date().getUTCFullYear());
  const saved = await removeHoliday(await getDb(), actor, region.id, field(formData, "id"));
  redirect(calendarPage(year, saved.ok ? "&tersimpan=hapus" : "&galat=hilang"));
}

export async function addShippedYearForm(formData: FormData): Promise<void> {
  const actor = await settingsActor();
  const region = await regionOrSetup(actor);
  const year = Number(field(formData, "year"));
  const saved = Number.isInteger(year) ? await addShippedYear(await getDb(), actor, region.id, year) : null;
  redirect(calendarPage(String(year), saved?.ok ? `&ditambah=${saved.id}` : ""));
}

// ---- service catalog ----

const MAX_DOCUMENT_ROWS = 30;

export async function saveServiceTypeForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await settingsActor();
  const region = await regionOrSetup(actor);
  const values = textFields(formData);
  const documents: Record<string, string>[] = [];
  const rowOf: number[] = [];
  const count = Math.min(Number(values.documentRows) || 0, MAX_DOCUMENT_ROWS);
  for (let i = 0; i < count; i++) {
    const p = `documents.${i}.`;
    const row = {
      code: values[`${p}code`] ?? "",
      nameId: values[`${p}nameId`] ?? "",
      nameEn: values[`${p}nameEn`] ?? "",
      required: values[`${p}required`] ?? "",
    };
    // a row left empty (or emptied to remove the document) is not a document
    if (!row.code.trim() && !row.nameId.trim() && !row.nameEn.trim()) continue;
    documents.push(row);
    rowOf.push(i);
  }
  const parsed = serviceTypeInput.safeParse({ ...values, documents });
  if (!parsed.success) {
    // errors of the n-th kept document point at the row it was typed in
    const errors = Object.fromEntries(
      Object.entries(fieldErrors(parsed.error)).map(([k, v]) => {
        const m = /^documents\.(\d+)\.(.+)$/.exec(k);
        return [m ? `documents.${rowOf[Number(m[1])]}.${m[2]}` : k, v];
      }),
    );
    return refused(errors, values);
  }
  const id = values.id || null;
  const saved = await saveServiceType(await getDb(), actor, region.id, id, parsed.data);
  if (!saved.ok) return refused(saved.errors, values);
  redirect(`/admin/pengaturan/layanan?tersimpan=${encodeURIComponent(saved.id)}`);
}
