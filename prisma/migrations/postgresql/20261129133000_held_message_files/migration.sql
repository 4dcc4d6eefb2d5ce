-- CreateTable
CREATE TABLE "InboundFile" (
    "id" SERIAL NOT NULL,
    "messageId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "InboundFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InboundFile_messageId_idx" ON "InboundFile"("messageId");

-- AddForeignKey
ALTER TABLE "InboundFile" ADD CONSTRAINT "InboundFile_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "InboundMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

