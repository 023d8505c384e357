// The request workflow on real engines (PGlite; PostgreSQL too with TEST_DATABASE_URL): leave rules on
// the region's calendar, uploads, transitions allowed and refused, scoping, idempotent actions.
import { readdirSync } from "node:fs";
import path from "node:path";
import { createServer as createTcpServer, type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailerFrom } from "@/server/mail";
import { INDONESIAN_HOLIDAYS } from "@/lib/domain/holidays-id";
import { makePnsNip } from "@/lib/domain/nip";
import type { Db } from "@/server/db/client";
import { DiskStore } from "@/server/storage/disk";
import { openTestDb, relationalKinds, tempDir } from "@/test/stores";
import type { RequestAction } from "../workflow";
import type { UploadFile } from "./documents";
import { leaveBalance } from "./leave";
import { queueCounts, requestDetail, workQueue } from "./queries";
import { actOnRequest, submitRequest, type Outcome, type RequestDeps, type RequestUser } from "./requests";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const JPG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

const file = (name: string, bytes: Uint8Array): UploadFile => ({
  name,
  size: bytes.length,
  arrayBuffer: async () => bytes.slice().buffer,
});
const files = (entries: Record<string, UploadFile>) => new Map(Object.entries(entries));
let keyN = 0;
const key = () => `test-key-${String(++keyN).padStart(8, "0")}-${Math.random().toString(36).slice(2, 8)}`;

/** Tuesday 10 March 2026, 09:00 in Jakarta. */
const NOW = new Date("2026-03-10T02:00:00Z");

interface World {
  db: Db;
  deps: RequestDeps;
  uploads: string;
  users: Record<"hr" | "kadisdik" | "kadinkes" | "rina" | "budi" | "leader", RequestUser>;
  services: Record<"CUTI" | "KP" | "KGB", string>;
  close(): Promise<void>;
}

async function openWorld(kind: (typeof relationalKinds)[number]): Promise<World> {
  const store = await openTestDb(kind);
  const { db } = store;
  const tmp = tempDir("pantau-uploads-");
  const region = await db.region.create({ data: { code: "T", name: "Kabupaten Uji" } });
  await db.holiday.createMany({
    data: INDONESIAN_HOLIDAYS.map((h) => ({ regionId: region.id, date: new Date(h.date), kind: h.kind, name: h.name })),
  });
  const disdik = await db.unit.create({ data: { regionId: region.id, code: "DISDIK", name: "Dinas Pendidikan" } });
  const smp = await db.unit.create({
    data: { regionId: region.id, code: "SMP1", name: "SMP Negeri 1", parentId: disdik.id },
  });
  const dinkes = await db.unit.create({ data: { regionId: region.id, code: "DINKES", name: "Dinas Kesehatan" } });
  const doc = (code: string, required = true) => ({ code, nameId: code, nameEn: code, required });
  const mk = (code: string, slaDays: number, viaBkn: boolean, documents: object[]) =>
    db.serviceType.create({
      data: { regionId: region.id, code, nameId: code, nameEn: code, slaDays, viaBkn, documents: documents as never },
    });
  const cuti = await mk("CUTI", 3, false, [doc("SURAT_PERMOHONAN"), doc("PENDUKUNG", false)]);
  const kp = await mk("KP", 20, true, [doc("SK_PANGKAT")]);
  const kgb = await mk("KGB", 5, false, []);
  const emp = (name: string, unitId: string, seq: number) =>
    db.employee.create({
      data: {
        regionId: region.id,
        unitId,
        nip: makePnsNip("1988-04-12", "2014-03", "P", seq),
        name,
        gender: "P",
        rank: "III/b",
        position: "Guru",
        appointedOn: new Date("2014-03-01"),
      },
    });
  const rinaEmp = await emp("Rina", smp.id, 1);
  const budiEmp = await emp("Budi", dinkes.id, 2);
  const user = async (
    username: string,
    role: RequestUser["role"],
    unitId: string | null,
    employeeId?: string,
  ): Promise<RequestUser> => {
    const u = await db.user.create({ data: { username, name: username, role, unitId, employeeId, passwordHash: "x" } });
    return { id: u.id, name: u.name, role, unitId, clientKey: "test" };
  };
  const users = {
    hr: await user("hr", "HR", null),
    kadisdik: await user("kadisdik", "UNIT_HEAD", disdik.id),
    kadinkes: await user("kadinkes", "UNIT_HEAD", dinkes.id),
    rina: await user("rina", "EMPLOYEE", smp.id, rinaEmp.id),
    budi: await user("budi", "EMPLOYEE", dinkes.id, budiEmp.id),
    leader: await user("leader", "LEADER", null),
  };
  const deps: RequestDeps = { db, store: new DiskStore(tmp.dir), maxUploadBytes: 64 * 1024, now: () => NOW };
  return {
    db,
    deps,
    uploads: tmp.dir,
    users,
    services: { CUTI: cuti.id, KP: kp.id, KGB: kgb.id },
    async close() {
      await store.close();
      tmp.remove();
    },
  };
}

function storedFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

const ok = (o: Outcome) => {
  if (!o.ok) throw new Error(`refused: ${JSON.stringify(o.errors)}`);
  return o;
};
const errorsOf = (o: Outcome) => (o.ok ? {} : Object.fromEntries(Object.entries(o.errors).map(([k, v]) => [k, v.key])));

describe.each(relationalKinds)("personnel service requests on %s", (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld(kind);
  });
  afterAll(() => w?.close());

  const leave = (
    values: Record<string, string>,
    docs: Record<string, UploadFile> = { SURAT_PERMOHONAN: file("surat.pdf", PDF) },
    who: RequestUser = w.users.rina,
  ) =>
    submitRequest(w.deps, who, {
      serviceTypeId: w.services.CUTI,
      actionKey: key(),
      values: { leaveKind: "TAHUNAN", reason: "Keperluan keluarga", address: "Jl. Melati 3, Sukamaju", ...values },
      files: files(docs),
    });
  const act = (
    who: RequestUser,
    requestId: string,
    action: RequestAction,
    extra: { reason?: string; files?: Map<string, UploadFile>; actionKey?: string } = {},
  ) =>
    actOnRequest(w.deps, who, {
      requestId,
      action,
      actionKey: extra.actionKey ?? key(),
      reason: extra.reason,
      files: extra.files,
    });

  it("counts leave in working days across Nyepi, Idul Fitri and cuti bersama, and books it against the annual balance", async () => {
    // 16–27 March 2026: ten weekdays, five of them holidays or cuti bersama (18, 19, 20, 23, 24)
    const first = ok(await leave({ startsOn: "2026-03-16", endsOn: "2026-03-27" }));
    const row = await w.db.serviceRequest.findUniqueOrThrow({ where: { id: first.requestId } });
    expect(row.workingDays).toBe(5);
    expect(row.status).toBe("SUBMITTED");
    expect(
      await leaveBalance(
        w.db,
        (await w.db.user.findUniqueOrThrow({ where: { id: w.users.rina.id } })).employeeId!,
        2026,
      ),
    ).toMatchObject({ entitled: 12, taken: 0, pending: 5, remaining: 7 });

    // 6–15 April: 8 working days (Good Friday 3 April is before), more than the 7 left
    const filesBefore = storedFiles(w.uploads).length;
    const refused = await leave({ startsOn: "2026-04-06", endsOn: "2026-04-15" });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? null : refused.errors.endsOn).toEqual({
      key: "requests.error.leave.balance",
      vars: { requested: 8, remaining: 7, year: "2026" },
    });
    expect(storedFiles(w.uploads).length).toBe(filesBefore);
    ok(await leave({ startsOn: "2026-04-06", endsOn: "2026-04-14" })); // exactly 7
    expect(errorsOf(await leave({ startsOn: "2026-04-20", endsOn: "2026-04-20" }))).toEqual({
      endsOn: "requests.error.leave.balance",
    });
    // other kinds do not use the annual balance
    ok(await leave({ leaveKind: "SAKIT", startsOn: "2026-04-20", endsOn: "2026-04-21" }));
  });

  it("refuses leave that ends before it starts, holds no working day, lies in the past, overlaps or spans two years", async () => {
    expect(errorsOf(await leave({ startsOn: "2026-05-12", endsOn: "2026-05-11" }))).toEqual({
      endsOn: "requests.error.leave.order",
    });
    expect(errorsOf(await leave({ leaveKind: "SAKIT", startsOn: "2026-03-21", endsOn: "2026-03-22" }))).toEqual({
      endsOn: "requests.error.leave.noWorkingDays",
    });
    expect(errorsOf(await leave({ leaveKind: "SAKIT", startsOn: "2026-03-09", endsOn: "2026-03-09" }))).toEqual({
      startsOn: "requests.error.leave.past",
    });
    expect(errorsOf(await leave({ leaveKind: "SAKIT", startsOn: "2026-03-26", endsOn: "2026-03-30" }))).toEqual({
      startsOn: "requests.error.leave.overlap",
    });
    expect(
      errorsOf(
        await leave({ leaveKind: "TAHUNAN", startsOn: "2026-12-30", endsOn: "2027-01-04" }, undefined, w.users.budi),
      ),
    ).toEqual({ endsOn: "requests.error.leave.oneYear" });
    expect(
      errorsOf(
        await leave(
          { leaveKind: "ALASAN_PENTING", startsOn: "2026-06-01", endsOn: "2026-07-15" },
          undefined,
          w.users.budi,
        ),
      ),
    ).toEqual({ endsOn: "requests.error.leave.tooLong" });
    expect(
      errorsOf(await leave({ leaveKind: "LIBURAN", startsOn: "2026-06-01", endsOn: "2026-06-02", address: "" })),
    ).toEqual({ leaveKind: "requests.error.option", address: "requests.error.required" });
    expect(errorsOf(await leave({ startsOn: "2026-02-30", endsOn: "2026-03-02" }))).toEqual({
      startsOn: "requests.error.date",
    });
  });

  it("checks documents by their bytes and size, and stores nothing from a refused form", async () => {
    const before = await w.db.serviceRequest.count();
    const filesBefore = storedFiles(w.uploads).length;
    const values = { startsOn: "2026-08-03", endsOn: "2026-08-03", leaveKind: "SAKIT" };
    expect(errorsOf(await leave(values, {}))).toEqual({ doc_SURAT_PERMOHONAN: "requests.error.document.required" });
    expect(errorsOf(await leave(values, { SURAT_PERMOHONAN: file("", new Uint8Array()) }))).toEqual({
      doc_SURAT_PERMOHONAN: "requests.error.document.required",
    });
    expect(errorsOf(await leave(values, { SURAT_PERMOHONAN: file("kosong.pdf", new Uint8Array()) }))).toEqual({
      doc_SURAT_PERMOHONAN: "requests.error.document.empty",
    });
    expect(errorsOf(await leave(values, { SURAT_PERMOHONAN: file("foto.pdf", PNG) }))).toEqual({
      doc_SURAT_PERMOHONAN: "requests.error.document.type",
    });
    const big = new Uint8Array(64 * 1024 + 1);
    big.set(PDF);
    expect(errorsOf(await leave(values, { SURAT_PERMOHONAN: file("besar.pdf", big) }))).toEqual({
      doc_SURAT_PERMOHONAN: "requests.error.document.size",
    });
    // a good first document and a bad optional one: the whole form is refused, nothing is kept
    expect(
      errorsOf(
        await leave(values, {
          SURAT_PERMOHONAN: file("surat.pdf", PDF),
          PENDUKUNG: file("x.exe", new TextEncoder().encode("MZ...")),
        }),
      ),
    ).toEqual({ doc_PENDUKUNG: "requests.error.document.type" });
    expect(await w.db.serviceRequest.count()).toBe(before);
    expect(storedFiles(w.uploads).length).toBe(filesBefore);

    const good = ok(
      await leave(values, {
        SURAT_PERMOHONAN: file("C:\\Users\\rina\\surat cuti.pdf", PDF),
        PENDUKUNG: file("ket-dokter.jpg", JPG),
      }),
    );
    const docs = await w.db.requestDocument.findMany({
      where: { requestId: good.requestId },
      orderBy: { kind: "asc" },
    });
    expect(docs.map((d) => [d.kind, d.fileName, d.contentType, d.size])).toEqual([
      ["PENDUKUNG", "ket-dokter.jpg", "image/jpeg", JPG.length],
      ["SURAT_PERMOHONAN", "surat cuti.pdf", "application/pdf", PDF.length],
    ]);
    expect(Buffer.from((await w.deps.store.get(docs[1]!.storageKey))!)).toEqual(Buffer.from(PDF));
  });

  it("goes submitted → verified by BKPSDM → approved by the supervisor → completed with the decree, one audited event each", async () => {
    const { requestId } = ok(
      await submitRequest(w.deps, w.users.rina, {
        serviceTypeId: w.services.KGB,
        actionKey: key(),
        values: { reason: "KGB 2026" },
        files: new Map(),
      }),
    );
    expect(errorsOf(await act(w.users.rina, requestId, "verify"))).toEqual({ form: "requests.error.forbidden" });
    expect(errorsOf(await act(w.users.hr, requestId, "approve"))).toEqual({ form: "requests.error.notAllowed" });
    expect(errorsOf(await act(w.users.hr, requestId, "complete"))).toEqual({ form: "requests.error.notAllowed" });
    ok(await act(w.users.hr, requestId, "verify"));
    expect(errorsOf(await act(w.users.hr, requestId, "approve"))).toEqual({ form: "requests.error.forbidden" });
    expect(errorsOf(await act(w.users.kadinkes, requestId, "approve"))).toEqual({ form: "requests.error.notFound" });
    expect(errorsOf(await act(w.users.kadisdik, requestId, "forward"))).toEqual({ form: "requests.error.notAllowed" });
    ok(await act(w.users.kadisdik, requestId, "approve"));
    expect(errorsOf(await act(w.users.hr, requestId, "forward"))).toEqual({ form: "requests.error.notAllowed" }); // KGB does not go through BKN
    expect(errorsOf(await act(w.users.hr, requestId, "complete"))).toEqual({
      doc_DECREE: "requests.error.document.required",
    });
    ok(await act(w.users.hr, requestId, "complete", { files: files({ DECREE: file("SK-KGB.pdf", PDF) }) }));
    expect(
      errorsOf(await act(w.users.hr, requestId, "complete", { files: files({ DECREE: file("SK-KGB.pdf", PDF) }) })),
    ).toEqual({ form: "requests.error.notAllowed" });

    const r = await w.db.serviceRequest.findUniqueOrThrow({
      where: { id: requestId },
      include: { events: { orderBy: { id: "asc" } }, documents: true },
    });
    expect(r.status).toBe("COMPLETED");
    expect(r.completedAt).toEqual(NOW);
    expect(r.events.map((e) => [e.status, e.actorName])).toEqual([
      ["SUBMITTED", "rina"],
      ["BKPSDM_VERIFIED", "hr"],
      ["ELIGIBLE", "kadisdik"],
      ["COMPLETED", "hr"],
    ]);
    expect(r.documents.map((d) => d.kind)).toEqual(["DECREE"]);
    const audit = await w.db.auditLog.findMany({
      where: { entityId: requestId, action: { not: "request.read" } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([
      ["request.submit", "rina"],
      ["request.verify", "hr"],
      ["request.approve", "kadisdik"],
      ["request.complete", "hr"],
    ]);
    const notes = await w.db.notification.findMany({ where: { requestId }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => [n.userId, n.status])).toEqual([
      [w.users.rina.id, "BKPSDM_VERIFIED"],
      [w.users.rina.id, "ELIGIBLE"],
      [w.users.rina.id, "COMPLETED"],
    ]);

    const detail = await requestDetail(w.db, w.users.rina, requestId, NOW);
    expect(detail?.survey).toBe("open");
    expect(detail?.actions).toEqual([]);
  });

  it("sends BKN-bound services through BKN before completion", async () => {
    const { requestId } = ok(
      await submitRequest(w.deps, w.users.rina, {
        serviceTypeId: w.services.KP,
        actionKey: key(),
        values: { period: "04", reason: "KP reguler" },
        files: files({ SK_PANGKAT: file("sk.pdf", PDF) }),
      }),
    );
    ok(await act(w.users.hr, requestId, "verify"));
    ok(await act(w.users.kadisdik, requestId, "approve"));
    expect(
      errorsOf(await act(w.users.hr, requestId, "complete", { files: files({ DECREE: file("sk.pdf", PDF) }) })),
    ).toEqual({ form: "requests.error.notAllowed" });
    ok(await act(w.users.hr, requestId, "forward"));
    ok(await act(w.users.hr, requestId, "pertek"));
    ok(await act(w.users.hr, requestId, "complete", { files: files({ DECREE: file("sk.pdf", PDF) }) }));
    const events = await w.db.requestEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.status)).toEqual([
      "SUBMITTED",
      "BKPSDM_VERIFIED",
      "ELIGIBLE",
      "FORWARDED_BKN",
      "PERTEK",
      "COMPLETED",
    ]);
  });

  it("returns an incomplete request with what is missing; the employee adds it and sends it again; a rejection needs a reason", async () => {
    const { requestId } = ok(
      await submitRequest(w.deps, w.users.rina, {
        serviceTypeId: w.services.KP,
        actionKey: key(),
        values: { period: "06", reason: "KP" },
        files: files({ SK_PANGKAT: file("sk.pdf", PDF) }),
      }),
    );
    expect(errorsOf(await act(w.users.hr, requestId, "return", { reason: "  " }))).toEqual({
      reason: "requests.error.reason",
    });
    ok(await act(w.users.hr, requestId, "return", { reason: "SK pangkat terakhir belum dilegalisir" }));
    const returned = await requestDetail(w.db, w.users.rina, requestId, NOW);
    expect(returned?.missing).toBe("SK pangkat terakhir belum dilegalisir");
    expect(returned?.actions.map((a) => a.action)).toEqual(["resubmit"]);
    expect(errorsOf(await act(w.users.budi, requestId, "resubmit"))).toEqual({ form: "requests.error.notFound" });
    ok(await act(w.users.rina, requestId, "resubmit", { files: files({ SK_PANGKAT: file("sk-legalisir.pdf", PDF) }) }));
    expect((await w.db.requestDocument.findMany({ where: { requestId } })).map((d) => d.fileName).sort()).toEqual([
      "sk-legalisir.pdf",
      "sk.pdf",
    ]);
    ok(await act(w.users.hr, requestId, "verify"));
    expect(errorsOf(await act(w.users.kadisdik, requestId, "reject"))).toEqual({ reason: "requests.error.reason" });
    ok(await act(w.users.kadisdik, requestId, "reject", { reason: "Belum memenuhi masa kerja golongan" }));
    const events = await w.db.requestEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.status)).toEqual(["SUBMITTED", "RETURNED", "SUBMITTED", "BKPSDM_VERIFIED", "REJECTED"]);
    // the owner's own resubmission notifies nobody; the others notify the owner
    expect(await w.db.notification.count({ where: { requestId } })).toBe(3);
  });

  it("does one thing on a double click, sequential or at once, and one of two officers acting together", async () => {
    const submitKey = key();
    const input = {
      serviceTypeId: w.services.KGB,
      actionKey: submitKey,
      values: { reason: "dobel" },
      files: new Map(),
    };
    const [a, b] = await Promise.all([
      submitRequest(w.deps, w.users.budi, input),
      submitRequest(w.deps, w.users.budi, input),
    ]);
    expect(ok(a).requestId).toBe(ok(b).requestId);
    const again = ok(await submitRequest(w.deps, w.users.budi, input));
    expect(again).toMatchObject({ requestId: ok(a).requestId, repeated: true });
    const requestId = ok(a).requestId;
    expect(await w.db.requestEvent.count({ where: { requestId } })).toBe(1);

    const verifyKey = key();
    const twice = await Promise.all([
      act(w.users.hr, requestId, "verify", { actionKey: verifyKey }),
      act(w.users.hr, requestId, "verify", { actionKey: verifyKey }),
    ]);
    expect(twice.every((o) => o.ok)).toBe(true);
    expect(ok(await act(w.users.hr, requestId, "verify", { actionKey: verifyKey })).repeated).toBe(true);
    expect(await w.db.requestEvent.count({ where: { requestId } })).toBe(2);
    expect(await w.db.auditLog.count({ where: { entityId: requestId, action: "request.verify" } })).toBe(1);

    // two officers (different forms) on the same request: one moves it, the other is told
    const second = ok(await submitRequest(w.deps, w.users.budi, { ...input, actionKey: key() })).requestId;
    const both = await Promise.all([
      act(w.users.hr, second, "verify"),
      act(w.users.hr, second, "return", { reason: "kurang" }),
    ]);
    expect(both.filter((o) => o.ok)).toHaveLength(1);
    expect(both.filter((o) => !o.ok).map(errorsOf)[0]!.form).toMatch(/requests\.error\.(changed|notAllowed)/);
    expect(await w.db.requestEvent.count({ where: { requestId: second } })).toBe(2);
  });

  it("lets nobody act on their own request, has BKPSDM approve where no supervisor account exists, and keeps sick-leave reasons from supervisors", async () => {
    // the head of Dinas Pendidikan is also an employee there, with an employee account of their own
    const headEmp = await w.db.employee.create({
      data: {
        regionId: (await w.db.region.findFirstOrThrow()).id,
        unitId: w.users.kadisdik.unitId!,
        nip: "197001012000011009",
        name: "Kadisdik",
        gender: "L",
        rank: "IV/b",
        position: "Kepala Dinas",
        appointedOn: new Date("2000-01-01"),
      },
    });
    await w.db.user.update({ where: { id: w.users.kadisdik.id }, data: { employeeId: headEmp.id } });
    const own = ok(
      await submitRequest(w.deps, w.users.kadisdik, {
        serviceTypeId: w.services.KGB,
        actionKey: key(),
        values: { reason: "KGB sendiri" },
        files: new Map(),
      }),
    );
    ok(await act(w.users.hr, own.requestId, "verify"));
    expect(errorsOf(await act(w.users.kadisdik, own.requestId, "approve"))).toEqual({
      form: "requests.error.forbidden",
    });
    // no other unit head covers Dinas Pendidikan: BKPSDM approves in the supervisor's place
    ok(await act(w.users.hr, own.requestId, "approve"));
    await w.db.user.update({ where: { id: w.users.kadisdik.id }, data: { employeeId: null } });
    // where a supervisor exists, BKPSDM may not approve
    const rinas = ok(
      await submitRequest(w.deps, w.users.rina, {
        serviceTypeId: w.services.KGB,
        actionKey: key(),
        values: { reason: "KGB" },
        files: new Map(),
      }),
    );
    ok(await act(w.users.hr, rinas.requestId, "verify"));
    expect(errorsOf(await act(w.users.hr, rinas.requestId, "approve"))).toEqual({ form: "requests.error.forbidden" });

    const sick = ok(
      await leave(
        { leaveKind: "SAKIT", startsOn: "2026-10-05", endsOn: "2026-10-06", reason: "Operasi usus buntu" },
        { SURAT_PERMOHONAN: file("surat-dokter.pdf", PDF) },
      ),
    );
    expect((await requestDetail(w.db, w.users.kadisdik, sick.requestId))?.healthPrivate).toBe(true);
    expect((await requestDetail(w.db, w.users.hr, sick.requestId))?.healthPrivate).toBe(false);
    expect((await requestDetail(w.db, w.users.rina, sick.requestId))?.healthPrivate).toBe(false);
    // years a browser reports while the year is typed are a date error, not a crash
    expect(errorsOf(await leave({ startsOn: "0002-04-12", endsOn: "2026-04-12" }))).toEqual({
      startsOn: "requests.error.date",
    });
  });

  it("lets BKPSDM record BKN's refusal", async () => {
    const { requestId } = ok(
      await submitRequest(w.deps, w.users.rina, {
        serviceTypeId: w.services.KP,
        actionKey: key(),
        values: { period: "08", reason: "KP" },
        files: files({ SK_PANGKAT: file("sk.pdf", PDF) }),
      }),
    );
    ok(await act(w.users.hr, requestId, "verify"));
    ok(await act(w.users.kadisdik, requestId, "approve"));
    ok(await act(w.users.hr, requestId, "forward"));
    ok(await act(w.users.hr, requestId, "reject", { reason: "Pertek ditolak BKN: masa kerja golongan kurang" }));
    expect((await w.db.serviceRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("REJECTED");
  });

  it("holds supervisors to their unit and its sub-units, sorts queues by SLA deadline and logs reads by others", async () => {
    const approval = await workQueue(w.db, w.users.kadisdik, "approval", 1, NOW);
    const others = await workQueue(w.db, w.users.kadinkes, "approval", 1, NOW);
    const disdikUnits = new Set(
      (await w.db.unit.findMany({ where: { code: { in: ["DISDIK", "SMP1"] } } })).map((u) => u.id),
    );
    expect(approval!.items.every((i) => disdikUnits.has(i.unitId))).toBe(true);
    expect(others!.items.every((i) => !disdikUnits.has(i.unitId))).toBe(true);
    expect(await workQueue(w.db, w.users.kadisdik, "verification", 1, NOW)).toBeNull();
    expect(await workQueue(w.db, w.users.rina, "verification", 1, NOW)).toBeNull();
    expect(Object.keys(await queueCounts(w.db, w.users.kadisdik))).toEqual(["approval"]);

    // a leave request (SLA 3) submitted after a KGB request (SLA 5) the same morning comes first
    const kgb = ok(
      await submitRequest(w.deps, w.users.rina, {
        serviceTypeId: w.services.KGB,
        actionKey: key(),
        values: { reason: "urut" },
        files: new Map(),
      }),
    );
    const cuti = ok(await leave({ leaveKind: "SAKIT", startsOn: "2026-09-01", endsOn: "2026-09-01" }));
    const verification = await workQueue(w.db, w.users.hr, "verification", 1, NOW);
    const order = verification!.items.map((i) => i.id);
    expect(order.indexOf(cuti.requestId)).toBeLessThan(order.indexOf(kgb.requestId));
    const deadlines = verification!.items.map((i) => i.sla.deadline);
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    // by 26 March the leave request is overdue: 7 working days used (11–13, 16, 17, 25, 26 March; 18–24 are holidays and cuti bersama)
    const later = await workQueue(w.db, w.users.hr, "verification", 1, new Date("2026-03-26T02:00:00Z"));
    expect(later!.items.find((i) => i.id === cuti.requestId)!.sla).toMatchObject({
      overdue: true,
      used: 7,
      left: 0,
      daysPast: 4,
    });

    expect(await requestDetail(w.db, w.users.kadinkes, kgb.requestId)).toBeNull();
    expect(await requestDetail(w.db, w.users.budi, kgb.requestId)).toBeNull();
    expect(await requestDetail(w.db, w.users.leader, kgb.requestId)).toBeNull();
    const before = await w.db.auditLog.count({ where: { action: "request.read", entityId: kgb.requestId } });
    expect((await requestDetail(w.db, w.users.kadisdik, kgb.requestId))?.parties).toEqual(["supervisor"]);
    expect((await requestDetail(w.db, w.users.rina, kgb.requestId))?.parties).toEqual(["owner"]);
    expect(await w.db.auditLog.count({ where: { action: "request.read", entityId: kgb.requestId } })).toBe(before + 1);
  });
});

