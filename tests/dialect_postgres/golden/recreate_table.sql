ALTER TABLE "users" DROP CONSTRAINT "ck_code";
DROP INDEX "ix_code";
ALTER TABLE "users" DROP COLUMN "code";
ALTER TABLE "users" ALTER COLUMN "email" TYPE text USING "email"::text;
ALTER TABLE "users" ADD COLUMN "nick" text DEFAULT 'anon';
ALTER TABLE "users" ADD CONSTRAINT "uq_email" UNIQUE ("email");
COMMENT ON TABLE "users" IS 'rebuilt';
