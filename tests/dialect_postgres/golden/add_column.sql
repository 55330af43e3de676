ALTER TABLE "users" ADD COLUMN "score" numeric(10,2) DEFAULT 1.5 NOT NULL;
COMMENT ON COLUMN "users"."score" IS 'points';
