// Survey load benchmark against a running production server (npm run build && TRUSTED_PROXIES=loopback npm start):
// sends a bounded number of survey answers over loopback with a fixed concurrency, each from its own
// client address (X-Forwarded-For, as a reverse proxy on loopback would; the server believes it only
// because loopback is trusted) so the per-client throttle does not apply, then checks in the relational
// store that every accepted answer is stored exactly once.
//   npm run bench:survey [-- --url http://localhost:3000 --point loket-cuti --total 3000 --concurrency 32]
// The check opens the embedded relational store, so for PGlite it runs after the server is stopped
// (pass --check-only after stopping it) or directly against DATABASE_URL when that is set.
import { randomBytes, randomInt } from "node:crypto";
import { writeFileSync, readFileSync, existsSync } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    point: { type: "string", default: "loket-cuti" },
    total: { type: "string", default: "3000" },
    concurrency: { type: "string", default: "32" },
    "check-only": { type: "boolean", default: false },
    keys: { type: "string", default: ".data/bench-survey-keys.json" },
  },
});

async function check() {
  const { envOrExit } = await import("@/env");
  const { openRelational, relationalTarget } = await import("@/server/db/adapter");
  const { createPrisma } = await import("@/server/db/client");
  if (!existsSync(values.keys!))
    throw new Refusal(
      `no run to check: ${values.keys} is missing (run npm run bench:survey against a server first, or pass --keys <file>)`,
    );
  const { accepted } = JSON.parse(readFileSync(values.keys!, "utf8")) as { accepted: string[] };
  const conn = await openRelational(relationalTarget(envOrExit()));
  const db = createPrisma(conn);
  let stored = 0;
  for (let i = 0; i < accepted.length; i += 1000) {
    stored += await db.surveyResponse.count({ where: { submissionKey: { in: accepted.slice(i, i + 1000) } } });
  }
  console.log(
    `check: ${accepted.length} accepted, ${stored} stored with their keys → ${stored === accepted.length ? "every accepted answer stored exactly once (keys are unique)" : "MISMATCH"}`,
  );
  await db.$disconnect();
  await conn.close();
  if (stored !== accepted.length) process.exitCode = 1;
}

async function run() {
  const total = Number(values.total);
  const concurrency = Number(values.concurrency);
  const services = await fetch(`${values.url}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (!services) throw new Refusal(`the server at ${values.url} does not answer /api/health`);
  const body = (i: number) => ({
    submissionKey: randomBytes(12).toString("base64url"),
    ageGroup: "26-35",
    gender: i % 2 ? "L" : "P",
    education: "D4-S1",
    occupation: "PNS",
    ...Object.fromEntries(Array.from({ length: 9 }, (_, k) => [`u${k + 1}`, 1 + ((i + k) % 4)])),
  });
  // simulated clients start at a random address, so runs in a row do not meet the throttle of the last one
  const base = randomInt(0, 2 ** 24 - total);
  const latencies: number[] = [];
  const accepted: string[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const t0 = performance.now();
  async function worker() {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const b = body(i);
      const t = performance.now();
      const res = await fetch(`${values.url}/api/survei/${values.point}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-forwarded-for": `10.${((base + i) >> 16) & 255}.${((base + i) >> 8) & 255}.${(base + i) & 255}`,
        },
        body: JSON.stringify(b),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 201) accepted.push(b.submissionKey);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
  console.log(`bench:survey → ${values.url}/api/survei/${values.point}: ${total} answers, concurrency ${concurrency}`);
  console.log(`  statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(", ")}`);
  console.log(
    `  accepted ${accepted.length} in ${seconds.toFixed(1)} s = ${(accepted.length / seconds).toFixed(0)} answers/s; latency p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`,
  );
  if ((statuses.get(429) ?? 0) > 0)
    console.log(
      "  answers were throttled per client: start the server with TRUSTED_PROXIES=loopback so each simulated client counts on its own",
    );
  writeFileSync(values.keys!, JSON.stringify({ accepted }));
  console.log(
    `  accepted keys written to ${values.keys}; check with: npm run bench:survey -- --check-only (after stopping an embedded server)`,
  );
}

/** Something the person running the benchmark can fix (no keys to check, no server): said in one line, no stack. */
class Refusal extends Error {}

try {
  await (values["check-only"] ? check() : run());
} catch (e) {
  if (!(e instanceof Refusal)) throw e;
  console.error(`bench:survey: ${e.message}`);
  process.exitCode = 2;
}
process.exit(process.exitCode ?? 0);
