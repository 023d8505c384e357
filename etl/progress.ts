// Progress of long loads: a bar with rows per second on a terminal, plain log lines otherwise
// (CI logs, the server's scheduled runs).
import { formatNumber } from "@/i18n/format";

export interface Progress {
  /** Announces work on a table; total is the expected row count when known. */
  start(table: string, total?: number): void;
  add(table: string, rows: number): void;
  done(table: string): void;
  log(line: string): void;
  /** Rows per table so far (for the run record). */
  readonly rows: Record<string, number>;
}

export function createProgress(opts: { stream?: NodeJS.WriteStream; quiet?: boolean } = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  const tty = Boolean(stream.isTTY) && !opts.quiet;
  const rows: Record<string, number> = {};
  const started = new Map<string, number>();
  const totals = new Map<string, number | undefined>();
  let lastDraw = 0;
  let lastLog = 0;
  const rate = (t: string) => {
    const secs = Math.max((performance.now() - (started.get(t) ?? performance.now())) / 1000, 0.001);
    return (rows[t] ?? 0) / secs;
  };
  const line = (t: string) => {
    const total = totals.get(t);
    const n = rows[t] ?? 0;
    const pct = total ? Math.min(1, n / total) : undefined;
    const bar =
      pct === undefined
        ? ""
        : `[${"█".repeat(Math.round(pct * 24)).padEnd(24, "░")}] ${(pct * 100).toFixed(0).padStart(3)}% `;
    return `${t.padEnd(22)} ${bar}${formatNumber(n, "id")} baris · ${formatNumber(Math.round(rate(t)), "id")} baris/dtk`;
  };
  const write = (s: string) => {
    if (!opts.quiet) stream.write(s);
  };
  return {
    rows,
    start(t, total) {
      if (!started.has(t)) started.set(t, performance.now());
      totals.set(t, total);
      rows[t] ??= 0;
    },
    add(t, n) {
      rows[t] = (rows[t] ?? 0) + n;
      const now = performance.now();
      if (tty && now - lastDraw > 100) {
        lastDraw = now;
        write(`\r${line(t)}\x1b[K`);
      } else if (!tty && now - lastLog > 5000) {
        lastLog = now;
        write(`[etl] ${line(t)}\n`);
      }
    },
    done(t) {
      write(tty ? `\r${line(t)}\x1b[K\n` : `[etl] ${line(t)}\n`);
    },
    log(s) {
      write(tty ? `\r\x1b[K${s}\n` : `[etl] ${s}\n`);
    },
  };
}
