ALTER TYPE "user_role" RENAME TO "account_role";
