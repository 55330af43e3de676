ALTER TABLE "users" ALTER COLUMN "email" DROP NOT NULL;
ALTER TABLE "users" ALTER COLUMN "email" SET DEFAULT 'a@b.c';
COMMENT ON COLUMN "users"."email" IS 'login';
