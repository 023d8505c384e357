// Relational rows read by name for the ETL: a chunk after a watermark comes out of the database as one
// tab-separated text (far cheaper than a row object per row) and is read back into named fields.
import type { Db } from "@/server/db/client";

/**
 * A chunk of rows as one tab-separated text value, split here: moving one string out of the database
 * costs a fraction of building a row object per row (the driver's and Prisma's conversions), and the
 * same SQL runs on PostgreSQL and PGlite. Timestamps travel as epoch milliseconds (ms(); columns are
 * timestamp(3) in UTC), so they come back exact.
 */
export async function fetchLines(db: Db, sql: string, ...params: unknown[]): Promise<string[][]> {
  const [row] = await db.$queryRawUnsafe<{ tsv: string | null }[]>(sql, ...params);
  if (!row?.tsv) return [];
  return row.tsv.split("\n").map((line) => line.split("\t"));
}

/** A chunk's columns, in order: the name a row is read by, and the SQL expression that gives it. */
export type Columns = readonly (readonly [name: string, sql: string])[];

/** The columns' expressions, for concat_ws. */
export const selectOf = (columns: Columns) => columns.map(([, sql]) => sql).join(", ");

/** The chunk's lines as rows with named fields (each field as text, '' for none). */
export async function fetchRows<const C extends Columns>(
  db: Db,
  columns: C,
  sql: string,
  ...params: unknown[]
): Promise<Record<C[number][0], string>[]> {
  const names = columns.map(([name]) => name);
  return (await fetchLines(db, sql, ...params)).map((fields) => {
    const row: Record<string, string> = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = fields[i] ?? "";
    return row as Record<C[number][0], string>;
  });
}

export const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::bigint`;

/**
 * One chunk of a table after a (stamp, id) watermark — rows with stamp ≤ $1 and (stamp, id) > ($2, $3),
 * at most $4, in watermark order — as one tab-separated text of the given column expressions.
 */
export const chunkSql = (table: string, stamp: string, columns: string) => `
SELECT string_agg(concat_ws(E'\\t', ${columns}), E'\\n' ORDER BY "${stamp}", id) AS tsv
FROM (
  SELECT * FROM "${table}"
  WHERE "${stamp}" <= $1 AND ("${stamp}", id) > ($2, $3)
  ORDER BY "${stamp}", id LIMIT $4
) s`;
