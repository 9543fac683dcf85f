-- CreateTable
CREATE TABLE "PaymentReminder" (
    "telegramId" BIGINT NOT NULL,
    "chatId" BIGINT NOT NULL,
    "day" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL DEFAULT 540,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Jakarta',
    "income" INTEGER,
    "transport" BOOLEAN,
    "withJht" BOOLEAN,
    "paidMonth" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentReminder_pkey" PRIMARY KEY ("telegramId")
);

-- CreateTable
CREATE TABLE "ReminderSend" (
    "telegramId" BIGINT NOT NULL,
    "key" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "ReminderSend_pkey" PRIMARY KEY ("telegramId","key")
);

-- CreateIndex
CREATE INDEX "ReminderSend_status_dueAt_idx" ON "ReminderSend"("status", "dueAt");

-- AddForeignKey
ALTER TABLE "ReminderSend" ADD CONSTRAINT "ReminderSend_telegramId_fkey" FOREIGN KEY ("telegramId") REFERENCES "PaymentReminder"("telegramId") ON DELETE CASCADE ON UPDATE CASCADE;
