// The installation's region. Pantau serves one region per installation today (the first one made); every
// place that needs "the" region asks here, so a second region later changes one function.
import type { Db } from "@/server/db/client";

export function installationRegion(db: Pick<Db, "region">) {
  return db.region.findFirst({ orderBy: { createdAt: "asc" } });
}
