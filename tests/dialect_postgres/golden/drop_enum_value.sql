CREATE TYPE "tempest_enum_swap_63f18630729ad2be" AS ENUM ('member', 'admin');
ALTER TABLE "users" ALTER COLUMN "role" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "role" TYPE "tempest_enum_swap_63f18630729ad2be" USING "role"::text::"tempest_enum_swap_63f18630729ad2be";
ALTER TABLE "posts" ALTER COLUMN "status" TYPE "tempest_enum_swap_63f18630729ad2be" USING "status"::text::"tempest_enum_swap_63f18630729ad2be";
DROP TYPE "user_role";
ALTER TYPE "tempest_enum_swap_63f18630729ad2be" RENAME TO "user_role";
ALTER TABLE "users" ALTER COLUMN "role" SET DEFAULT 'member';
