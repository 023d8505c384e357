// Relational sources → ClickHouse: each source's rows after its watermark (../extract/watermarks.ts), read by
// name (../extract/relational.ts), turned into the dimension and fact rows ClickHouse holds (SLA days in the
// region's calendar, waits between events) and inserted with the chunk's deduplication token.
import type { RequestStatus } from "@/generated/prisma/enums";
import type { ClickHouse } from "@/server/clickhouse/types";
import { breachedSla, FINAL_STATUSES, isFinal, overdueFrom, slaDeadline } from "@/lib/domain/sla";
import { dayOfDate, isoDay, localDay } from "@/lib/domain/working-days";
import type { Calendars } from "@/server/calendar";
import type { Progress } from "../progress";
import { DEDUP_SETTINGS } from "./files";
import { after, byWatermark, readWatermark, saveWatermark, type WatermarkIo } from "../extract/watermarks";
import { chunkSql, epochMs, fetchRows, selectOf } from "../extract/relational";

/** A relational load's run: the stores, its progress and where its watermarks stand. */
export interface RelationalIo extends WatermarkIo {
  ch: ClickHouse;
  progress: Progress;
}

const ms = (d: Date) => d.getTime();
const dt = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");

// ---- dimensions ----

export async function syncUnits(io: RelationalIo): Promise<number> {
  // Units are few and a unit's path depends on its parents: when any changed, re-send them all.
  const wm = await readWatermark(io.db, "unit");
  const upTo = new Date(Date.now() - io.lagMs);
  const changed = await io.db.unit.findFirst({
    where: after(wm, upTo),
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
  });
  const changedRegion = await io.db.region.findFirst({
    where: after(await readWatermark(io.db, "region"), upTo),
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
  });
  let n = 0;
  if (changedRegion) {
    const regions = await io.db.region.findMany();
    await io.ch.insert(
      "dim_region",
      regions.map((r) => ({
        region_id: r.id,
        code: r.code,
        name: r.name,
        timezone: r.timezone,
        version: ms(r.updatedAt),
      })),
    );
    await saveWatermark(io.db, "region", { updatedAt: changedRegion.updatedAt, lastId: changedRegion.id });
    n += regions.length;
  }
  if (changed) {
    const units = await io.db.unit.findMany();
    const byId = new Map(units.map((u) => [u.id, u]));
    const pathOf = (id: string): string[] => {
      const out: string[] = [];
      for (let u = byId.get(id); u && out.length < 50; u = u.parentId ? byId.get(u.parentId) : undefined)
        out.unshift(u.id);
      return out;
    };
    await io.ch.insert(
      "dim_unit",
      units.map((u) => ({
        unit_id: u.id,
        region_id: u.regionId,
        parent_id: u.parentId,
        code: u.code,
        name: u.name,
        path: pathOf(u.id),
        active: u.active,
        version: ms(u.updatedAt),
      })),
    );
    await saveWatermark(io.db, "unit", { updatedAt: changed.updatedAt, lastId: changed.id });
    n += units.length;
  }
  io.progress.add("dim_unit", n);
  return n;
}

export async function syncEmployees(io: RelationalIo): Promise<number> {
  io.progress.start("dim_employee");
  return byWatermark(
    io,
    "employee",
    20_000,
    async (w, upTo, take) =>
      (
        await io.db.employee.findMany({ where: after(w, upTo), orderBy: [{ updatedAt: "asc" }, { id: "asc" }], take })
      ).map((e) => ({ ...e, stamp: e.updatedAt })),
    async (rows) => {
      await io.ch.insert(
        "dim_employee",
        rows.map((e) => ({
          employee_id: e.id,
          region_id: e.regionId,
          unit_id: e.unitId,
          nip: e.nip,
          name: e.name,
          gender: e.gender,
          employment_type: e.employmentType,
          rank: e.rank,
          position: e.position,
          appointed_on: isoDay(dayOfDate(e.appointedOn)),
          retired_on: e.retiredOn ? isoDay(dayOfDate(e.retiredOn)) : null,
          active: e.active,
          version: ms(e.updatedAt),
        })),
      );
      io.progress.add("dim_employee", rows.length);
      return rows.length;
    },
  );
}

