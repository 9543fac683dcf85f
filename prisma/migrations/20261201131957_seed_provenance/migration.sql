-- CreateEnum
CREATE TYPE "RowOrigin" AS ENUM ('seed', 'official');

-- AlterTable
ALTER TABLE "Award" ADD COLUMN     "origin" "RowOrigin" NOT NULL DEFAULT 'official';

-- AlterTable
ALTER TABLE "AwardCeremony" ADD COLUMN     "origin" "RowOrigin" NOT NULL DEFAULT 'official';

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "origin" "RowOrigin" NOT NULL DEFAULT 'official';

-- AlterTable
ALTER TABLE "ContributionRule" ADD COLUMN     "origin" "RowOrigin" NOT NULL DEFAULT 'official';

-- AlterTable
ALTER TABLE "CoverageSnapshot" ADD COLUMN     "origin" "RowOrigin" NOT NULL DEFAULT 'official';

-- AlterTable
ALTER TABLE "KnowledgeEntry" ADD COLUMN     "origin" "RowOrigin" NOT NULL DEFAULT 'official';

-- AlterTable
ALTER TABLE "RegionAlias" ADD COLUMN     "origin" "RowOrigin" NOT NULL DEFAULT 'official';
