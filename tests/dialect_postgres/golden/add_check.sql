ALTER TABLE "users" ADD CONSTRAINT "ck_users_email" CHECK (position('@' in email) > 1);
