-- CreateEnum
CREATE TYPE "HolidayKind" AS ENUM ('NATIONAL', 'CUTI_BERSAMA');

-- CreateEnum
CREATE TYPE "EmploymentType" AS ENUM ('PNS', 'PPPK');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('M', 'F');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('SUBMITTED', 'UNIT_VERIFIED', 'BKPSDM_VERIFIED', 'RETURNED', 'REJECTED', 'ELIGIBLE', 'FORWARDED_BKN', 'PERTEK', 'DECREE_ISSUED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('ATTENDANCE', 'EKINERJA');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('IMPORTED', 'LOADED', 'FAILED');

-- CreateEnum
CREATE TYPE "EtlRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "EtlMode" AS ENUM ('INCREMENTAL', 'FULL');

-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "dailyLogGraceDays" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "ekinerjaDeadlineDay" INTEGER NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "Holiday" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "kind" "HolidayKind" NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Employee" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "nip" TEXT NOT NULL,
    "employmentType" "EmploymentType" NOT NULL DEFAULT 'PNS',
    "name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "rank" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "appointedOn" DATE NOT NULL,
    "retiredOn" DATE,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Employee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceType" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameId" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "slaDays" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceRequest" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "serviceTypeId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "status" "RequestStatus" NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestEvent" (
    "id" BIGSERIAL NOT NULL,
    "requestId" TEXT NOT NULL,
    "status" "RequestStatus" NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" SERIAL NOT NULL,
    "regionId" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "storedPath" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'IMPORTED',
    "rowsRead" INTEGER NOT NULL,
    "rowsValid" INTEGER NOT NULL,
    "rowsLoaded" INTEGER NOT NULL DEFAULT 0,
    "rowsQuarantined" INTEGER NOT NULL,
    "rowsDuplicate" INTEGER NOT NULL,
    "importedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "loadedAt" TIMESTAMP(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportDaySummary" (
    "batchId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "unitId" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "sumA" INTEGER NOT NULL,
    "sumB" INTEGER NOT NULL,

    CONSTRAINT "ImportDaySummary_pkey" PRIMARY KEY ("batchId","day","unitId")
);

-- CreateTable
CREATE TABLE "QuarantinedRow" (
    "id" BIGSERIAL NOT NULL,
    "batchId" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "raw" TEXT NOT NULL,
    "field" TEXT,
    "reasonId" TEXT NOT NULL,
    "reasonEn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuarantinedRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EtlRun" (
    "id" SERIAL NOT NULL,
    "mode" "EtlMode" NOT NULL,
    "status" "EtlRunStatus" NOT NULL DEFAULT 'RUNNING',
    "trigger" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "rows" JSONB,
    "error" TEXT,

    CONSTRAINT "EtlRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EtlWatermark" (
    "source" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastId" TEXT NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EtlWatermark_pkey" PRIMARY KEY ("source")
);

-- CreateTable
CREATE TABLE "EtlState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "generation" INTEGER NOT NULL DEFAULT 1,
    "leaseHolder" TEXT,
    "leaseUntil" TIMESTAMP(3),

    CONSTRAINT "EtlState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Holiday_regionId_date_key" ON "Holiday"("regionId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Employee_nip_key" ON "Employee"("nip");

-- CreateIndex
CREATE INDEX "Employee_unitId_idx" ON "Employee"("unitId");

-- CreateIndex
CREATE INDEX "Employee_updatedAt_id_idx" ON "Employee"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "ServiceType_updatedAt_id_idx" ON "ServiceType"("updatedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceType_regionId_code_key" ON "ServiceType"("regionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceRequest_number_key" ON "ServiceRequest"("number");

-- CreateIndex
CREATE INDEX "ServiceRequest_updatedAt_id_idx" ON "ServiceRequest"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "ServiceRequest_unitId_status_idx" ON "ServiceRequest"("unitId", "status");

-- CreateIndex
CREATE INDEX "RequestEvent_requestId_at_idx" ON "RequestEvent"("requestId", "at");

-- CreateIndex
CREATE INDEX "RequestEvent_createdAt_id_idx" ON "RequestEvent"("createdAt", "id");

-- CreateIndex
CREATE INDEX "ImportBatch_status_id_idx" ON "ImportBatch"("status", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ImportBatch_regionId_kind_sha256_key" ON "ImportBatch"("regionId", "kind", "sha256");

-- CreateIndex
CREATE INDEX "QuarantinedRow_batchId_line_idx" ON "QuarantinedRow"("batchId", "line");

-- CreateIndex
CREATE INDEX "EtlRun_startedAt_idx" ON "EtlRun"("startedAt");

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceType" ADD CONSTRAINT "ServiceType_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRequest" ADD CONSTRAINT "ServiceRequest_serviceTypeId_fkey" FOREIGN KEY ("serviceTypeId") REFERENCES "ServiceType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRequest" ADD CONSTRAINT "ServiceRequest_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportDaySummary" ADD CONSTRAINT "ImportDaySummary_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuarantinedRow" ADD CONSTRAINT "QuarantinedRow_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
