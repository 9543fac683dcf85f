-- AlterTable
ALTER TABLE "AwardCeremony" ADD COLUMN     "remind" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "remindedAt" TIMESTAMP(3);
