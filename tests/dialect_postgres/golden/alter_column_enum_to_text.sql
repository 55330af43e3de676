ALTER TABLE "posts" ALTER COLUMN "status" TYPE text USING "status"::text;
