// The generator's relational writes: the region with its calendar, units, service catalog and employees
// (kept when there; employees at the history's start), and a range's service requests, their events and the
// survey answers given through the requests' one-time links, counted into the truth as they are planned.
import { isFinal } from "@/lib/domain/sla";
import type { RequestStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db/client";
import { INDONESIAN_HOLIDAYS } from "@/lib/domain/holidays-id";
import { dateOfDay, localInstant } from "@/lib/domain/working-days";
import { SERVICES, UNITS } from "./catalog";
import { DAILY_GRACE, MONTHLY_DEADLINE_DAY, type GenerateConfig, type Generator, type Truth } from "./model";
import { normal, pick, rng } from "./random";

/** The ids the written region's rows got: units and services by their place in the catalog. */
export interface RegionIds {
  regionId: string;
  unitIds: string[];
  serviceIds: string[];
}

export async function writeRegion(
  db: Db,
  cfg: GenerateConfig,
  g: Generator,
  log: (s: string) => void,
): Promise<RegionIds> {
  const { emps, from, start } = g;
  const region = await db.region.upsert({
    where: { code: cfg.regionCode ?? "DEMO" },
    update: {},
    create: {
      code: cfg.regionCode ?? "DEMO",
      name: cfg.regionName ?? "Kabupaten Sukamaju (demo)",
      timezone: "Asia/Jakarta",
      ekinerjaDeadlineDay: MONTHLY_DEADLINE_DAY,
      dailyLogGraceDays: DAILY_GRACE,
    },
  });
  const regionId = region.id;
  const unitIds: string[] = [];
  const serviceIds: string[] = [];
  if ((await db.holiday.count({ where: { regionId } })) === 0) {
    await db.holiday.createMany({
      data: INDONESIAN_HOLIDAYS.map((h) => ({ regionId, date: new Date(h.date), kind: h.kind, name: h.name })),
    });
  }
  const byCode = new Map<string, string>();
  for (const u of UNITS) {
    const unit = await db.unit.upsert({
      where: { regionId_code: { regionId, code: u.code } },
      update: {},
      create: { regionId, code: u.code, name: u.name, parentId: u.parent ? byCode.get(u.parent) : null },
    });
    byCode.set(u.code, unit.id);
    unitIds.push(unit.id);
  }
  for (const s of SERVICES) {
    const st = await db.serviceType.upsert({
      where: { regionId_code: { regionId, code: s.code } },
      update: {},
      create: {
        regionId,
        code: s.code,
        nameId: s.nameId,
        nameEn: s.nameEn,
        slaDays: s.slaDays,
        viaBkn: s.bkn,
        documents: s.documents as never,
      },
    });
    serviceIds.push(st.id);
  }
  if (from === start) {
    for (let i = 0; i < emps.length; i += 5000) {
      await db.employee.createMany({
        skipDuplicates: true,
        data: emps.slice(i, i + 5000).map((e) => ({
          id: e.id,
          regionId,
          unitId: unitIds[e.unit]!,
          nip: e.nip,
          employmentType: e.type,
          name: e.name,
          gender: e.gender,
          rank: e.rank,
          position: e.position,
          appointedOn: dateOfDay(e.appointed),
          retiredOn: e.retired === null ? null : dateOfDay(e.retired),
        })),
      });
    }
    log(`employees: ${emps.length}`);
  }
  return { regionId, unitIds, serviceIds };
}

/** A range's new requests, the status changes of older ones, their events and survey answers, as rows. */
export interface RequestRows {
  newRequests: Record<string, unknown>[];
  updates: { id: string; status: RequestStatus; completedAt: Date | null }[];
  newEvents: Record<string, unknown>[];
  newResponses: Record<string, unknown>[];
}

/** Plans [from, to]'s requests and survey answers (ids empty when nothing is written) into rows and the truth. */
export function requestRows(cfg: GenerateConfig, g: Generator, ids: RegionIds, truth: Truth): RequestRows {
  const { calendar, from, to } = g;
  const { regionId, unitIds, serviceIds } = ids;
  const requests = g.planRequests();
  const newRequests: Record<string, unknown>[] = [];
  const updates: { id: string; status: RequestStatus; completedAt: Date | null }[] = [];
  const newEvents: Record<string, unknown>[] = [];
  const newResponses: Record<string, unknown>[] = [];
  for (const p of requests) {
    if (p.submitted > to) continue;
    const visible = p.events.filter((ev) => ev.day <= to);
    const last = visible[visible.length - 1]!;
    const finished = isFinal(last.status);
    truth.requests.submitted++;
    truth.requests.events += visible.length;
    if (visible.some((ev) => ev.status === "RETURNED")) truth.requests.returned++;
    if (finished) {
      if (last.status === "COMPLETED") {
        truth.requests.completed++;
        if (p.processing > SERVICES[p.service]!.slaDays) truth.requests.breached++;
        (truth.requests.processingByService[SERVICES[p.service]!.code] ??= []).push(p.processing);
      } else truth.requests.rejected++;
    } else truth.requests.open++;
    const inRange = visible.filter((ev) => ev.day >= from);
    if (inRange.length === 0) continue;
    const completedAt = finished ? localInstant(last.day, last.minutes) : null;
    if (p.submitted >= from) {
      newRequests.push({
        id: p.id,
        regionId,
        number: p.number,
        serviceTypeId: serviceIds[p.service],
        employeeId: p.emp.id,
        unitId: unitIds[p.emp.unit],
        status: last.status,
        submittedAt: localInstant(p.submitted, p.events[0]!.minutes),
        completedAt,
        slaDays: SERVICES[p.service]!.slaDays,
      });
    } else updates.push({ id: p.id, status: last.status, completedAt });
    for (const ev of inRange) {
      newEvents.push({
        requestId: p.id,
        status: ev.status,
        actorName: ev.actor,
        at: localInstant(ev.day, ev.minutes),
        note: ev.note,
      });
    }
  }
  // Survey answers through the one-time link of a completed request: about a third answer, within two
  // days; slow units and SLA breaches score lower on time (U3), complaint handling (U8) is the usual
  // weak spot, and personnel services are free (U4).
  for (const p of requests) {
    const last = p.events[p.events.length - 1]!;
    if (last.status !== "COMPLETED") continue;
    // seeded by the request itself, not its place in the list: a later end adds requests to the list, and a
    // continued history must give the requests it already wrote the same answers
    const r = rng(cfg.seed, 9, p.emp.index, p.service, p.k);
    if (r() > 0.35) continue;
    const day = calendar.addWorkingDays(last.day, Math.floor(r() * 3));
    if (day < from || day > to) continue;
    const slow = UNITS[p.emp.unit]!.slowness;
    const breached = p.processing > SERVICES[p.service]!.slaDays;
    const base = 3.35 - 0.35 * (slow - 1);
    const adjust: Record<string, number> = { u3: breached ? -0.9 : 0, u4: 0.6, u8: -0.45 };
    const score = (k: string) => Math.min(4, Math.max(1, Math.round(base + (adjust[k] ?? 0) + normal(r) * 0.55)));
    const complaint = r() < (breached ? 0.25 : 0.03);
    newResponses.push({
      regionId,
      unitId: unitIds[p.emp.unit],
      serviceTypeId: serviceIds[p.service],
      requestId: p.id,
      submissionKey: `gen-${p.id}`,
      channel: "INVITE",
      ageGroup: pick(r, ["<=25", "26-35", "36-45", "46-55", ">=56"]),
      gender: p.emp.gender,
      education: pick(r, ["SMA", "D1-D3", "D4-S1", "D4-S1", "S2-S3"]),
      occupation: p.emp.type,
      ...Object.fromEntries(["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"].map((k) => [k, score(k)])),
      suggestion: complaint
        ? "Proses terlalu lama dan tidak ada kabar perkembangan."
        : r() < 0.15
          ? "Mohon informasi persyaratan dibuat lebih jelas."
          : null,
      isComplaint: complaint,
      followUp: complaint ? "OPEN" : "NONE",
      createdAt: localInstant(day, 9 * 60 + Math.floor(r() * 420)),
    });
    truth.survey.responses++;
  }
  return { newRequests, updates, newEvents, newResponses };
}

export async function writeRequestRows(db: Db, rows: RequestRows, log: (s: string) => void) {
  const { newRequests, updates, newEvents, newResponses } = rows;
  for (let i = 0; i < newRequests.length; i += 5000) {
    await db.serviceRequest.createMany({ data: newRequests.slice(i, i + 5000) as never });
  }
  for (let i = 0; i < updates.length; i += 500) {
    await db.$transaction(
      updates
        .slice(i, i + 500)
        .map((u) =>
          db.serviceRequest.update({ where: { id: u.id }, data: { status: u.status, completedAt: u.completedAt } }),
        ),
    );
  }
  for (let i = 0; i < newEvents.length; i += 10_000) {
    await db.requestEvent.createMany({ data: newEvents.slice(i, i + 10_000) as never });
  }
  for (let i = 0; i < newResponses.length; i += 5000) {
    await db.surveyResponse.createMany({ data: newResponses.slice(i, i + 5000) as never });
  }
  log(`requests: ${newRequests.length} new, ${updates.length} updated, ${newEvents.length} events`);
}
