-- AlterTable
ALTER TABLE "Award" ADD COLUMN     "internalNote" TEXT,
ADD COLUMN     "noteEn" TEXT,
ADD COLUMN     "titleEn" TEXT;

-- AlterTable
ALTER TABLE "AwardCeremony" ADD COLUMN     "internalNote" TEXT,
ADD COLUMN     "noteEn" TEXT;

-- AlterTable
ALTER TABLE "ContributionRule" ADD COLUMN     "internalNote" TEXT,
ADD COLUMN     "noteEn" TEXT;

-- AlterTable
ALTER TABLE "CoverageSnapshot" ADD COLUMN     "internalNote" TEXT,
ADD COLUMN     "noteEn" TEXT;

-- AlterTable
ALTER TABLE "KnowledgeEntry" ADD COLUMN     "internalNote" TEXT,
ADD COLUMN     "noteEn" TEXT;
