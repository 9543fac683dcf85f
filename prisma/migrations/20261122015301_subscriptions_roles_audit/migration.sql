-- CreateEnum
CREATE TYPE "RoleName" AS ENUM ('admin', 'official');

-- CreateTable
CREATE TABLE "Subscription" (
    "id" SERIAL NOT NULL,
    "chatId" BIGINT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "includeChildren" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleGrant" (
    "id" SERIAL NOT NULL,
    "telegramId" BIGINT NOT NULL,
    "role" "RoleName" NOT NULL,
    "regionCode" TEXT,
    "grantedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Subscription_regionCode_active_idx" ON "Subscription"("regionCode", "active");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_chatId_regionCode_key" ON "Subscription"("chatId", "regionCode");

-- CreateIndex
CREATE INDEX "RoleGrant_telegramId_idx" ON "RoleGrant"("telegramId");

-- CreateIndex
CREATE UNIQUE INDEX "RoleGrant_telegramId_role_regionCode_key" ON "RoleGrant"("telegramId", "role", "regionCode");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_action_at_idx" ON "AuditEntry"("action", "at");

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;
