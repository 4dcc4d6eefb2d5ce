-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "primaryContactId" INTEGER;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_primaryContactId_fkey" FOREIGN KEY ("primaryContactId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- PRO-2: existing accounts start with their first active contact as primary contact (hand-written).
UPDATE "Account" SET "primaryContactId" = (
  SELECT u."id" FROM "User" u
  WHERE u."accountId" = "Account"."id" AND u."kind" = 'contact' AND u."active" = true
  ORDER BY u."id" LIMIT 1
);