export async function syncServiceTypes(io: RelationalIo): Promise<number> {
  return byWatermark(
    io,
    "service_type",
    5_000,
    async (w, upTo, take) =>
      (
        await io.db.serviceType.findMany({
          where: after(w, upTo),
          orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
          take,
        })
      ).map((e) => ({ ...e, stamp: e.updatedAt })),
    async (rows) => {
      await io.ch.insert(
        "dim_service_type",
        rows.map((s) => ({
          service_type_id: s.id,
          region_id: s.regionId,
          code: s.code,
          name_id: s.nameId,
          name_en: s.nameEn,
          sla_days: s.slaDays,
          active: s.active,
          version: ms(s.updatedAt),
        })),
      );
      io.progress.add("dim_service_type", rows.length);
      return rows.length;
    },
  );
}

/** The calendar is small: compare it whole, send what changed, mark removed days as deleted. */
export async function syncHolidays(io: RelationalIo): Promise<number> {
  const holidays = await io.db.holiday.findMany();
  const inCh = await io.ch.query<{ region_id: string; date: string; kind: string; name: string; deleted: number }>(
    "SELECT region_id, toString(date) AS date, argMax(kind, version) AS kind, argMax(name, version) AS name, argMax(deleted, version) AS deleted FROM dim_holiday GROUP BY region_id, date",
  );
  const current = new Map(inCh.map((h) => [`${h.region_id}|${h.date}`, h]));
  const version = Date.now();
  const rows: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  for (const h of holidays) {
    const date = h.date.toISOString().slice(0, 10);
    const key = `${h.regionId}|${date}`;
    seen.add(key);
    const c = current.get(key);
    if (!c || c.deleted || c.kind !== h.kind || c.name !== h.name)
      rows.push({ region_id: h.regionId, date, kind: h.kind, name: h.name, deleted: 0, version });
  }
  for (const [key, c] of current) {
    if (!seen.has(key) && !c.deleted)
      rows.push({ region_id: c.region_id, date: c.date, kind: c.kind, name: c.name, deleted: 1, version });
  }
  if (rows.length) await io.ch.insert("dim_holiday", rows);
  io.progress.add("dim_holiday", rows.length);
  return rows.length;
}

// ---- requests ----

const STATE_COLUMNS = [
  ["id", "id"],
  ["regionId", `"regionId"`],
  ["unitId", `"unitId"`],
  ["serviceTypeId", `"serviceTypeId"`],
  ["number", `translate(number, E'\\t\\n\\r', '   ')`],
  ["status", "status"],
  ["submittedAt", epochMs('"submittedAt"')],
  ["completedAt", `coalesce(${epochMs('"completedAt"')}::text, '')`],
  ["updatedAt", epochMs('"updatedAt"')],
  ["slaDays", `coalesce("slaDays"::text, '')`],
] as const;
const STATES_SQL = chunkSql("ServiceRequest", "updatedAt", selectOf(STATE_COLUMNS));

export async function loadRequestStates(io: RelationalIo, calendars: Calendars): Promise<number> {
  io.progress.start("fact_request_state");
  const sla = new Map(
    (await io.db.serviceType.findMany({ select: { id: true, slaDays: true } })).map((s) => [s.id, s.slaDays]),
  );
  return byWatermark(
    io,
    "request",
    50_000,
    async (w, upTo, take) =>
      (await fetchRows(io.db, STATE_COLUMNS, STATES_SQL, upTo, w.updatedAt, w.lastId, take)).map((c) => {
        const updatedAt = new Date(Number(c.updatedAt));
        return {
          ...c,
          submittedAt: new Date(Number(c.submittedAt)),
          completedAt: c.completedAt ? new Date(Number(c.completedAt)) : null,
          slaDays: c.slaDays ? Number(c.slaDays) : null,
          updatedAt,
          stamp: updatedAt,
        };
      }),
    async (rows) => {
      await io.ch.insert(
        "fact_request_state",
        rows.map((r) => {
          const { calendar, timezone } = calendars.get(r.regionId);
          const deadline = slaDeadline(
            calendar,
            localDay(r.submittedAt, timezone),
            r.slaDays ?? sla.get(r.serviceTypeId) ?? 0,
          );
          return {
            region_id: r.regionId,
            unit_id: r.unitId,
            service_type_id: r.serviceTypeId,
            request_id: r.id,
            number: r.number,
            status: r.status,
            submitted_at: dt(r.submittedAt),
            done_at: r.completedAt ? dt(r.completedAt) : null,
            sla_due_day: isoDay(deadline),
            overdue_from: isoDay(overdueFrom(calendar, deadline)),
            version: ms(r.updatedAt),
          };
        }),
      );
      io.progress.add("fact_request_state", rows.length);
      return rows.length;
    },
  );
}

