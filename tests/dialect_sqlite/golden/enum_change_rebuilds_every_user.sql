-- WARNING: table "users" is rebuilt without a live database: its triggers, the indexes the schema does not describe and its table options (STRICT, WITHOUT ROWID) cannot be known here and are not recreated
CREATE TABLE "_tempest_new_users" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "email" VARCHAR(255) NOT NULL,
  "role" TEXT DEFAULT 'member' CONSTRAINT "enum:user_role:role" CHECK ("role" IN ('member','admin','owner')),
  "score" NUMERIC(10,2),
  "created_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "active" BOOLEAN NOT NULL DEFAULT TRUE,
  CONSTRAINT "uq_users_email" UNIQUE ("email"),
  CONSTRAINT "ck_users_score" CHECK (score >= 0)
);
INSERT INTO "_tempest_new_users" ("id", "email", "role", "score", "created_at", "active")
  SELECT "id", "email", "role", "score", "created_at", "active" FROM "users";
DELETE FROM sqlite_sequence WHERE name = '_tempest_new_users';
INSERT INTO sqlite_sequence (name, seq) SELECT '_tempest_new_users', seq FROM sqlite_sequence WHERE name = 'users';
DROP TABLE "users";
PRAGMA legacy_alter_table=ON;
ALTER TABLE "_tempest_new_users" RENAME TO "users";
PRAGMA legacy_alter_table=OFF;
CREATE INDEX "ix_users_created_at" ON "users" ("created_at");
CREATE INDEX "ix_users_lower_email" ON "users" (lower(email)) WHERE email IS NOT NULL;
-- WARNING: table "staff" is rebuilt without a live database: its triggers, the indexes the schema does not describe and its table options (STRICT, WITHOUT ROWID) cannot be known here and are not recreated
CREATE TABLE "_tempest_new_staff" (
  "id" INTEGER NOT NULL,
  "role" TEXT NOT NULL CONSTRAINT "enum:user_role:role" CHECK ("role" IN ('member','admin','owner')),
  PRIMARY KEY ("id")
);
INSERT INTO "_tempest_new_staff" ("id", "role")
  SELECT "id", "role" FROM "staff";
DROP TABLE "staff";
PRAGMA legacy_alter_table=ON;
ALTER TABLE "_tempest_new_staff" RENAME TO "staff";
PRAGMA legacy_alter_table=OFF;
