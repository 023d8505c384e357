// The request workflow: which action moves a request from which status to which, and who may take it.
// One table for the server (it refuses anything else), the pages (they offer only what is allowed) and
// the demo generator's test (generated histories follow the same paths).
import { FINAL_STATUSES } from "@/lib/domain/sla";
import type { RequestStatus } from "@/generated/prisma/enums";

export type RequestAction = "resubmit" | "verify" | "return" | "approve" | "reject" | "forward" | "pertek" | "complete";

/** Who takes an action: the employee who owns the request, BKPSDM (HR), or the employee's supervisor (unit head of the unit or a parent unit). */
export type Party = "owner" | "hr" | "supervisor";

export interface Transition {
  action: RequestAction;
  from: RequestStatus;
  to: RequestStatus;
  by: Party;
  /** A reason is required (return as incomplete: what is missing; reject: why). */
  reason?: boolean;
  /** The resulting decree/letter is attached. */
  decree?: boolean;
  /** Only for services that go through BKN (true) or only for those that do not (false). */
  viaBkn?: boolean;
}

export const TRANSITIONS: readonly Transition[] = [
  { action: "verify", from: "SUBMITTED", to: "BKPSDM_VERIFIED", by: "hr" },
  { action: "return", from: "SUBMITTED", to: "RETURNED", by: "hr", reason: true },
  { action: "reject", from: "SUBMITTED", to: "REJECTED", by: "hr", reason: true },
  { action: "resubmit", from: "RETURNED", to: "SUBMITTED", by: "owner" },
  { action: "approve", from: "BKPSDM_VERIFIED", to: "ELIGIBLE", by: "supervisor" },
  { action: "reject", from: "BKPSDM_VERIFIED", to: "REJECTED", by: "supervisor", reason: true },
  { action: "forward", from: "ELIGIBLE", to: "FORWARDED_BKN", by: "hr", viaBkn: true },
  { action: "pertek", from: "FORWARDED_BKN", to: "PERTEK", by: "hr", viaBkn: true },
  // BKN refuses the technical approval
  { action: "reject", from: "FORWARDED_BKN", to: "REJECTED", by: "hr", reason: true, viaBkn: true },
  { action: "complete", from: "ELIGIBLE", to: "COMPLETED", by: "hr", decree: true, viaBkn: false },
  { action: "complete", from: "PERTEK", to: "COMPLETED", by: "hr", decree: true, viaBkn: true },
];

// Final statuses are a domain rule (the SLA clock stops there): src/lib/domain/sla.ts.
export { FINAL_STATUSES };

/** The work queues: which statuses wait on whom. */
export const QUEUES = {
  verification: { party: "hr", statuses: ["SUBMITTED"] },
  approval: { party: "supervisor", statuses: ["BKPSDM_VERIFIED"] },
  completion: { party: "hr", statuses: ["ELIGIBLE", "FORWARDED_BKN", "PERTEK"] },
} as const satisfies Record<string, { party: Party; statuses: readonly RequestStatus[] }>;

export type QueueName = keyof typeof QUEUES;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

/** The transition an action takes from `status`, or null when the action is not allowed there. */
export function transitionFor(action: RequestAction, status: RequestStatus, viaBkn: boolean): Transition | null {
  return (
    TRANSITIONS.find(
      (t) => t.action === action && t.from === status && (t.viaBkn === undefined || t.viaBkn === viaBkn),
    ) ?? null
  );
}

/** The actions the given parties may take on a request in `status`. */
export function actionsFor(status: RequestStatus, viaBkn: boolean, parties: ReadonlySet<Party>): Transition[] {
  return TRANSITIONS.filter(
    (t) => t.from === status && parties.has(t.by) && (t.viaBkn === undefined || t.viaBkn === viaBkn),
  );
}

/** True when a status history is a path through the workflow (it starts with SUBMITTED). */
export function isWorkflowPath(statuses: readonly RequestStatus[], viaBkn: boolean): boolean {
  if (statuses[0] !== "SUBMITTED") return false;
  for (let i = 1; i < statuses.length; i++) {
    if (
      !TRANSITIONS.some(
        (t) => t.from === statuses[i - 1] && t.to === statuses[i] && (t.viaBkn === undefined || t.viaBkn === viaBkn),
      )
    )
      return false;
  }
  return true;
}

/**
 * Every status in the order a request meets it: by its fewest steps from SUBMITTED through the table
 * above, the two final statuses last (completed before rejected). Charts of statuses use this order.
 */
export const STATUS_ORDER: readonly RequestStatus[] = (() => {
  const steps = new Map<RequestStatus, number>([["SUBMITTED", 0]]);
  for (let frontier: RequestStatus[] = ["SUBMITTED"]; frontier.length;) {
    const next: RequestStatus[] = [];
    for (const from of frontier) {
      for (const t of TRANSITIONS) {
        if (t.from === from && !steps.has(t.to)) {
          steps.set(t.to, steps.get(from)! + 1);
          next.push(t.to);
        }
      }
    }
    frontier = next;
  }
  const open = [...steps.keys()]
    .filter((s) => !FINAL_STATUSES.includes(s))
    .sort((a, b) => steps.get(a)! - steps.get(b)!);
  return [...open, ...FINAL_STATUSES];
})();

/** A status's place in STATUS_ORDER (statuses the workflow no longer uses come after it). */
export function statusRank(status: string): number {
  const i = STATUS_ORDER.indexOf(status as RequestStatus);
  return i < 0 ? STATUS_ORDER.length : i;
}
