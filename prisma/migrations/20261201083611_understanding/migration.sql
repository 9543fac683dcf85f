-- CreateEnum
CREATE TYPE "FeedbackKind" AS ENUM ('unanswered', 'helpful', 'unhelpful');

-- CreateTable
CREATE TABLE "KnowledgeEntry" (
    "id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "titleId" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "questionsId" TEXT[],
    "questionsEn" TEXT[],
    "answerId" TEXT NOT NULL,
    "answerEn" TEXT NOT NULL,
    "related" TEXT[],
    "sourceName" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "sourceDate" DATE,
    "uncertain" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatContext" (
    "chatId" BIGINT NOT NULL,
    "userId" BIGINT NOT NULL,
    "data" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatContext_pkey" PRIMARY KEY ("chatId","userId")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" SERIAL NOT NULL,
    "kind" "FeedbackKind" NOT NULL,
    "question" TEXT NOT NULL,
    "target" TEXT,
    "locale" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Feedback_kind_createdAt_idx" ON "Feedback"("kind", "createdAt");
