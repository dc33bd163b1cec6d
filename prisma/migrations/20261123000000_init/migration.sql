-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OPS', 'ACCOUNT_MANAGER', 'CUSTOMER');

-- CreateEnum
CREATE TYPE "Scheme" AS ENUM ('LEGACY', 'CURRENT');

-- CreateEnum
CREATE TYPE "Currency" AS ENUM ('CNY', 'USD');

-- CreateEnum
CREATE TYPE "DataCenter" AS ENUM ('CHINA', 'SINGAPORE', 'KOREA', 'GERMANY', 'INDIA', 'INDONESIA', 'USA');

-- CreateEnum
CREATE TYPE "Edition" AS ENUM ('TRIAL', 'PROFESSIONAL', 'FLAGSHIP', 'DEVELOPER', 'STANDARD', 'PRO');

-- CreateEnum
CREATE TYPE "PlanEventType" AS ENUM ('EDITION', 'ADDON');

-- CreateEnum
CREATE TYPE "AddonCode" AS ENUM ('AV_CHATROOM_UNLIMITED', 'GROUP_MEMBER_CAP', 'GROUP_JOIN_CAP', 'SECURITY_STRIKE', 'HISTORY_RETENTION');

-- CreateEnum
CREATE TYPE "AddonAction" AS ENUM ('START', 'STOP');

-- CreateEnum
CREATE TYPE "UsageSource" AS ENUM ('API', 'CSV', 'SEED');

-- CreateEnum
CREATE TYPE "BillingRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('DRAFT', 'ISSUED', 'PAID', 'VOID');

-- CreateEnum
CREATE TYPE "LineCode" AS ENUM ('PACKAGE', 'PACKAGE_CREDIT', 'ADDON', 'ADDON_CREDIT', 'DAU_OVERAGE', 'GROUP_OVERAGE', 'HISTORY_RETENTION', 'BARRAGE_BANDWIDTH', 'MAU_OVERAGE');

-- CreateEnum
CREATE TYPE "MigrationStatus" AS ENUM ('OPEN', 'PREVIEWED', 'EXECUTED', 'REJECTED');

-- CreateEnum
CREATE TYPE "Feature" AS ENUM ('BROADCAST_PUSH');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ApiKeyScope" AS ENUM ('USAGE_INGEST');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "accountId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInFailure" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "scheme" "Scheme" NOT NULL,
    "currency" "Currency" NOT NULL,
    "currentFrom" DATE,
    "managerId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "App" (
    "sdkAppId" BIGINT NOT NULL,
    "accountId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "dataCenter" "DataCenter" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "trtcEnabled" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "App_pkey" PRIMARY KEY ("sdkAppId")
);

