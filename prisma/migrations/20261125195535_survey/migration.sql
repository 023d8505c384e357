-- CreateEnum
CREATE TYPE "SurveyChannel" AS ENUM ('LINK', 'QR', 'INVITE');

-- CreateEnum
CREATE TYPE "ComplaintState" AS ENUM ('NONE', 'OPEN', 'IN_PROGRESS', 'RESOLVED');

-- CreateTable
CREATE TABLE "ServicePoint" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "serviceTypeId" TEXT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "population" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServicePoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyElement" (
    "code" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "questionEn" TEXT NOT NULL,
    "optionsId" TEXT[],
    "optionsEn" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyElement_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "SurveyInvite" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "SurveyInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "serviceTypeId" TEXT,
    "servicePointId" TEXT,
    "requestId" TEXT,
    "submissionKey" TEXT NOT NULL,
    "channel" "SurveyChannel" NOT NULL,
    "ageGroup" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "education" TEXT NOT NULL,
    "occupation" TEXT NOT NULL,
    "u1" SMALLINT NOT NULL,
    "u2" SMALLINT NOT NULL,
    "u3" SMALLINT NOT NULL,
    "u4" SMALLINT NOT NULL,
    "u5" SMALLINT NOT NULL,
    "u6" SMALLINT NOT NULL,
    "u7" SMALLINT NOT NULL,
    "u8" SMALLINT NOT NULL,
    "u9" SMALLINT NOT NULL,
    "suggestion" TEXT,
    "isComplaint" BOOLEAN NOT NULL DEFAULT false,
    "followUp" "ComplaintState" NOT NULL DEFAULT 'NONE',
    "contact" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAttempt" (
    "id" BIGSERIAL NOT NULL,
    "clientKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServicePoint_code_key" ON "ServicePoint"("code");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvite_tokenHash_key" ON "SurveyInvite"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvite_requestId_key" ON "SurveyInvite"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_requestId_key" ON "SurveyResponse"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_submissionKey_key" ON "SurveyResponse"("submissionKey");

-- CreateIndex
CREATE INDEX "SurveyResponse_updatedAt_id_idx" ON "SurveyResponse"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "SurveyResponse_unitId_createdAt_idx" ON "SurveyResponse"("unitId", "createdAt");

-- CreateIndex
CREATE INDEX "SurveyAttempt_clientKey_createdAt_idx" ON "SurveyAttempt"("clientKey", "createdAt");

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_servicePointId_fkey" FOREIGN KEY ("servicePointId") REFERENCES "ServicePoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;
