// Changes to the region's settings, calendar and service catalog. Each is one transaction with its
// audit entry (before and after), so a refused or failed change leaves nothing half-saved.
// Past figures stay as they were: a request keeps the SLA it was submitted under (ServiceRequest.slaDays),
// and the ETL sends calendar edits and removals to ClickHouse (dim_holiday, removed days marked deleted).
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit, type Actor } from "@/server/audit";
import type { Db } from "@/server/db/client";
import type { FieldErrors, HolidayInput, RegionInput, ServiceTypeInput } from "../schemas";
import { shippedHolidays } from "./queries";

export type Saved<T = string> = { ok: true; id: T } | { ok: false; errors: FieldErrors };

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const regionFields = {
  id: true,
  code: true,
  name: true,
  kind: true,
  timezone: true,
  ekinerjaDeadlineDay: true,
  dailyLogGraceDays: true,
} as const;
const holidayView = (h: { id: string; date: Date; kind: string; name: string }) => ({
  id: h.id,
  date: h.date.toISOString().slice(0, 10),
  kind: h.kind,
  name: h.name,
});

/** Thrown inside a transaction to undo it and answer with field errors. */
class Refused extends Error {
  constructor(readonly errors: FieldErrors) {
    super("refused");
  }
}

async function refusable<T>(fn: () => Promise<T>): Promise<Saved<T>> {
  try {
    return { ok: true, id: await fn() };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, errors: err.errors };
    throw err;
  }
}

/** The first (and today the only) region, with its starting calendar. */
export function createRegion(db: Db, actor: Actor, input: RegionInput, holidays: HolidayInput[]): Promise<Saved> {
  return refusable(() =>
    db.$transaction(async (tx) => {
      if ((await tx.region.count()) > 0) throw new Refused({ _form: "setup.error.regionExists" });
      const dates = new Set<string>();
      holidays.forEach((h) => {
        if (dates.has(h.date)) throw new Refused({ _form: "setup.error.holidayTwice" });
        dates.add(h.date);
      });
      const region = await tx.region.create({ data: input, select: regionFields });
      if (holidays.length)
        await tx.holiday.createMany({
          data: holidays.map((h) => ({ regionId: region.id, date: day(h.date), kind: h.kind, name: h.name })),
        });
      await recordAudit(tx, actor, {
        action: "region.create",
        entity: "Region",
        entityId: region.id,
        after: { ...region, holidays: holidays.length },
      });
      return region.id;
    }),
  );
}

export function updateRegion(db: Db, actor: Actor, regionId: string, input: RegionInput): Promise<Saved> {
  return refusable(() =>
    db.$transaction(async (tx) => {
      const before = await tx.region.findUnique({ where: { id: regionId }, select: regionFields });
      if (!before) throw new Refused({ _form: "setup.error.noRegion" });
      if (
        input.code !== before.code &&
        (await tx.region.findUnique({ where: { code: input.code }, select: { id: true } }))
      )
        throw new Refused({ code: "setup.error.regionCodeTaken" });
      const after = await tx.region.update({ where: { id: regionId }, data: input, select: regionFields });
      await recordAudit(tx, actor, { action: "region.update", entity: "Region", entityId: regionId, before, after });
      return regionId;
    }),
  );
}

export function addHoliday(db: Db, actor: Actor, regionId: string, input: HolidayInput): Promise<Saved> {
  return refusable(() =>
    db.$transaction(async (tx) => {
      if (
        await tx.holiday.findUnique({
          where: { regionId_date: { regionId, date: day(input.date) } },
          select: { id: true },
        })
      )
        throw new Refused({ date: "setup.error.holidayTaken" });
      const h = await tx.holiday.create({
        data: { regionId, date: day(input.date), kind: input.kind, name: input.name },
      });
      await recordAudit(tx, actor, {
        action: "holiday.create",
        entity: "Holiday",
        entityId: h.id,
        after: holidayView(h),
      });
      return h.id;
    }),
  );
}

