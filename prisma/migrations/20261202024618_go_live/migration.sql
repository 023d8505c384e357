-- CreateEnum
CREATE TYPE "RegionKind" AS ENUM ('KABUPATEN', 'KOTA', 'PROVINSI');

-- CreateEnum
CREATE TYPE "MasterKind" AS ENUM ('UNITS', 'EMPLOYEES');

-- CreateEnum
CREATE TYPE "MasterImportStatus" AS ENUM ('PREVIEW', 'APPLIED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "UploadStatus" AS ENUM ('RECEIVED', 'IMPORTED', 'REFUSED');

-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "kind" "RegionKind" NOT NULL DEFAULT 'KABUPATEN';

-- AlterTable
ALTER TABLE "ServiceRequest" ADD COLUMN     "slaDays" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SetupToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SetupToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MasterImport" (
    "id" SERIAL NOT NULL,
    "regionId" TEXT NOT NULL,
    "kind" "MasterKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "storedPath" TEXT NOT NULL,
    "status" "MasterImportStatus" NOT NULL DEFAULT 'PREVIEW',
    "mapping" JSONB,
    "summary" JSONB,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "MasterImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportMapping" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "columns" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceUpload" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "storedPath" TEXT NOT NULL,
    "status" "UploadStatus" NOT NULL DEFAULT 'RECEIVED',
    "batchId" INTEGER,
    "errorId" TEXT,
    "errorEn" TEXT,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SourceUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SetupToken_tokenHash_key" ON "SetupToken"("tokenHash");

-- CreateIndex
CREATE INDEX "MasterImport_regionId_createdAt_idx" ON "MasterImport"("regionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ImportMapping_regionId_kind_signature_key" ON "ImportMapping"("regionId", "kind", "signature");

-- CreateIndex
CREATE INDEX "SourceUpload_status_createdAt_idx" ON "SourceUpload"("status", "createdAt");

-- Requests made before the snapshot existed keep the SLA their service has now (the only value known).
UPDATE "ServiceRequest" r SET "slaDays" = s."slaDays" FROM "ServiceType" s WHERE s."id" = r."serviceTypeId" AND r."slaDays" IS NULL;
