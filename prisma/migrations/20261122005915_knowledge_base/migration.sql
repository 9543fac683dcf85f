-- Region resolution matches typos by trigram similarity.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('country', 'province', 'regency', 'district', 'village');

-- CreateEnum
CREATE TYPE "RegionKind" AS ENUM ('negara', 'provinsi', 'kabupaten', 'kota', 'kecamatan', 'desa', 'kelurahan');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month', 'year');

-- CreateEnum
CREATE TYPE "AwardLevel" AS ENUM ('national', 'provincial');

-- CreateEnum
CREATE TYPE "AwardCategory" AS ENUM ('pemerintah_provinsi', 'pemerintah_kabupaten_kota', 'pemerintah_desa', 'perusahaan_besar', 'perusahaan_menengah', 'usaha_kecil_mikro', 'perusahaan', 'sektor', 'khusus');

-- CreateEnum
CREATE TYPE "RecipientType" AS ENUM ('region', 'company', 'organisation');

-- CreateEnum
CREATE TYPE "CompanySize" AS ENUM ('besar', 'menengah', 'kecil', 'mikro');

-- CreateEnum
CREATE TYPE "CompanyStatus" AS ENUM ('aktif', 'menunggak', 'nonaktif');

-- CreateEnum
CREATE TYPE "Programme" AS ENUM ('JKK', 'JKM', 'JHT', 'JP', 'JKP');

-- CreateEnum
CREATE TYPE "Segment" AS ENUM ('BPU', 'PU');

-- CreateEnum
CREATE TYPE "SectorCondition" AS ENUM ('any', 'transport', 'non_transport');

-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "kind" "RegionKind" NOT NULL,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "trigramName" TEXT,
    "parentCode" TEXT,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "RegionAlias" (
    "alias" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,

    CONSTRAINT "RegionAlias_pkey" PRIMARY KEY ("alias","regionCode")
);

-- CreateTable
CREATE TABLE "CoverageSnapshot" (
    "id" SERIAL NOT NULL,
    "regionCode" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "asOfPrecision" "DatePrecision" NOT NULL DEFAULT 'day',
    "activeParticipants" INTEGER,
    "wageEarners" INTEGER,
    "informal" INTEGER,
    "workingPopulation" INTEGER,
    "coveragePercent" DECIMAL(5,2),
    "targetPercent" DECIMAL(5,2),
    "targetYear" INTEGER,
    "sourceName" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "sourceDate" DATE,
    "uncertain" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoverageSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwardCeremony" (
    "id" TEXT NOT NULL,
    "edition" INTEGER NOT NULL,
    "assessmentYear" INTEGER,
    "level" "AwardLevel" NOT NULL,
    "provinceCode" TEXT,
    "date" DATE,
    "time" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Jakarta',
    "venue" TEXT,
    "city" TEXT,
    "sourceName" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "sourceDate" DATE,
    "uncertain" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AwardCeremony_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Award" (
    "id" SERIAL NOT NULL,
    "ceremonyId" TEXT NOT NULL,
    "category" "AwardCategory" NOT NULL,
    "sector" TEXT,
    "rank" INTEGER,
    "title" TEXT NOT NULL,
    "recipientType" "RecipientType" NOT NULL,
    "regionCode" TEXT,
    "companyNpp" TEXT,
    "organisationName" TEXT,
    "recipientKey" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "sourceDate" DATE,
    "uncertain" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Company" (
    "npp" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "sizeClass" "CompanySize" NOT NULL,
    "sector" TEXT NOT NULL,
    "status" "CompanyStatus" NOT NULL,
    "enrolledWorkers" INTEGER NOT NULL,
    "reportedWorkforce" INTEGER NOT NULL,
    "programmes" "Programme"[],
    "monthsInArrears" INTEGER NOT NULL DEFAULT 0,
    "asOf" DATE NOT NULL,
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Company_pkey" PRIMARY KEY ("npp")
);

-- CreateTable
CREATE TABLE "ContributionRule" (
    "id" TEXT NOT NULL,
    "programme" "Programme" NOT NULL,
    "segment" "Segment" NOT NULL,
    "ratePercent" DECIMAL(6,3),
    "flatAmount" INTEGER,
    "discountPercent" DECIMAL(5,2),
    "incomeMin" INTEGER,
    "incomeMax" INTEGER,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "sector" "SectorCondition" NOT NULL DEFAULT 'any',
    "legalBasis" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "sourceDate" DATE,
    "uncertain" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContributionRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeedState" (
    "name" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeedState_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Region_parentCode_idx" ON "Region"("parentCode");

-- CreateIndex
CREATE INDEX "Region_searchName_level_code_idx" ON "Region"("searchName", "level", "code");

-- CreateIndex
CREATE INDEX "Region_trigramName_idx" ON "Region" USING GIN ("trigramName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "RegionAlias_regionCode_idx" ON "RegionAlias"("regionCode");

-- CreateIndex
CREATE INDEX "CoverageSnapshot_asOf_idx" ON "CoverageSnapshot"("asOf");

-- CreateIndex
CREATE UNIQUE INDEX "CoverageSnapshot_regionCode_asOf_key" ON "CoverageSnapshot"("regionCode", "asOf");

-- CreateIndex
CREATE INDEX "AwardCeremony_provinceCode_edition_idx" ON "AwardCeremony"("provinceCode", "edition");

-- CreateIndex
CREATE INDEX "AwardCeremony_date_idx" ON "AwardCeremony"("date");

-- CreateIndex
CREATE INDEX "Award_regionCode_idx" ON "Award"("regionCode");

-- CreateIndex
CREATE INDEX "Award_companyNpp_idx" ON "Award"("companyNpp");

-- CreateIndex
CREATE UNIQUE INDEX "Award_ceremonyId_category_recipientKey_title_key" ON "Award"("ceremonyId", "category", "recipientKey", "title");

-- CreateIndex
CREATE INDEX "Company_regionCode_idx" ON "Company"("regionCode");

-- CreateIndex
CREATE INDEX "ContributionRule_programme_segment_validFrom_idx" ON "ContributionRule"("programme", "segment", "validFrom");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionAlias" ADD CONSTRAINT "RegionAlias_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageSnapshot" ADD CONSTRAINT "CoverageSnapshot_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardCeremony" ADD CONSTRAINT "AwardCeremony_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_ceremonyId_fkey" FOREIGN KEY ("ceremonyId") REFERENCES "AwardCeremony"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_companyNpp_fkey" FOREIGN KEY ("companyNpp") REFERENCES "Company"("npp") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Company" ADD CONSTRAINT "Company_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
