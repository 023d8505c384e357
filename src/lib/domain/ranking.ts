// Ranking units fairly: a component is ranked only where it rests on enough cases, equal values share a
// rank (competition ranking: 1, 1, 3), and an overall rank needs every component. The minimums are data:
// one case moves a rate by 1/n, so they bound how far one request, one person-day or one entry can move
// a unit's place. IKM's minimum is its own (ikm.ts, ikmSample).

export interface RankMinimums {
  /** Completed requests behind SLA compliance and the median processing time (one request moves SLA by ≤ 10 points). */
  completedRequests: number;
  /** Person-days due behind the attendance rate (one day moves it by ≤ 1 point: about five people for a month). */
  personDays: number;
  /** e-Kinerja entries due behind the on-time rate (one entry moves it by ≤ 3.3 points). */
  dueEntries: number;
}

export const RANK_MINIMUMS: RankMinimums = { completedRequests: 10, personDays: 100, dueEntries: 30 };

export interface Placed {
  rank: number;
  /** Another unit shares this rank (shown "=1"). */
  tied: boolean;
}

/**
 * Competition ranking ("1224"): equal values share the best rank of their group and the next rank skips.
 * Values that are null are not ranked.
 */
export function competitionRanks(values: readonly (number | null)[], higherIsBetter: boolean): (Placed | null)[] {
  const order = values
    .map((v, i) => ({ v, i }))
    .filter((x): x is { v: number; i: number } => x.v !== null)
    .sort((a, b) => (higherIsBetter ? b.v - a.v : a.v - b.v));
  const out: (Placed | null)[] = values.map(() => null);
  order.forEach((x, k) => {
    const prev = k > 0 ? order[k - 1]! : null;
    const rank = prev && prev.v === x.v ? out[prev.i]!.rank : k + 1;
    out[x.i] = { rank, tied: false };
  });
  const count = new Map<number, number>();
  for (const p of out) if (p) count.set(p.rank, (count.get(p.rank) ?? 0) + 1);
  for (const p of out) if (p) p.tied = count.get(p.rank)! > 1;
  return out;
}