-- CreateTable
CREATE TABLE "PlanEvent" (
    "id" BIGSERIAL NOT NULL,
    "sdkAppId" BIGINT NOT NULL,
    "date" DATE NOT NULL,
    "type" "PlanEventType" NOT NULL,
    "edition" "Edition",
    "addon" "AddonCode",
    "action" "AddonAction",
    "retentionDays" INTEGER,
    "actorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrialGrant" (
    "id" SERIAL NOT NULL,
    "sdkAppId" BIGINT NOT NULL,
    "accountId" INTEGER NOT NULL,
    "grantNo" INTEGER NOT NULL,
    "accountGrantNo" INTEGER NOT NULL,
    "startOn" DATE NOT NULL,
    "endOn" DATE NOT NULL,
    "actorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrialGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeatureApplication" (
    "id" SERIAL NOT NULL,
    "sdkAppId" BIGINT NOT NULL,
    "feature" "Feature" NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'PENDING',
    "note" TEXT NOT NULL DEFAULT '',
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "enablesAt" TIMESTAMPTZ(3),
    "reason" TEXT,

    CONSTRAINT "FeatureApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageDaily" (
    "sdkAppId" BIGINT NOT NULL,
    "date" DATE NOT NULL,
    "dau" INTEGER,
    "peakGroups" INTEGER,
    "mau" INTEGER,
    "pcc" INTEGER,
    "barrageDomesticMbps" DECIMAL(14,3),
    "barrageIntlMbps" DECIMAL(14,3),
    "source" "UsageSource" NOT NULL,
    "sentBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageDaily_pkey" PRIMARY KEY ("sdkAppId","date")
);

-- CreateTable
CREATE TABLE "PriceBook" (
    "id" SERIAL NOT NULL,
    "scheme" "Scheme" NOT NULL,
    "currency" "Currency" NOT NULL,
    "version" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PriceBook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriceBookPrice" (
    "priceBookId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "amount" DECIMAL(18,6) NOT NULL,

    CONSTRAINT "PriceBookPrice_pkey" PRIMARY KEY ("priceBookId","key")
);

-- CreateTable
CREATE TABLE "BillingRun" (
    "id" SERIAL NOT NULL,
    "month" CHAR(7) NOT NULL,
    "status" "BillingRunStatus" NOT NULL DEFAULT 'RUNNING',
    "totalAccounts" INTEGER NOT NULL DEFAULT 0,
    "doneAccounts" INTEGER NOT NULL DEFAULT 0,
    "failedAccounts" INTEGER NOT NULL DEFAULT 0,
    "invoiceCount" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedById" UUID,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "BillingRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BillingRunFailure" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "BillingRunFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "month" CHAR(7) NOT NULL,
    "scheme" "Scheme" NOT NULL,
    "currency" "Currency" NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'DRAFT',
    "number" TEXT,
    "total" DECIMAL(18,2) NOT NULL,
    "billingRunId" INTEGER,
    "replacesId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedAt" TIMESTAMPTZ(3),
    "paidAt" TIMESTAMPTZ(3),
    "voidedAt" TIMESTAMPTZ(3),
    "voidReason" TEXT,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceLine" (
    "id" SERIAL NOT NULL,
    "invoiceId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "sdkAppId" BIGINT NOT NULL,
    "code" "LineCode" NOT NULL,
    "edition" "Edition",
    "addon" "AddonCode",
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "quantity" DECIMAL(18,6) NOT NULL,
    "unitPrice" DECIMAL(18,6) NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "explain" TEXT NOT NULL,

    CONSTRAINT "InvoiceLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceNumberCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InvoiceNumberCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "MigrationTicket" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "status" "MigrationStatus" NOT NULL DEFAULT 'OPEN',
    "requestRef" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "editions" JSONB,
    "previewMonths" INTEGER NOT NULL DEFAULT 3,
    "previewToken" TEXT,
    "previewFigures" JSONB,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "previewedAt" TIMESTAMPTZ(3),
    "executedOn" DATE,
    "effectiveOn" DATE,
    "executedAt" TIMESTAMPTZ(3),
    "executedById" UUID,
    "rejectedReason" TEXT,

    CONSTRAINT "MigrationTicket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scope" "ApiKeyScope" NOT NULL DEFAULT 'USAGE_INGEST',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "accountId" INTEGER,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_accountId_idx" ON "User"("accountId");

-- CreateIndex
CREATE INDEX "SignInFailure_email_at_idx" ON "SignInFailure"("email", "at");

-- CreateIndex
CREATE INDEX "SignInFailure_ip_at_idx" ON "SignInFailure"("ip", "at");

-- CreateIndex
CREATE INDEX "Account_scheme_currency_idx" ON "Account"("scheme", "currency");

-- CreateIndex
CREATE INDEX "Account_managerId_idx" ON "Account"("managerId");

-- CreateIndex
CREATE INDEX "Account_name_idx" ON "Account"("name");

-- CreateIndex
CREATE INDEX "Account_createdAt_idx" ON "Account"("createdAt");

-- CreateIndex
CREATE INDEX "App_accountId_dataCenter_idx" ON "App"("accountId", "dataCenter");

-- CreateIndex
CREATE INDEX "App_dataCenter_idx" ON "App"("dataCenter");

-- CreateIndex
CREATE INDEX "PlanEvent_sdkAppId_date_id_idx" ON "PlanEvent"("sdkAppId", "date", "id");

-- CreateIndex
CREATE UNIQUE INDEX "TrialGrant_sdkAppId_grantNo_key" ON "TrialGrant"("sdkAppId", "grantNo");

-- CreateIndex
CREATE UNIQUE INDEX "TrialGrant_accountId_accountGrantNo_key" ON "TrialGrant"("accountId", "accountGrantNo");

-- CreateIndex
CREATE INDEX "FeatureApplication_sdkAppId_feature_idx" ON "FeatureApplication"("sdkAppId", "feature");

-- CreateIndex
CREATE INDEX "FeatureApplication_status_idx" ON "FeatureApplication"("status");

-- CreateIndex
CREATE INDEX "UsageDaily_date_idx" ON "UsageDaily"("date");

-- CreateIndex
CREATE UNIQUE INDEX "PriceBook_scheme_version_key" ON "PriceBook"("scheme", "version");

-- CreateIndex
CREATE UNIQUE INDEX "PriceBook_scheme_effectiveFrom_key" ON "PriceBook"("scheme", "effectiveFrom");

-- CreateIndex
CREATE INDEX "BillingRun_month_startedAt_idx" ON "BillingRun"("month", "startedAt");

-- CreateIndex
CREATE INDEX "BillingRunFailure_runId_idx" ON "BillingRunFailure"("runId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_replacesId_key" ON "Invoice"("replacesId");

-- CreateIndex
CREATE INDEX "Invoice_month_status_idx" ON "Invoice"("month", "status");

-- CreateIndex
CREATE INDEX "Invoice_accountId_month_idx" ON "Invoice"("accountId", "month");

-- CreateIndex
CREATE INDEX "InvoiceLine_sdkAppId_idx" ON "InvoiceLine"("sdkAppId");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLine_invoiceId_position_key" ON "InvoiceLine"("invoiceId", "position");

-- CreateIndex
CREATE INDEX "MigrationTicket_accountId_idx" ON "MigrationTicket"("accountId");

-- CreateIndex
CREATE INDEX "MigrationTicket_status_idx" ON "MigrationTicket"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_accountId_at_idx" ON "AuditLog"("accountId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "App" ADD CONSTRAINT "App_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanEvent" ADD CONSTRAINT "PlanEvent_sdkAppId_fkey" FOREIGN KEY ("sdkAppId") REFERENCES "App"("sdkAppId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanEvent" ADD CONSTRAINT "PlanEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialGrant" ADD CONSTRAINT "TrialGrant_sdkAppId_fkey" FOREIGN KEY ("sdkAppId") REFERENCES "App"("sdkAppId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialGrant" ADD CONSTRAINT "TrialGrant_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialGrant" ADD CONSTRAINT "TrialGrant_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeatureApplication" ADD CONSTRAINT "FeatureApplication_sdkAppId_fkey" FOREIGN KEY ("sdkAppId") REFERENCES "App"("sdkAppId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeatureApplication" ADD CONSTRAINT "FeatureApplication_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageDaily" ADD CONSTRAINT "UsageDaily_sdkAppId_fkey" FOREIGN KEY ("sdkAppId") REFERENCES "App"("sdkAppId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriceBook" ADD CONSTRAINT "PriceBook_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriceBookPrice" ADD CONSTRAINT "PriceBookPrice_priceBookId_fkey" FOREIGN KEY ("priceBookId") REFERENCES "PriceBook"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BillingRun" ADD CONSTRAINT "BillingRun_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BillingRunFailure" ADD CONSTRAINT "BillingRunFailure_runId_fkey" FOREIGN KEY ("runId") REFERENCES "BillingRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_billingRunId_fkey" FOREIGN KEY ("billingRunId") REFERENCES "BillingRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_sdkAppId_fkey" FOREIGN KEY ("sdkAppId") REFERENCES "App"("sdkAppId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MigrationTicket" ADD CONSTRAINT "MigrationTicket_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MigrationTicket" ADD CONSTRAINT "MigrationTicket_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MigrationTicket" ADD CONSTRAINT "MigrationTicket_executedById_fkey" FOREIGN KEY ("executedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

