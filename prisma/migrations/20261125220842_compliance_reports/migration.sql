-- CreateEnum
CREATE TYPE "FollowUpState" AS ENUM ('CONTACTED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateTable
CREATE TABLE "ComplianceFollowUp" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "state" "FollowUpState" NOT NULL,
    "note" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplianceFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisciplineThreshold" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "minDays" INTEGER NOT NULL,
    "consecutive" BOOLEAN NOT NULL DEFAULT false,
    "labelId" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DisciplineThreshold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicReport" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "data" JSONB NOT NULL,
    "dataAsOf" TIMESTAMP(3) NOT NULL,
    "changeNote" TEXT,
    "createdById" TEXT,
    "createdByName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "publishedByName" TEXT,

    CONSTRAINT "PublicReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ComplianceFollowUp_employeeId_createdAt_idx" ON "ComplianceFollowUp"("employeeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DisciplineThreshold_code_key" ON "DisciplineThreshold"("code");

-- CreateIndex
CREATE INDEX "PublicReport_status_publishedAt_idx" ON "PublicReport"("status", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PublicReport_regionId_period_version_key" ON "PublicReport"("regionId", "period", "version");

-- AddForeignKey
ALTER TABLE "ComplianceFollowUp" ADD CONSTRAINT "ComplianceFollowUp_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- PP 94/2021 defaults (edit the rows when the rules change)
INSERT INTO "DisciplineThreshold" ("id", "code", "minDays", "consecutive", "labelId", "labelEn", "updatedAt") VALUES
  ('pp94-teguran_lisan', 'TEGURAN_LISAN', 3, false, 'Teguran lisan', 'Oral warning', CURRENT_TIMESTAMP),
  ('pp94-teguran_tertulis', 'TEGURAN_TERTULIS', 4, false, 'Teguran tertulis', 'Written warning', CURRENT_TIMESTAMP),
  ('pp94-pernyataan_tidak_puas', 'PERNYATAAN_TIDAK_PUAS', 7, false, 'Pernyataan tidak puas secara tertulis', 'Written statement of dissatisfaction', CURRENT_TIMESTAMP),
  ('pp94-potong_tukin_6', 'POTONG_TUKIN_6', 11, false, 'Pemotongan tunjangan kinerja 25% selama 6 bulan', 'Allowance cut 25% for 6 months', CURRENT_TIMESTAMP),
  ('pp94-potong_tukin_9', 'POTONG_TUKIN_9', 14, false, 'Pemotongan tunjangan kinerja 25% selama 9 bulan', 'Allowance cut 25% for 9 months', CURRENT_TIMESTAMP),
  ('pp94-potong_tukin_12', 'POTONG_TUKIN_12', 17, false, 'Pemotongan tunjangan kinerja 25% selama 12 bulan', 'Allowance cut 25% for 12 months', CURRENT_TIMESTAMP),
  ('pp94-pemberhentian', 'PEMBERHENTIAN', 10, true, 'Proses pemberhentian (10 hari kerja berturut-turut)', 'Dismissal proceedings (10 consecutive working days)', CURRENT_TIMESTAMP)
ON CONFLICT ("code") DO NOTHING;

-- A published report is a snapshot: its row never changes and is never deleted (a correction is a new version)
CREATE FUNCTION "PublicReport_immutable"() RETURNS trigger AS $$
BEGIN
  IF OLD."status" = 'PUBLISHED' THEN
    RAISE EXCEPTION 'published report % version % is immutable; publish a correction as a new version', OLD."period", OLD."version";
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "PublicReport_immutable" BEFORE UPDATE OR DELETE ON "PublicReport"
  FOR EACH ROW EXECUTE FUNCTION "PublicReport_immutable"();
