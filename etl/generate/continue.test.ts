// A generated history continued day by day is the history generated in one go: the same requests, events
// and survey answers, none twice (a continued run used to fail on a request or survey answer it had written).
import { afterAll, describe, expect, it } from "vitest";
import { openTestDb } from "@/test/stores";
import type { Db } from "@/server/db/client";
import { planGeneration } from "./continue";
import { generate } from "./generate";

const CFG = { seed: 5, employees: 40, start: "2026-01-05" };

async function contents(db: Db) {
  const [requests, events, answers] = await Promise.all([
    db.serviceRequest.findMany({
      select: { id: true, number: true, status: true, completedAt: true },
      orderBy: { id: "asc" },
    }),
    db.requestEvent.findMany({
      select: { requestId: true, status: true, at: true },
      orderBy: [{ requestId: "asc" }, { at: "asc" }, { status: "asc" }],
    }),
    db.surveyResponse.findMany({
      select: { requestId: true, u1: true, u3: true, u9: true, createdAt: true },
      orderBy: { requestId: "asc" },
    }),
  ]);
  return { requests, events, answers };
}

describe("continuing a generated history", () => {
  const open: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of open) await close();
  });

  it("plans a continuation from the day after, refuses another seed or size, and has nothing to add to a later end", () => {
    const held = { seed: 1, employees: 300, start: "2024-12-01", end: "2026-11-30" };
    expect(planGeneration(null, false, { ...held, end: "2026-12-01" })).toEqual({
      kind: "fresh",
      start: "2024-12-01",
      end: "2026-12-01",
    });
    expect(planGeneration(held, true, { ...held, start: "2024-12-02", end: "2026-12-01" })).toEqual({
      kind: "continue",
      start: "2024-12-01",
      from: "2026-12-01",
      end: "2026-12-01",
    });
    expect(planGeneration(held, true, { ...held, end: "2026-11-30" })).toEqual({ kind: "done", end: "2026-11-30" });
    expect(planGeneration(held, true, { ...held, seed: 2 })).toEqual({ kind: "refuse", held });
    expect(planGeneration(null, true, held)).toEqual({ kind: "refuse", held: null });
  });

  it("gives the same rows continued over three runs as generated once", async () => {
    const once = await openTestDb();
    const steps = await openTestDb();
    open.push(once.close, steps.close);
    await generate(once.db, { ...CFG, end: "2026-04-30" });
    await generate(steps.db, { ...CFG, end: "2026-03-13" });
    await generate(steps.db, { ...CFG, from: "2026-03-14", end: "2026-03-16" });
    await generate(steps.db, { ...CFG, from: "2026-03-17", end: "2026-04-30" });
    const a = await contents(once.db);
    const b = await contents(steps.db);
    expect(a.requests.length).toBeGreaterThan(20);
    expect(a.answers.length).toBeGreaterThan(3);
    expect(b).toEqual(a);
  });
});
