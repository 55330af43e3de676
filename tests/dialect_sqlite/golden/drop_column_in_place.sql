ALTER TABLE "posts" DROP COLUMN "body";
