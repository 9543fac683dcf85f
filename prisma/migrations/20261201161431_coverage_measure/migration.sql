-- AlterTable
ALTER TABLE "CoverageSnapshot" ADD COLUMN     "measure" TEXT;
