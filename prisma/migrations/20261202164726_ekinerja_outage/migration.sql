-- CreateEnum
CREATE TYPE "OutageKind" AS ENUM ('EKINERJA_DOWN', 'NETWORK_DOWN', 'DATA_ERROR');

-- CreateEnum
CREATE TYPE "OutageEffect" AS ENUM ('EXTEND', 'EXCUSE');

-- CreateTable
CREATE TABLE "EkinerjaOutage" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "kind" "OutageKind" NOT NULL,
    "effect" "OutageEffect" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "unitIds" TEXT[],
    "note" TEXT NOT NULL,
    "createdById" TEXT,
    "removedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EkinerjaOutage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EkinerjaOutage_regionId_startsOn_idx" ON "EkinerjaOutage"("regionId", "startsOn");
