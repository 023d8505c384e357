// Telling a fault of the stores (down, busy, unreachable: try again later) from a fault of the data
// (this file, this batch: try again after fixing it). The ETL marks a batch or refuses a file only for
// the second kind; the first stops the run, which the next run repeats.

/** ClickHouse error codes that say nothing about the data: timeouts, network, too busy, read-only, Keeper. */
const TRANSIENT_CLICKHOUSE_CODES = new Set([159, 202, 209, 210, 242, 252, 999]);
const NETWORK = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ENOTFOUND)$/;

export class LeaseLostError extends Error {
  constructor() {
    super("ETL lease lost to another run");
    this.name = "LeaseLostError";
  }
}

export function isTransientStoreError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof LeaseLostError) return true;
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === "string" && NETWORK.test(code)) return true;
    if (name === "PrismaClientInitializationError" || name === "PrismaClientRustPanicError") return true;
    if (typeof code === "string" && /^P10(0[0-2]|17)$/.test(code)) return true; // can't reach / timed out / closed
    if (typeof message === "string") {
      const ch = /\bCode: (\d+)\b/.exec(message);
      if (ch && TRANSIENT_CLICKHOUSE_CODES.has(Number(ch[1]))) return true;
      if (/socket hang up|ECONNREFUSED|connect ETIMEDOUT/.test(message)) return true;
    }
  }
  return false;
}
