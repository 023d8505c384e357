import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isWorkflowPath } from "@/features/requests/workflow";
import { checkNip } from "@/lib/domain/nip";
import { tempDir } from "@/test/stores";
import { SERVICES, UNITS } from "./catalog";
import { generate } from "./generate";
import { makeGenerator } from "./model";

const tmp = tempDir("pantau-gen-");
afterAll(() => tmp.remove());

const CFG = { seed: 42, employees: 60, start: "2025-12-01", end: "2026-03-31" };

function digest(dir: string) {
  const h = createHash("sha256");
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(path.join(dir, f)));
  return h.digest("hex");
}

describe("the demo data generator", () => {
  it("writes the same files and truth for the same seed, and different ones for another", async () => {
    const a = await generate(null, { ...CFG, outDir: path.join(tmp.dir, "a") });
    const b = await generate(null, { ...CFG, outDir: path.join(tmp.dir, "b") });
    const c = await generate(null, { ...CFG, seed: 43, outDir: path.join(tmp.dir, "c") });
    expect(digest(path.join(tmp.dir, "a"))).toBe(digest(path.join(tmp.dir, "b")));
    expect(digest(path.join(tmp.dir, "a"))).not.toBe(digest(path.join(tmp.dir, "c")));
    const strip = (t: typeof a) => ({ ...t, written: { ...t.written, files: [] } });
    expect(strip(a)).toEqual(strip(b));
    expect(strip(a)).not.toEqual(strip(c));
  });

  it("writes the same history in two parts as in one", async () => {
    const whole = await generate(null, { ...CFG, outDir: path.join(tmp.dir, "w") });
    const first = await generate(null, { ...CFG, to: "2026-02-15", outDir: path.join(tmp.dir, "p1") });
    const second = await generate(null, { ...CFG, from: "2026-02-16", outDir: path.join(tmp.dir, "p2") });
    expect(first.attendance.rows + second.attendance.rows).toBe(whole.attendance.rows);
    expect(first.written.requests + second.written.requests).toBe(whole.written.requests);
    expect(first.written.events + second.written.events).toBe(whole.written.events);
    expect(second.written.updatedRequests).toBeGreaterThan(0); // requests still open on 15 Feb move on
    expect(second.requests).toEqual(whole.requests);
  });

  it("makes valid NIPs, a skewed unit size, slow units, late Mondays, skippers, breaches and returns", () => {
    const g = makeGenerator({ ...CFG, employees: 2000 });
    for (const e of g.emps) expect(checkNip(e.nip, e.type).ok).toBe(true);
    expect(new Set(g.emps.map((e) => e.nip)).size).toBe(2000);
    const perUnit = new Map<number, number>();
    for (const e of g.emps) perUnit.set(e.unit, (perUnit.get(e.unit) ?? 0) + 1);
    const sizes = [...perUnit.values()].sort((a, b) => a - b);
    expect(sizes.at(-1)! / sizes[0]!).toBeGreaterThan(30);
    expect(g.emps.filter((e) => e.diligence === "skipper").length).toBeGreaterThan(20);

    // Lateness is worst on Mondays and best on Fridays.
    const lateBy = [0, 0, 0, 0, 0, 0, 0];
    const seen = [0, 0, 0, 0, 0, 0, 0];
    for (let d = g.start; d < g.start + 60; d++) {
      if (!g.calendar.isWorkingDay(d)) continue;
      const wd = (((d + 4) % 7) + 7) % 7;
      for (const e of g.emps.slice(0, 500)) {
        const a = g.attendanceOf(e, d);
        seen[wd]!++;
        if (a.status.startsWith("TL")) lateBy[wd]!++;
      }
    }
    expect(lateBy[1]! / seen[1]!).toBeGreaterThan(lateBy[5]! / seen[5]!);

    const reqs = g.planRequests();
    expect(reqs.some((r) => r.events.some((e) => e.status === "RETURNED"))).toBe(true);
    expect(reqs.some((r) => r.events.at(-1)!.status === "REJECTED")).toBe(true);
    // Generated histories take the in-app workflow's paths (same shapes in the dashboards).
    const offPath = reqs.filter(
      (r) =>
        !isWorkflowPath(
          r.events.map((e) => e.status),
          SERVICES[r.service]!.bkn,
        ),
    );
    expect(offPath.map((r) => r.events.map((e) => e.status).join(">"))).toEqual([]);
    expect(isWorkflowPath(["SUBMITTED", "UNIT_VERIFIED", "COMPLETED"], false)).toBe(false);
    const breached = reqs.filter(
      (r) => r.events.at(-1)!.status === "COMPLETED" && r.processing > SERVICES[r.service]!.slaDays,
    );
    expect(breached.length / reqs.length).toBeGreaterThan(0.02);
    expect(breached.length / reqs.length).toBeLessThan(0.5);

    // Requests from the slow units (schools) take clearly longer, relative to their SLA.
    const ratio = (slow: boolean) => {
      const r = reqs
        .filter((q) => UNITS[q.emp.unit]!.slowness >= 1.7 === slow)
        .map((q) => q.processing / SERVICES[q.service]!.slaDays)
        .sort((a, b) => a - b);
      return r[Math.floor(r.length / 2)]!;
    };
    expect(ratio(true)).toBeGreaterThan(ratio(false) * 1.4);
  });
});
