// ClickHouse migrations are written once, in single-node form. With a cluster name configured the
// runner rewrites each statement: DDL gets ON CLUSTER, MergeTree-family engines become their
// Replicated* twins (using the server's default_replica_path / default_replica_name).

const DDL_TARGET =
  /^(\s*(?:CREATE|ALTER|DROP|RENAME|TRUNCATE)\s+(?:OR\s+REPLACE\s+)?(?:TEMPORARY\s+)?(?:TABLE|MATERIALIZED\s+VIEW|VIEW|DICTIONARY|DATABASE)\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?[`"]?[\w.]+[`"]?)/i;

export function toClusterStatement(sql: string, cluster: string): string {
  if (!/^[A-Za-z_][\w.-]*$/.test(cluster)) throw new Error(`Invalid cluster name: ${cluster}`);
  let out = sql;
  if (!/\bON\s+CLUSTER\b/i.test(out)) out = out.replace(DDL_TARGET, `$1 ON CLUSTER ${cluster}`);
  // ENGINE = XMergeTree(...) -> ENGINE = ReplicatedXMergeTree(...); leaves Replicated* and Distributed alone.
  out = out.replace(
    /\bENGINE\s*=\s*(Replacing|Aggregating|Summing|Collapsing|VersionedCollapsing|)MergeTree\b(\s*\(([^)]*)\))?/gi,
    (_m, kind: string, _paren: string | undefined, args: string | undefined) => {
      const a = args?.trim();
      return `ENGINE = Replicated${kind}MergeTree(${a ?? ""})`;
    },
  );
  return out;
}

/** Splits a migration file into statements at semicolons that end a line (outside quotes). */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (quote) {
      current += ch;
      if (ch === "\\") {
        current += sql[++i] ?? "";
      } else if (ch === quote) quote = null;
      continue;
    }
    if (ch === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end;
      current += "\n";
      continue;
    }
    if (ch === "'" || ch === '"' || ch === "`") quote = ch;
    if (ch === ";") {
      if (current.trim()) statements.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
