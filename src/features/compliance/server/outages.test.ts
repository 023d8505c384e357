// Outages HR records: checked input, audited record and removal, and the entries they touch counted apart
// once the ETL has reclassified the months (on real PGlite + chDB).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEtlStores, type EtlTestStores } from "@/test/etl";
import { classifyEkinerja } from "../../../../etl/load/ekinerja-due";
import { outageInput } from "../schemas";
import { listOutages, recordOutage, removeOutage } from "./outages";

describe("e-Kinerja outages (PGlite + chDB)", () => {
  let s: EtlTestStores;
  let regionId: string;
  let unitId: string;
  const hr = { id: null, name: "BKPSDM" };
  const excused = async () =>
    Number(
      (await s.ch.query<{ n: number }>("SELECT count() AS n FROM fact_ekinerja_due WHERE reason = 'outage'"))[0]!.n,
    );

  beforeAll(async () => {
    s = await openEtlStores();
    regionId = (await s.db.region.create({ data: { code: "O", name: "O" } })).id;
    unitId = (await s.db.unit.create({ data: { regionId, code: "U", name: "Dinas" } })).id;
    // two daily logs due on 10 March 2026 (the logs of 9 March), one of another unit
    await s.ch.insert(
      "fact_ekinerja",
      ["a", "b"].map((e, i) => ({
        region_id: regionId,
        unit_id: i === 0 ? unitId : "other",
        employee_id: e,
        kind: "daily",
        period: "2026-03-09",
        deadline: "2026-03-10",
        submitted_at: null,
        state: "missing",
        approval: "none",
        batch_id: 1,
        line: i + 1,
      })),
    );
  });
  afterAll(() => s.close());

  it("refuses what is not an outage, with the field and the reason", () => {
    const bad = outageInput.safeParse({
      kind: "EKINERJA_DOWN",
      effect: "EXCUSE",
      startsOn: "2026-03-10",
      endsOn: "2026-03-09",
      note: "x",
    });
    expect(bad.success).toBe(false);
    const issues = bad.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toContainEqual(["note", "compliance.outage.error.note"]);
    expect(
      outageInput.safeParse({
        kind: "EKINERJA_DOWN",
        effect: "EXCUSE",
        startsOn: "2026-03-10",
        endsOn: "2026-03-09",
        note: "server",
      }).error!.issues[0],
    ).toMatchObject({ path: ["endsOn"], message: "compliance.outage.error.range" });
    expect(
      outageInput.safeParse({
        kind: "EKINERJA_DOWN",
        effect: "EXCUSE",
        startsOn: "2026-01-01",
        endsOn: "2026-06-30",
        note: "server",
      }).error!.issues[0]!.message,
    ).toBe("compliance.outage.error.long");
    expect(
      outageInput
        .safeParse({ kind: "X", effect: "EXCUSE", startsOn: "2026-02-30", endsOn: "2026-03-01", note: "server" })
        .error!.issues.map((i) => i.message),
    ).toEqual(["compliance.outage.error.kind", "compliance.outage.error.date"]);
  });

  it("records an outage for some units, audited; the entries due in it are excused there only; removing it counts them again", async () => {
    expect(
      await recordOutage(
        s.db,
        hr,
        regionId,
        outageInput.parse({
          kind: "NETWORK_DOWN",
          effect: "EXCUSE",
          startsOn: "2026-03-10",
          endsOn: "2026-03-10",
          unitIds: ["nope"],
          note: "jaringan",
        }),
      ),
    ).toEqual({ ok: false, errors: { unitIds: "compliance.outage.error.unit" } });
    const r = await recordOutage(
      s.db,
      hr,
      regionId,
      outageInput.parse({
        kind: "NETWORK_DOWN",
        effect: "EXCUSE",
        startsOn: "2026-03-10",
        endsOn: "2026-03-10",
        unitIds: [unitId],
        note: "jaringan",
      }),
    );
    expect(r.ok).toBe(true);
    expect(await classifyEkinerja(s.db, s.ch, {})).toBe(2); // March's daily logs and February's realisations
    expect(await excused()).toBe(1);
    const [listed] = await listOutages(s.db, regionId);
    expect(listed).toMatchObject({ kind: "NETWORK_DOWN", startsOn: "2026-03-10", units: ["Dinas"], removedAt: null });

    expect(await removeOutage(s.db, hr, regionId, r.ok ? r.id : "")).toBe(true);
    expect(await removeOutage(s.db, hr, regionId, r.ok ? r.id : "")).toBe(false);
    await classifyEkinerja(s.db, s.ch, {});
    expect(await excused()).toBe(0);
    expect((await s.db.auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => a.action)).toEqual([
      "ekinerja.outage.record",
      "ekinerja.outage.remove",
    ]);
  });
});
