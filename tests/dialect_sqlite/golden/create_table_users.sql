CREATE TABLE "users" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "email" VARCHAR(255) NOT NULL,
  "role" TEXT DEFAULT 'member' CONSTRAINT "enum:user_role:role" CHECK ("role" IN ('member','admin')),
  "score" NUMERIC(10,2),
  "created_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "active" BOOLEAN NOT NULL DEFAULT TRUE,
  CONSTRAINT "uq_users_email" UNIQUE ("email"),
  CONSTRAINT "ck_users_score" CHECK (score >= 0)
);
CREATE INDEX "ix_users_created_at" ON "users" ("created_at");
CREATE INDEX "ix_users_lower_email" ON "users" (lower(email)) WHERE email IS NOT NULL;