interface EventRow {
  id: bigint;
  requestId: string;
  status: RequestStatus;
  at: Date;
  regionId: string;
  unitId: string;
  serviceTypeId: string;
  employeeId: string;
  submittedAt: Date;
  /** The SLA snapshot taken at submission (null for rows from before it existed). */
  slaDays: number | null;
  prevStatus: string;
  prevAt: Date | null;
  returned: number;
  stamp: Date;
}

/** The final statuses as SQL literals (enum names: nothing to escape). */
const FINAL_SQL = FINAL_STATUSES.map((st) => `'${st}'`).join(", ");

const EVENT_COLUMNS = [
  ["id", "c.id"],
  ["requestId", `c."requestId"`],
  ["status", "c.status"],
  ["at", epochMs('c."at"')],
  ["stamp", epochMs('c."createdAt"')],
  ["regionId", `r."regionId"`],
  ["unitId", `r."unitId"`],
  ["serviceTypeId", `r."serviceTypeId"`],
  ["employeeId", `r."employeeId"`],
  ["submittedAt", epochMs('r."submittedAt"')],
  ["slaDays", `coalesce(r."slaDays"::text, '')`],
  ["prevStatus", "coalesce(p.status::text, '')"],
  ["prevAt", `coalesce(${epochMs('p."at"')}::text, '')`],
  [
    "returned",
    `CASE WHEN c.status IN (${FINAL_SQL}) THEN
       (SELECT count(*) FROM "RequestEvent" x
         WHERE x."requestId" = c."requestId" AND x.status = 'RETURNED' AND (x."at", x.id) < (c."at", c.id))
     ELSE 0 END`,
  ],
] as const;

// One query per chunk: each event with its request and the event before it (where the request waited),
// and, for a finishing event, how often the request was returned as incomplete before.
const EVENTS_SQL = `
WITH chunk AS MATERIALIZED (
  -- the chunk first (index range on createdAt, id), so the joins below touch only its rows
  SELECT id, "requestId", status, "at", "createdAt" FROM "RequestEvent"
  WHERE "createdAt" <= $1 AND ("createdAt", id) > ($2, $3)
  ORDER BY "createdAt", id LIMIT $4
)
SELECT string_agg(concat_ws(E'\\t', ${selectOf(EVENT_COLUMNS)}), E'\\n' ORDER BY c."createdAt", c.id) AS tsv
FROM chunk c
JOIN "ServiceRequest" r ON r.id = c."requestId"
LEFT JOIN LATERAL (
  SELECT q.status, q."at" FROM "RequestEvent" q
  WHERE q."requestId" = c."requestId" AND (q."at", q.id) < (c."at", c.id)
  ORDER BY q."at" DESC, q.id DESC LIMIT 1
) p ON true`;

