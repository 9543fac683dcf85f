-- DropIndex
DROP INDEX "CoverageSnapshot_regionCode_asOf_key";

-- AlterTable
ALTER TABLE "CoverageSnapshot" ADD COLUMN     "informalPercent" DECIMAL(5,2),
ADD COLUMN     "wageEarnersPercent" DECIMAL(5,2);

-- CreateIndex
CREATE UNIQUE INDEX "CoverageSnapshot_regionCode_asOf_sourceName_key" ON "CoverageSnapshot"("regionCode", "asOf", "sourceName");
