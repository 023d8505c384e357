// Storing survey responses on the real relational engines: validation, the honeypot, double taps,
// throttling of open links (held in the database, so it holds across web instances) and one-time links.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../../../etl/generate/generate";
import type { Db } from "@/server/db/client";
import { createPrisma } from "@/server/db/client";
import { openTestDb, relationalKinds } from "@/test/stores";
import { createCaller } from "@/server/api/root";
import { issueInvite } from "./invites";
import { answersFromForm } from "../schemas";
import { hashToken, submitSurvey, THROTTLE } from "./submit";

const key = () => randomBytes(12).toString("base64url");
const answers = (over: Record<string, unknown> = {}) => ({
  submissionKey: key(),
  serviceTypeId: "",
  ageGroup: "26-35",
  gender: "P",
  education: "D4-S1",
  occupation: "PNS",
  u1: "4",
  u2: "3",
  u3: "3",
  u4: "4",
  u5: "3",
  u6: "4",
  u7: "4",
  u8: "2",
  u9: "3",
  suggestion: "",
  contact: "",
  website: "",
  ...over,
});

/** What the form's server action does: its text fields made typed, then the one door. */
const submitForm = (
  db: Db,
  target: Parameters<typeof submitSurvey>[1],
  raw: Record<string, unknown>,
  client: string,
  now?: Date,
) => submitSurvey(db, target, answersFromForm(raw), client, now);

