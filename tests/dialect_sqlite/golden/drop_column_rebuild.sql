-- WARNING: table "users" is rebuilt without a live database: its triggers, the indexes the schema does not describe and its table options (STRICT, WITHOUT ROWID) cannot be known here and are not recreated
CREATE TABLE "_tempest_new_users" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "email" VARCHAR(255) NOT NULL,
  "role" TEXT DEFAULT 'member' CONSTRAINT "enum:user_role:role" CHECK ("role" IN ('member','admin')),
  "score" NUMERIC(10,2),
  "active" BOOLEAN NOT NULL DEFAULT TRUE,
  CONSTRAINT "uq_users_email" UNIQUE ("email"),
  CONSTRAINT "ck_users_score" CHECK (score >= 0)
);
INSERT INTO "_tempest_new_users" ("id", "email", "role", "score", "active")
  SELECT "id", "email", "role", "score", "active" FROM "users";
DELETE FROM sqlite_sequence WHERE name = '_tempest_new_users';
INSERT INTO sqlite_sequence (name, seq) SELECT '_tempest_new_users', seq FROM sqlite_sequence WHERE name = 'users';
DROP TABLE "users";
PRAGMA legacy_alter_table=ON;
ALTER TABLE "_tempest_new_users" RENAME TO "users";
PRAGMA legacy_alter_table=OFF;
CREATE INDEX "ix_users_lower_email" ON "users" (lower(email)) WHERE email IS NOT NULL;
