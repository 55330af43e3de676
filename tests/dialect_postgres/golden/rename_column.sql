ALTER TABLE "users" RENAME COLUMN "code" TO "zip";
