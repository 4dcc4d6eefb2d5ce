-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_InboundFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "messageId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BLOB NOT NULL,
    "tooLarge" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "InboundFile_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "InboundMessage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_InboundFile" ("bytes", "contentType", "fileName", "id", "messageId", "size") SELECT "bytes", "contentType", "fileName", "id", "messageId", "size" FROM "InboundFile";
DROP TABLE "InboundFile";
ALTER TABLE "new_InboundFile" RENAME TO "InboundFile";
CREATE INDEX "InboundFile_messageId_idx" ON "InboundFile"("messageId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

