-- AlterTable
ALTER TABLE "Announcement" ADD COLUMN     "textEn" TEXT;