/** Status events, with the time spent in the previous status; a finishing event also yields the finished request. */
export async function loadRequestEvents(io: RelationalIo, calendars: Calendars): Promise<number> {
  io.progress.start("fact_request_event");
  io.progress.start("fact_request_done");
  const sla = new Map(
    (await io.db.serviceType.findMany({ select: { id: true, slaDays: true } })).map((s) => [s.id, s.slaDays]),
  );
  return byWatermark(
    io,
    "request_event",
    50_000,
    async (w, upTo, take) =>
      (await fetchRows(io.db, EVENT_COLUMNS, EVENTS_SQL, upTo, w.updatedAt, BigInt(w.lastId || "0"), take)).map(
        (c): EventRow => ({
          ...c,
          id: BigInt(c.id),
          status: c.status as RequestStatus,
          at: new Date(Number(c.at)),
          stamp: new Date(Number(c.stamp)),
          submittedAt: new Date(Number(c.submittedAt)),
          slaDays: c.slaDays ? Number(c.slaDays) : null,
          prevAt: c.prevAt ? new Date(Number(c.prevAt)) : null,
          returned: Number(c.returned),
        }),
      ),
    async (events, token) => {
      const factRows: Record<string, unknown>[] = [];
      const doneRows: Record<string, unknown>[] = [];
      for (const e of events) {
        const { calendar, timezone } = calendars.get(e.regionId);
        const day = localDay(e.at, timezone);
        factRows.push({
          region_id: e.regionId,
          unit_id: e.unitId,
          service_type_id: e.serviceTypeId,
          request_id: e.requestId,
          event_id: Number(e.id),
          status: e.status,
          prev_status: e.prevStatus,
          at: dt(e.at),
          day: isoDay(day),
          stage_wd: e.prevAt ? calendar.workingDaysBetween(localDay(e.prevAt, timezone), day) : 0,
        });
        if (isFinal(e.status)) {
          const processing = calendar.workingDaysBetween(localDay(e.submittedAt, timezone), day);
          const slaDays = e.slaDays ?? sla.get(e.serviceTypeId) ?? 0;
          doneRows.push({
            region_id: e.regionId,
            unit_id: e.unitId,
            service_type_id: e.serviceTypeId,
            request_id: e.requestId,
            employee_id: e.employeeId,
            outcome: e.status,
            submitted_at: dt(e.submittedAt),
            done_at: dt(e.at),
            submitted_day: isoDay(localDay(e.submittedAt, timezone)),
            day: isoDay(day),
            processing_wd: processing,
            sla_days: slaDays,
            breached: e.status === "COMPLETED" && breachedSla(processing, slaDays) ? 1 : 0,
            returned: e.returned,
          });
        }
      }
      await io.ch.insert("fact_request_event", factRows, {
        settings: { ...DEDUP_SETTINGS, insert_deduplication_token: token },
      });
      if (doneRows.length) {
        await io.ch.insert("fact_request_done", doneRows, {
          settings: { ...DEDUP_SETTINGS, insert_deduplication_token: `${token}:done` },
        });
        io.progress.add("fact_request_done", doneRows.length);
      }
      io.progress.add("fact_request_event", factRows.length);
      return factRows.length;
    },
  );
}

// ---- survey responses ----

const SCORES = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"] as const;
const SURVEY_COLUMNS = [
  ["id", "id"],
  ["regionId", `"regionId"`],
  ["unitId", `"unitId"`],
  ["serviceTypeId", `coalesce("serviceTypeId", '')`],
  ["servicePointId", `coalesce("servicePointId", '')`],
  ["createdAt", epochMs('"createdAt"')],
  ["channel", "channel"],
  ["ageGroup", `"ageGroup"`],
  ["gender", "gender"],
  ["education", "education"],
  ["occupation", "occupation"],
  ...SCORES.map((u) => [u, u] as const),
  ["hasSuggestion", "CASE WHEN suggestion IS NULL OR suggestion = '' THEN 0 ELSE 1 END"],
  ["isComplaint", `CASE WHEN "isComplaint" THEN 1 ELSE 0 END`],
] as const;
const SURVEY_SQL = chunkSql("SurveyResponse", "createdAt", selectOf(SURVEY_COLUMNS));

/**
 * Survey responses, append-only by (createdAt, id): their scores never change. What changes later (a
 * complaint's follow-up) stays in the relational store, and so does the respondent's contact.
 */
export async function loadSurveyResponses(io: RelationalIo, calendars: Calendars): Promise<number> {
  io.progress.start("fact_survey_response");
  return byWatermark(
    io,
    "survey_response",
    50_000,
    async (w, upTo, take) =>
      (await fetchRows(io.db, SURVEY_COLUMNS, SURVEY_SQL, upTo, w.updatedAt, w.lastId, take)).map((c) => ({
        id: c.id,
        c,
        stamp: new Date(Number(c.createdAt)),
      })),
    async (rows, token) => {
      const facts = rows.map(({ c, stamp }) => {
        const { timezone } = calendars.get(c.regionId);
        return {
          region_id: c.regionId,
          unit_id: c.unitId,
          service_type_id: c.serviceTypeId,
          service_point_id: c.servicePointId,
          response_id: c.id,
          day: isoDay(localDay(stamp, timezone)),
          channel: c.channel,
          age_group: c.ageGroup,
          gender: c.gender,
          education: c.education,
          occupation: c.occupation,
          ...Object.fromEntries(SCORES.map((u) => [u, Number(c[u])])),
          has_suggestion: Number(c.hasSuggestion),
          is_complaint: Number(c.isComplaint),
        };
      });
      await io.ch.insert("fact_survey_response", facts, {
        settings: { ...DEDUP_SETTINGS, insert_deduplication_token: token },
      });
      io.progress.add("fact_survey_response", facts.length);
      return facts.length;
    },
  );
}
