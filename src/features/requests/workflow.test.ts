import { describe, expect, it } from "vitest";
import { STATUS_ORDER, statusRank, TRANSITIONS } from "./workflow";

describe("STATUS_ORDER", () => {
  it("follows the workflow: submitted first, each status before the ones it leads to, final statuses last", () => {
    expect(STATUS_ORDER).toEqual([
      "SUBMITTED",
      "BKPSDM_VERIFIED",
      "RETURNED",
      "ELIGIBLE",
      "FORWARDED_BKN",
      "PERTEK",
      "COMPLETED",
      "REJECTED",
    ]);
    for (const t of TRANSITIONS)
      if (t.action !== "resubmit") expect(statusRank(t.from), `${t.from} → ${t.to}`).toBeLessThan(statusRank(t.to));
  });

  it("puts statuses the workflow no longer uses after the rest", () => {
    expect(statusRank("DECREE_ISSUED")).toBe(STATUS_ORDER.length);
    const sorted = ["PERTEK", "DECREE_ISSUED", "SUBMITTED", "ELIGIBLE"].sort((a, b) => statusRank(a) - statusRank(b));
    expect(sorted).toEqual(["SUBMITTED", "ELIGIBLE", "PERTEK", "DECREE_ISSUED"]);
  });
});
