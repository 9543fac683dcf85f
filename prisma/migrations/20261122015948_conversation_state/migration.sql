-- CreateTable
CREATE TABLE "ConversationState" (
    "chatId" BIGINT NOT NULL,
    "userId" BIGINT NOT NULL,
    "flow" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationState_pkey" PRIMARY KEY ("chatId","userId")
);
