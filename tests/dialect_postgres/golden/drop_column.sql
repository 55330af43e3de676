ALTER TABLE "users" DROP COLUMN "code";
