// CSV reader benchmark: Pantau's own reader (etl/extract/sources/csv.ts) against csv-parse, a maintained
// streaming parser, on the two shapes exports come in — nothing quoted (attendance machines) and every
// field quoted (many SIMPEG and spreadsheet exports) — with the options the import needs (line numbers
// and the raw line for quarantine). Both must read the same fields; the figures decide which one reads.
//   npm run bench:csv [-- --rows 1000000 --rounds 3]
import os from "node:os";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { formatNumber } from "@/i18n/format";
import { readCsv } from "../extract/sources/csv";

const { values } = parseArgs({
  options: { rows: { type: "string", default: "1000000" }, rounds: { type: "string", default: "3" } },
});
const rows = Number(values.rows);
const rounds = Number(values.rounds);
console.log(
  `Pantau bench:csv — node ${process.version}, ${os.cpus()[0]?.model.trim()}; ${formatNumber(rows, "id")} rows`,
);

function exportText(quoted: boolean): string {
  const q = (s: string) => (quoted ? `"${s}"` : s);
  const lines = [["nip", "tanggal", "jam_masuk", "jam_pulang", "status", "terlambat"].map(q).join(";")];
  for (let i = 0; i < rows; i++) {
    const nip = `19850312201001${String(1000 + (i % 9000))}`;
    lines.push([nip, `0${1 + (i % 9)}/11/2026`, `07.${10 + (i % 40)}`, "16.00", "H", "0"].map(q).join(";"));
  }
  return lines.join("\r\n");
}

const ms = (t: number) => formatNumber(t, "id", { maximumFractionDigits: 0 });
for (const quoted of [false, true]) {
  const text = exportText(quoted);
  const own: number[] = [];
  const lib: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    const mine = [...readCsv(text, ";")];
    own.push(performance.now() - t);
    t = performance.now();
    const theirs = parse(text, {
      delimiter: ";",
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { info: { lines: number }; record: string[] }[];
    lib.push(performance.now() - t);
    if (r === 0) {
      const same =
        mine.length === theirs.length &&
        mine.every(
          (m, i) => m.line === theirs[i]!.info.lines && m.fields.join("\u0001") === theirs[i]!.record.join("\u0001"),
        );
      if (!same) throw new Error("the two readers disagree on the generated export");
    }
  }
  const best = (a: number[]) => Math.min(...a);
  console.log(
    `${quoted ? "every field quoted" : "nothing quoted    "}: own reader best ${ms(best(own))} ms, csv-parse best ${ms(best(lib))} ms ` +
      `(${formatNumber(best(lib) / best(own), "id", { maximumFractionDigits: 1 })}×); same records`,
  );
}
