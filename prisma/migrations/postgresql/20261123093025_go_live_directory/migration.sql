-- SET-1…SET-4 (issue 17). From `prisma migrate diff`, with Account.nameKey filled by hand.

-- SET-1: users still holding the demo seed's password (scripts/seed-demo.mts flags existing demo users).
-- REC-6: contacts and consumers are edited from versioned forms.
ALTER TABLE "User" ADD COLUMN     "demoPassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
CREATE INDEX "User_demoPassword_idx" ON "User"("demoPassword");

-- SET-2: accounts are activated and deactivated, edited from versioned forms, and matched by name.
ALTER TABLE "Account" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "nameKey" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
-- The app writes the key from lib/domain/directory/names.ts (NFKC, spaces collapsed, lower case);
-- existing names get lower(trim(name)). Two existing accounts whose names match that way keep their
-- names; the later one's key gets its number.
UPDATE "Account" SET "nameKey" = lower(trim("name"));
UPDATE "Account" SET "nameKey" = "nameKey" || ' #' || lower("number")
WHERE "id" NOT IN (SELECT MIN("id") FROM "Account" GROUP BY "nameKey");
ALTER TABLE "Account" ALTER COLUMN "nameKey" SET NOT NULL;
CREATE UNIQUE INDEX "Account_nameKey_key" ON "Account"("nameKey");

ALTER TABLE "Asset" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- SET-1, SET-4: one-time links to set a password (only the token's SHA-256 is stored).
CREATE TABLE "PasswordToken" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "requestKey" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "PasswordToken_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "PasswordToken_tokenHash_key" ON "PasswordToken"("tokenHash");
CREATE UNIQUE INDEX "PasswordToken_requestKey_key" ON "PasswordToken"("requestKey");
CREATE INDEX "PasswordToken_userId_idx" ON "PasswordToken"("userId");
ALTER TABLE "PasswordToken" ADD CONSTRAINT "PasswordToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
