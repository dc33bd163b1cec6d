-- CreateEnum
CREATE TYPE "BillingShardState" AS ENUM ('PENDING', 'RUNNING', 'DONE');

-- CreateEnum
CREATE TYPE "BillingStep" AS ENUM ('DRAFT_RUN', 'ISSUE');

-- CreateEnum
CREATE TYPE "BillingStepState" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "BillingRunShard" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "accountIds" INTEGER[],
    "state" "BillingShardState" NOT NULL DEFAULT 'PENDING',
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "doneAccounts" INTEGER NOT NULL DEFAULT 0,
    "failedAccounts" INTEGER NOT NULL DEFAULT 0,
    "skippedAccounts" INTEGER NOT NULL DEFAULT 0,
    "invoiceCount" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "BillingRunShard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BillingCalendarStep" (
    "month" CHAR(7) NOT NULL,
    "step" "BillingStep" NOT NULL,
    "state" "BillingStepState" NOT NULL DEFAULT 'RUNNING',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "runId" INTEGER,
    "actorLabel" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "error" TEXT,
    "result" JSONB,

    CONSTRAINT "BillingCalendarStep_pkey" PRIMARY KEY ("month","step")
);

-- CreateTable
CREATE TABLE "BillingMonthPause" (
    "month" CHAR(7) NOT NULL,
    "reason" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "pausedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BillingMonthPause_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "BillingHold" (
    "accountId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "heldAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BillingHold_pkey" PRIMARY KEY ("accountId")
);

-- CreateIndex
CREATE UNIQUE INDEX "BillingRunShard_runId_position_key" ON "BillingRunShard"("runId", "position");


-- Hand-written: keys Prisma's schema leaves out (no relation fields on BillingRun or Account, so
-- that this area's models stay at the end of the schema).
ALTER TABLE "BillingRunShard" ADD CONSTRAINT "BillingRunShard_runId_fkey" FOREIGN KEY ("runId") REFERENCES "BillingRun"("id") ON DELETE CASCADE;
ALTER TABLE "BillingCalendarStep" ADD CONSTRAINT "BillingCalendarStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "BillingRun"("id") ON DELETE SET NULL;
ALTER TABLE "BillingHold" ADD CONSTRAINT "BillingHold_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE;
