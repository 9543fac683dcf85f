-- Claims only matter for a day and do not say which bot they were for: start afresh.
DELETE FROM "ProcessedUpdate";

-- AlterTable
ALTER TABLE "ProcessedUpdate" DROP CONSTRAINT "ProcessedUpdate_pkey",
ADD COLUMN     "botId" BIGINT NOT NULL,
ADD CONSTRAINT "ProcessedUpdate_pkey" PRIMARY KEY ("botId", "updateId");