describe.each(relationalKinds)("survey responses on %s", (kind) => {
  let db: Db;
  let conn: Parameters<typeof createPrisma>[0];
  let close: () => Promise<void>;
  let serviceTypeId: string;
  let requestIds: string[];

  beforeAll(async () => {
    ({ db, conn, close } = await openTestDb(kind));
    await generate(db, { seed: 3, employees: 40, start: "2026-01-05", end: "2026-03-31" });
    const region = await db.region.findFirstOrThrow();
    const unit = await db.unit.findFirstOrThrow({ where: { code: "BKPSDM" } });
    const service = await db.serviceType.findFirstOrThrow({ where: { code: "CUTI" } });
    serviceTypeId = service.id;
    await db.servicePoint.create({
      data: { regionId: region.id, unitId: unit.id, code: "loket-bkpsdm", name: "Loket BKPSDM" },
    });
    await db.servicePoint.create({
      data: { regionId: region.id, unitId: unit.id, serviceTypeId: service.id, code: "loket-cuti", name: "Loket cuti" },
    });
    // completed requests nobody has rated yet (the generator answers about a third of them)
    const rated = new Set(
      (await db.surveyResponse.findMany({ where: { requestId: { not: null } }, select: { requestId: true } })).map(
        (r) => r.requestId,
      ),
    );
    requestIds = (await db.serviceRequest.findMany({ where: { status: "COMPLETED" }, select: { id: true } }))
      .map((r) => r.id)
      .filter((id) => !rated.has(id))
      .slice(0, 3);
    expect(requestIds).toHaveLength(3);
  }, 60_000);
  afterAll(() => close());

  const point = (code = "loket-bkpsdm") => ({ kind: "point" as const, code, channel: "LINK" as const });

  it("stores a valid response from an open link with the point's unit", async () => {
    const r = await submitForm(
      db,
      point(),
      answers({ serviceTypeId, suggestion: "Antrean terlalu panjang", contact: "0812-0000-1111" }),
      "client-a",
    );
    expect(r).toMatchObject({ ok: true });
    const row = await db.surveyResponse.findUniqueOrThrow({ where: { id: (r as { responseId: string }).responseId } });
    expect(row).toMatchObject({
      channel: "LINK",
      serviceTypeId,
      u1: 4,
      u8: 2,
      suggestion: "Antrean terlalu panjang",
      contact: "0812-0000-1111",
      isComplaint: false,
      followUp: "NONE",
    });
  });

  it("says what is wrong next to each field and stores nothing", async () => {
    const before = await db.surveyResponse.count();
    const r = await submitForm(db, point(), answers({ serviceTypeId, u3: "", gender: "X", u9: "5" }), "client-b");
    expect(r).toEqual({
      ok: false,
      errors: { u3: "survey.error.score", gender: "survey.error.choose", u9: "survey.error.score" },
    });
    expect(await submitForm(db, point(), answers({ serviceTypeId, isComplaint: "on" }), "client-b")).toEqual({
      ok: false,
      errors: { suggestion: "survey.error.complaintText" },
    });
    expect(await submitForm(db, point(), answers({ serviceTypeId: "" }), "client-b")).toEqual({
      ok: false,
      errors: { serviceTypeId: "survey.error.choose" },
    });
    expect(await db.surveyResponse.count()).toBe(before);
  });

  it("takes JSON only with exact types, refuses unknown fields, and drops NUL from free text", async () => {
    const typed = (over: Record<string, unknown> = {}) => ({ ...answersFromForm(answers({ serviceTypeId })), ...over });
    const before = await db.surveyResponse.count();
    for (const bad of [
      { u1: true },
      { u1: [3] },
      { u1: "4" },
      { u1: 2.5 },
      { isComplaint: "yes" },
      { suggestion: 5 },
    ]) {
      const r = await submitSurvey(db, point(), typed(bad), "client-json");
      expect(r).toMatchObject({ ok: false });
      expect(
        Object.values((r as { errors: Record<string, string> }).errors).every((m) => m.startsWith("survey.error.")),
      ).toBe(true);
    }
    expect(await submitSurvey(db, point(), typed({ extra: 1 }), "client-json")).toEqual({
      ok: false,
      errors: { form: "survey.error.unknownField" },
    });
    expect(await submitSurvey(db, point(), { submissionKey: 5 }, "client-json")).toMatchObject({
      ok: false,
      errors: { submissionKey: "survey.error.expired", u1: "survey.error.score", gender: "survey.error.choose" },
    });
    expect(await db.surveyResponse.count()).toBe(before);
    const r = await submitSurvey(
      db,
      point(),
      typed({ suggestion: "Ruang tunggu\u0000 panas", contact: "08\u00001" }),
      "client-json",
    );
    expect(r.ok).toBe(true);
    expect(
      await db.surveyResponse.findUniqueOrThrow({ where: { id: (r as { responseId: string }).responseId } }),
    ).toMatchObject({ suggestion: "Ruang tunggu panas", contact: "081" });
  });

  it("takes the point's own service when it has one, and refuses a service of nowhere", async () => {
    const r = await submitForm(db, point("loket-cuti"), answers({ serviceTypeId: "ignored" }), "client-c");
    expect(r.ok).toBe(true);
    const bad = await submitForm(db, point(), answers({ serviceTypeId: "no-such-service" }), "client-c");
    expect(bad).toEqual({ ok: false, errors: { serviceTypeId: "survey.error.choose" } });
    expect(await submitForm(db, point("no-such-point"), answers({ serviceTypeId }), "client-c")).toEqual({
      ok: false,
      errors: { form: "survey.error.unknownPoint" },
    });
  });

  it("keeps one response for a double tap, sequential or at the same moment", async () => {
    const a = answers({ serviceTypeId });
    const before = await db.surveyResponse.count();
    const [x, y] = await Promise.all([submitForm(db, point(), a, "client-d"), submitForm(db, point(), a, "client-d")]);
    const z = await submitForm(db, point(), a, "client-d");
    expect([x.ok, y.ok, z.ok]).toEqual([true, true, true]);
    expect(await db.surveyResponse.count()).toBe(before + 1);
  });

  it("thanks a bot that filled the honeypot and keeps nothing", async () => {
    const before = await db.surveyResponse.count();
    expect(
      await submitForm(db, point(), answers({ serviceTypeId, website: "http://spam.example" }), "client-e"),
    ).toEqual({ ok: true, responseId: null });
    expect(await db.surveyResponse.count()).toBe(before);
  });

  it("throttles an open link per client, across web instances sharing the database", async () => {
    // the attempts alternate between two Prisma clients on the same database, as two web instances would
    const second = createPrisma(conn);
    const results = [];
    for (let i = 0; i < THROTTLE.max + 1; i++)
      results.push(await submitForm(i % 2 ? second : db, point(), answers({ serviceTypeId }), "client-f"));
    expect(results.slice(0, THROTTLE.max).every((r) => r.ok)).toBe(true);
    expect(results.at(-1)).toEqual({
      ok: false,
      errors: { form: "survey.error.throttled" },
      retryMinutes: THROTTLE.windowMinutes,
    });
    expect((await submitForm(db, point(), answers({ serviceTypeId }), "client-g")).ok).toBe(true);
    // after the window the client may answer again
    const later = new Date(Date.now() + (THROTTLE.windowMinutes + 1) * 60_000);
    expect((await submitForm(db, point(), answers({ serviceTypeId }), "client-f", later)).ok).toBe(true);
  });

  it("lets a one-time link answer once, even from two tabs at once", async () => {
    const token = randomBytes(18).toString("base64url");
    await db.surveyInvite.create({ data: { tokenHash: hashToken(token), requestId: requestIds[0]! } });
    const invite = { kind: "invite" as const, token };
    const first = await submitForm(db, invite, answers(), "client-h");
    expect(first.ok).toBe(true);
    const row = await db.surveyResponse.findUniqueOrThrow({
      where: { id: (first as { responseId: string }).responseId },
    });
    expect(row).toMatchObject({ channel: "INVITE", requestId: requestIds[0] });
    expect(await submitForm(db, invite, answers(), "client-h")).toEqual({
      ok: false,
      errors: { form: "survey.error.inviteUsed" },
    });

    const token2 = randomBytes(18).toString("base64url");
    await db.surveyInvite.create({ data: { tokenHash: hashToken(token2), requestId: requestIds[1]! } });
    const both = await Promise.all([
      submitForm(db, { kind: "invite", token: token2 }, answers(), "x"),
      submitForm(db, { kind: "invite", token: token2 }, answers(), "y"),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.surveyResponse.count({ where: { requestId: requestIds[1] } })).toBe(1);
    expect(await submitForm(db, { kind: "invite", token: "not-a-token" }, answers(), "z")).toEqual({
      ok: false,
      errors: { form: "survey.error.unknownInvite" },
    });
  });

  it("shows suggestions to leaders without contacts, to HR with them, and lets HR follow a complaint up once per change", async () => {
    const as = (role: "LEADER" | "HR" | "UNIT_HEAD", unitId: string | null = null) =>
      createCaller({
        db,
        clientKey: "t",
        session: {
          expires: new Date(Date.now() + 3_600_000).toISOString(),
          user: { id: `u-${role}`, name: role, username: role, role, unitId },
        },
      });
    const r = await submitForm(
      db,
      point(),
      answers({ serviceTypeId, isComplaint: "on", suggestion: "Tidak ada kabar", contact: "0812-1" }),
      "client-j",
    );
    const id = (r as { responseId: string }).responseId;
    const leaderView = await as("LEADER").survey.feedback({ period: "month", only: "complaints" });
    const mine = leaderView.rows.find((x) => x.id === id)!;
    expect(mine).toMatchObject({ suggestion: "Tidak ada kabar", isComplaint: true, followUp: "OPEN" });
    expect("contact" in mine && mine.contact).toBeFalsy();
    expect(leaderView.canFollowUp).toBe(false);
    await expect(as("LEADER").survey.setFollowUp({ id, state: "RESOLVED" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const hr = as("HR");
    expect((await hr.survey.feedback({ period: "month", only: "open" })).rows.find((x) => x.id === id)?.contact).toBe(
      "0812-1",
    );
    await hr.survey.setFollowUp({ id, state: "IN_PROGRESS" });
    await hr.survey.setFollowUp({ id, state: "IN_PROGRESS" });
    expect(await db.auditLog.count({ where: { action: "survey.followup", entityId: id } })).toBe(1);
    await hr.survey.setFollowUp({ id, state: "RESOLVED" });
    expect((await hr.survey.feedback({ period: "month", only: "open" })).rows.some((x) => x.id === id)).toBe(false);

    // a unit head sees only their own units' entries
    const other = await db.unit.findFirstOrThrow({ where: { code: "DISDIK" } });
    const headView = await as("UNIT_HEAD", other.id).survey.feedback({ period: "month", only: "all" });
    expect(headView.rows.every((x) => x.unitId !== (mine as { unitId: string }).unitId)).toBe(true);
  });

  it("evaluates the people who handled rated requests, for HR only and logged", async () => {
    const hr = createCaller({
      db,
      clientKey: "t",
      session: {
        expires: new Date(Date.now() + 3_600_000).toISOString(),
        user: { id: "hr", name: "HR", username: "hr", role: "HR", unitId: null },
      },
    });
    const rows = await hr.survey.handlers({ from: "2020-01-01", to: "2030-12-31" });
    expect(rows.length).toBeGreaterThan(0);
    // recomputed here: each handler's distinct rated requests
    const rated = await db.surveyResponse.findMany({ where: { requestId: { not: null } } });
    const events = await db.requestEvent.findMany({
      where: { requestId: { in: rated.map((r) => r.requestId!) }, actorName: { not: null } },
    });
    const first = rows[0]!;
    const mine = new Set(events.filter((e) => e.actorName === first.actor).map((e) => e.requestId));
    expect(first.respondents).toBe(rated.filter((r) => mine.has(r.requestId!)).length);
    // a handful of ratings grades nobody (the floor, ikm.ts)
    for (const r of rows)
      if (r.respondents < 30) expect([r.ikm, r.grade, r.weakest, r.minimum]).toEqual([null, null, null, 30]);
    expect(await db.auditLog.count({ where: { action: "survey.handlers.read" } })).toBeGreaterThan(0);

    // days are the region's: an answer at 01:00 on 1 December in Jayapura (16:00 UTC the day before)
    // belongs to 1 December, not to 30 November as a fixed Jakarta offset would have it
    const region = await db.region.findFirstOrThrow();
    const answer = rated[0]!;
    await db.region.update({ where: { id: region.id }, data: { timezone: "Asia/Jayapura" } });
    await db.surveyResponse.update({ where: { id: answer.id }, data: { createdAt: new Date("2026-11-30T16:00:00Z") } });
    try {
      const onDay = async (d: string) =>
        (await hr.survey.handlers({ from: d, to: d })).reduce((n, r) => n + r.respondents, 0);
      expect(await onDay("2026-11-30")).toBe(0);
      expect(await onDay("2026-12-01")).toBeGreaterThan(0);
    } finally {
      await db.region.update({ where: { id: region.id }, data: { timezone: region.timezone } });
      await db.surveyResponse.update({ where: { id: answer.id }, data: { createdAt: answer.createdAt } });
    }
    const leader = createCaller({
      db,
      clientKey: "t",
      session: {
        expires: new Date(Date.now() + 3_600_000).toISOString(),
        user: { id: "l", name: "L", username: "l", role: "LEADER", unitId: null },
      },
    });
    await expect(leader.survey.handlers({ from: "2020-01-01", to: "2030-12-31" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("issues a one-time link for a finished, unrated request, replacing an unused one, and refuses others", async () => {
    const request = await db.serviceRequest.findUniqueOrThrow({ where: { id: requestIds[2]! } });
    const first = await issueInvite(db, request.number.toLowerCase());
    const second = await issueInvite(db, request.number);
    expect("token" in first && "token" in second).toBe(true);
    const [t1, t2] = [(first as { token: string }).token, (second as { token: string }).token];
    expect(await submitForm(db, { kind: "invite", token: t1 }, answers(), "k1")).toEqual({
      ok: false,
      errors: { form: "survey.error.unknownInvite" },
    });
    expect((await submitForm(db, { kind: "invite", token: t2 }, answers(), "k1")).ok).toBe(true);
    expect(await issueInvite(db, request.number)).toEqual({ error: "survey.error.inviteUsed" });
    expect(await issueInvite(db, "NO/SUCH/1")).toEqual({ error: "survey.invite.error.unknown" });
    const open = await db.serviceRequest.findFirstOrThrow({ where: { status: { notIn: ["COMPLETED", "REJECTED"] } } });
    expect(await issueInvite(db, open.number)).toEqual({ error: "survey.invite.error.notFinished" });
  });

  it("marks a complaint for follow-up", async () => {
    const r = await submitForm(
      db,
      point(),
      answers({ serviceTypeId, isComplaint: "on", suggestion: "Berkas saya hilang dua kali" }),
      "client-i",
    );
    const row = await db.surveyResponse.findUniqueOrThrow({ where: { id: (r as { responseId: string }).responseId } });
    expect(row).toMatchObject({ isComplaint: true, followUp: "OPEN" });
  });
});