export function updateHoliday(db: Db, actor: Actor, regionId: string, id: string, input: HolidayInput): Promise<Saved> {
  return refusable(() =>
    db.$transaction(async (tx) => {
      const before = await tx.holiday.findFirst({ where: { id, regionId } });
      if (!before) throw new Refused({ _form: "setup.error.holidayGone" });
      const other = await tx.holiday.findUnique({
        where: { regionId_date: { regionId, date: day(input.date) } },
        select: { id: true },
      });
      if (other && other.id !== id) throw new Refused({ date: "setup.error.holidayTaken" });
      const after = await tx.holiday.update({
        where: { id },
        data: { date: day(input.date), kind: input.kind, name: input.name },
      });
      await recordAudit(tx, actor, {
        action: "holiday.update",
        entity: "Holiday",
        entityId: id,
        before: holidayView(before),
        after: holidayView(after),
      });
      return id;
    }),
  );
}

export function removeHoliday(db: Db, actor: Actor, regionId: string, id: string): Promise<Saved> {
  return refusable(() =>
    db.$transaction(async (tx) => {
      const before = await tx.holiday.findFirst({ where: { id, regionId } });
      if (!before) throw new Refused({ _form: "setup.error.holidayGone" });
      await tx.holiday.delete({ where: { id } });
      await recordAudit(tx, actor, {
        action: "holiday.delete",
        entity: "Holiday",
        entityId: id,
        before: holidayView(before),
      });
      return id;
    }),
  );
}

/** The shipped national list of a year, for the days the region does not have yet (its own edits stay). */
export async function addShippedYear(db: Db, actor: Actor, regionId: string, year: number): Promise<Saved<number>> {
  const seeds = shippedHolidays(year);
  if (!seeds.length) return { ok: false, errors: { _form: "setup.error.noShippedYear" } };
  return refusable(() =>
    db.$transaction(async (tx) => {
      const have = new Set(
        (
          await tx.holiday.findMany({
            where: { regionId, date: { gte: day(`${year}-01-01`), lte: day(`${year}-12-31`) } },
            select: { date: true },
          })
        ).map((h) => h.date.toISOString().slice(0, 10)),
      );
      const add = seeds.filter((s) => !have.has(s.date));
      if (add.length)
        await tx.holiday.createMany({
          data: add.map((s) => ({ regionId, date: day(s.date), kind: s.kind, name: s.name })),
        });
      await recordAudit(tx, actor, {
        action: "holiday.add_national_year",
        entity: "Region",
        entityId: regionId,
        after: { year, added: add.map((s) => s.date) },
      });
      return add.length;
    }),
  );
}

const serviceView = (s: {
  id: string;
  code: string;
  nameId: string;
  nameEn: string;
  slaDays: number;
  viaBkn: boolean;
  active: boolean;
  documents: unknown;
}) => ({
  id: s.id,
  code: s.code,
  nameId: s.nameId,
  nameEn: s.nameEn,
  slaDays: s.slaDays,
  viaBkn: s.viaBkn,
  active: s.active,
  documents: s.documents,
});

/** A new service in the catalog, or (with id) a change to one (its code stays); requests already submitted keep their SLA. */
export function saveServiceType(
  db: Db,
  actor: Actor,
  regionId: string,
  id: string | null,
  input: ServiceTypeInput,
): Promise<Saved> {
  const data = { ...input, documents: input.documents as unknown as Prisma.InputJsonValue };
  return refusable(() =>
    db.$transaction(async (tx) => {
      if (!id) {
        if (
          await tx.serviceType.findUnique({
            where: { regionId_code: { regionId, code: input.code } },
            select: { id: true },
          })
        )
          throw new Refused({ code: "setup.error.serviceCodeTaken" });
        const created = await tx.serviceType.create({ data: { ...data, regionId } });
        await recordAudit(tx, actor, {
          action: "service_type.create",
          entity: "ServiceType",
          entityId: created.id,
          after: serviceView(created),
        });
        return created.id;
      }
      const before = await tx.serviceType.findFirst({ where: { id, regionId } });
      if (!before) throw new Refused({ _form: "setup.error.serviceGone" });
      // the code stays: the request forms and the workflow know a service by it (CUTI has leave fields)
      const after = await tx.serviceType.update({ where: { id }, data: { ...data, code: before.code } });
      await recordAudit(tx, actor, {
        action: "service_type.update",
        entity: "ServiceType",
        entityId: id,
        before: serviceView(before),
        after: serviceView(after),
      });
      return id;
    }),
  );
}
