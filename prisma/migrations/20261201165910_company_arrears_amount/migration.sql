-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "arrearsAmount" BIGINT;
