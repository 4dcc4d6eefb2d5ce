-- SET-1…SET-4 (issue 17). Hand-written: columns are added in place (ALTER TABLE … ADD COLUMN) rather
-- than by rebuilding User, Account and Asset as `prisma migrate diff` would.

-- SET-1: users still holding the demo seed's password (scripts/seed-demo.mts flags existing demo users).
ALTER TABLE "User" ADD COLUMN "demoPassword" BOOLEAN NOT NULL DEFAULT false;
-- REC-6: contacts and consumers are edited from versioned forms.
ALTER TABLE "User" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
CREATE INDEX "User_demoPassword_idx" ON "User"("demoPassword");

-- SET-2: accounts are activated and deactivated, edited from versioned forms, and matched by name.
ALTER TABLE "Account" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Account" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Account" ADD COLUMN "nameKey" TEXT NOT NULL DEFAULT '';
-- The app writes the key from lib/domain/directory/names.ts (NFKC, spaces collapsed, lower case);
-- existing names get lower(trim(name)), the same for the plain names accounts had until now. Two
-- existing accounts whose names match that way keep their names; the later one's key gets its number.
UPDATE "Account" SET "nameKey" = lower(trim("name"));
UPDATE "Account" SET "nameKey" = "nameKey" || ' #' || lower("number")
WHERE "id" NOT IN (SELECT MIN("id") FROM "Account" GROUP BY "nameKey");
CREATE UNIQUE INDEX "Account_nameKey_key" ON "Account"("nameKey");

ALTER TABLE "Asset" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- SET-1, SET-4: one-time links to set a password (only the token's SHA-256 is stored).
CREATE TABLE "PasswordToken" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "requestKey" TEXT,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    CONSTRAINT "PasswordToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "PasswordToken_tokenHash_key" ON "PasswordToken"("tokenHash");
CREATE UNIQUE INDEX "PasswordToken_requestKey_key" ON "PasswordToken"("requestKey");
CREATE INDEX "PasswordToken_userId_idx" ON "PasswordToken"("userId");
