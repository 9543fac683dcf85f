-- CreateTable
CREATE TABLE "CompanyCode" (
    "id" SERIAL NOT NULL,
    "npp" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedBy" BIGINT,
    "issuedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompanyCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompanyRepresentative" (
    "telegramId" BIGINT NOT NULL,
    "npp" TEXT NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompanyRepresentative_pkey" PRIMARY KEY ("telegramId","npp")
);

-- CreateTable
CREATE TABLE "LinkAttempt" (
    "id" SERIAL NOT NULL,
    "telegramId" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ok" BOOLEAN NOT NULL,

    CONSTRAINT "LinkAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CompanyCode_codeHash_key" ON "CompanyCode"("codeHash");

-- CreateIndex
CREATE INDEX "CompanyCode_npp_idx" ON "CompanyCode"("npp");

-- CreateIndex
CREATE INDEX "LinkAttempt_telegramId_at_idx" ON "LinkAttempt"("telegramId", "at");

-- AddForeignKey
ALTER TABLE "CompanyCode" ADD CONSTRAINT "CompanyCode_npp_fkey" FOREIGN KEY ("npp") REFERENCES "Company"("npp") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyRepresentative" ADD CONSTRAINT "CompanyRepresentative_npp_fkey" FOREIGN KEY ("npp") REFERENCES "Company"("npp") ON DELETE CASCADE ON UPDATE CASCADE;
