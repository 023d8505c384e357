-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "loadError" TEXT;

-- AlterTable
ALTER TABLE "LoginAttempt" ADD COLUMN     "deviceHash" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "LoginAttempt_username_deviceHash_createdAt_idx" ON "LoginAttempt"("username", "deviceHash", "createdAt");
