-- CreateEnum
CREATE TYPE "LeaveKind" AS ENUM ('TAHUNAN', 'BESAR', 'SAKIT', 'MELAHIRKAN', 'ALASAN_PENTING', 'CLTN');

-- AlterTable
ALTER TABLE "RequestEvent" ADD COLUMN     "actionKey" TEXT;

-- AlterTable
ALTER TABLE "ServiceRequest" ADD COLUMN     "details" JSONB,
ADD COLUMN     "endsOn" DATE,
ADD COLUMN     "leaveKind" "LeaveKind",
ADD COLUMN     "startsOn" DATE,
ADD COLUMN     "workingDays" INTEGER;

-- AlterTable
ALTER TABLE "ServiceType" ADD COLUMN     "documents" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "viaBkn" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "email" TEXT,
ADD COLUMN     "employeeId" TEXT;

-- CreateTable
CREATE TABLE "RequestDocument" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "requestId" TEXT,
    "status" "RequestStatus" NOT NULL,
    "params" JSONB NOT NULL,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),
    "emailError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RequestDocument_storageKey_key" ON "RequestDocument"("storageKey");

-- CreateIndex
CREATE INDEX "RequestDocument_requestId_createdAt_idx" ON "RequestDocument"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RequestEvent_actionKey_key" ON "RequestEvent"("actionKey");

-- CreateIndex
CREATE INDEX "ServiceRequest_status_submittedAt_idx" ON "ServiceRequest"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "ServiceRequest_employeeId_submittedAt_idx" ON "ServiceRequest"("employeeId", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_employeeId_key" ON "User"("employeeId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestDocument" ADD CONSTRAINT "RequestDocument_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The standard catalog's BKN route and required documents, for catalogs created before this migration (a region's own codes keep the defaults: no documents, no BKN).
UPDATE "ServiceType" SET "viaBkn" = false, "documents" = '[{"code":"SURAT_PERMOHONAN","nameId":"Surat permohonan cuti","nameEn":"Leave application letter","required":true},{"code":"PENDUKUNG","nameId":"Dokumen pendukung lainnya","nameEn":"Other supporting document","required":false}]'::jsonb WHERE "code" = 'CUTI' AND "documents" = '[]'::jsonb;
UPDATE "ServiceType" SET "viaBkn" = true, "documents" = '[{"code":"SK_PANGKAT","nameId":"SK pangkat terakhir","nameEn":"Latest rank decree","required":true},{"code":"SKP","nameId":"SKP dua tahun terakhir","nameEn":"Performance targets (SKP) of the last two years","required":true}]'::jsonb WHERE "code" = 'KP' AND "documents" = '[]'::jsonb;
UPDATE "ServiceType" SET "viaBkn" = false, "documents" = '[{"code":"SK_KGB","nameId":"SK kenaikan gaji berkala terakhir","nameEn":"Latest periodic salary increase decree","required":true},{"code":"SK_PANGKAT","nameId":"SK pangkat terakhir","nameEn":"Latest rank decree","required":true}]'::jsonb WHERE "code" = 'KGB' AND "documents" = '[]'::jsonb;
UPDATE "ServiceType" SET "viaBkn" = false, "documents" = '[{"code":"LOLOS_BUTUH","nameId":"Surat lolos butuh","nameEn":"Release letter from the current unit","required":true},{"code":"SK_PANGKAT","nameId":"SK pangkat terakhir","nameEn":"Latest rank decree","required":true}]'::jsonb WHERE "code" = 'MUTASI' AND "documents" = '[]'::jsonb;
UPDATE "ServiceType" SET "viaBkn" = true, "documents" = '[{"code":"SK_CPNS","nameId":"SK CPNS","nameEn":"Civil servant candidate decree (SK CPNS)","required":true},{"code":"SK_PANGKAT","nameId":"SK pangkat terakhir","nameEn":"Latest rank decree","required":true},{"code":"KARTU_KELUARGA","nameId":"Kartu keluarga","nameEn":"Family card","required":true}]'::jsonb WHERE "code" = 'PENSIUN' AND "documents" = '[]'::jsonb;
UPDATE "ServiceType" SET "viaBkn" = true, "documents" = '[{"code":"AKTA_NIKAH","nameId":"Akta nikah","nameEn":"Marriage certificate","required":true},{"code":"PAS_FOTO","nameId":"Pas foto suami/istri","nameEn":"Spouse''s photograph","required":true}]'::jsonb WHERE "code" = 'KARIS' AND "documents" = '[]'::jsonb;
UPDATE "ServiceType" SET "viaBkn" = false, "documents" = '[{"code":"KET_KAMPUS","nameId":"Surat keterangan dari perguruan tinggi","nameEn":"Letter from the university","required":true},{"code":"SKP","nameId":"SKP dua tahun terakhir","nameEn":"Performance targets (SKP) of the last two years","required":true}]'::jsonb WHERE "code" = 'IZIN-BELAJAR' AND "documents" = '[]'::jsonb;
UPDATE "ServiceType" SET "viaBkn" = false, "documents" = '[{"code":"SK_PANGKAT","nameId":"SK pangkat terakhir","nameEn":"Latest rank decree","required":true}]'::jsonb WHERE "code" = 'UJIAN-DINAS' AND "documents" = '[]'::jsonb;
UPDATE "ServiceType" SET "viaBkn" = false, "documents" = '[{"code":"IJAZAH","nameId":"Ijazah","nameEn":"Diploma","required":true},{"code":"TRANSKRIP","nameId":"Transkrip nilai","nameEn":"Academic transcript","required":true}]'::jsonb WHERE "code" = 'GELAR' AND "documents" = '[]'::jsonb;
UPDATE "ServiceType" SET "viaBkn" = false, "documents" = '[{"code":"SK_CPNS","nameId":"SK CPNS","nameEn":"Civil servant candidate decree (SK CPNS)","required":true},{"code":"SK_PANGKAT","nameId":"SK pangkat terakhir","nameEn":"Latest rank decree","required":true}]'::jsonb WHERE "code" = 'SATYA' AND "documents" = '[]'::jsonb;
UPDATE "ServiceType" SET "viaBkn" = false, "documents" = '[{"code":"PENDUKUNG","nameId":"Dokumen pendukung lainnya","nameEn":"Other supporting document","required":false}]'::jsonb WHERE "code" = 'DATA' AND "documents" = '[]'::jsonb;