describe("notification e-mails", () => {
  let w: World;
  let smtp: SMTPServer;
  let port: number;
  const received: { to: string[]; raw: string }[] = [];
  beforeAll(async () => {
    w = await openWorld("pglite");
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    const probe = createTcpServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    await new Promise<void>((resolve) => smtp.listen(port, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await w?.close();
  });

  it("mails the employee on a status change when SMTP is configured, and records a failed send without undoing the change", async () => {
    await w.db.user.update({ where: { id: w.users.rina.id }, data: { email: "rina@sekolah.example.go.id" } });
    const mailer = mailerFrom({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      SMTP_FROM: "Pantau <pantau@bkpsdm.example.go.id>",
    });
    const deps = { ...w.deps, mailer, baseUrl: "https://pantau.example.go.id" };
    const { requestId, number } = ok(
      await submitRequest(deps, w.users.rina, {
        serviceTypeId: w.services.KGB,
        actionKey: key(),
        values: { reason: "KGB" },
        files: new Map(),
      }),
    );
    expect(received).toHaveLength(0); // her own submission is not news to her
    ok(await actOnRequest(deps, w.users.hr, { requestId, action: "verify", actionKey: key() }));
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(["rina@sekolah.example.go.id"]);
    expect(received[0]!.raw).toContain(number);
    expect(received[0]!.raw).toContain(`https://pantau.example.go.id/layanan/${requestId}`);
    expect((await w.db.notification.findFirstOrThrow({ where: { requestId } })).emailedAt).not.toBeNull();

    const dead = mailerFrom({ SMTP_URL: "smtp://127.0.0.1:1", SMTP_FROM: "Pantau <pantau@bkpsdm.example.go.id>" });
    ok(
      await actOnRequest({ ...deps, mailer: dead }, w.users.kadisdik, {
        requestId,
        action: "approve",
        actionKey: key(),
      }),
    );
    expect((await w.db.serviceRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("ELIGIBLE");
    const failed = await w.db.notification.findFirstOrThrow({ where: { requestId, status: "ELIGIBLE" } });
    expect(failed.emailedAt).toBeNull();
    expect(failed.emailError).toMatch(/ECONNREFUSED/);
  });
});
