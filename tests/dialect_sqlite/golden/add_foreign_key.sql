-- WARNING: table "posts" is rebuilt without a live database: its triggers, the indexes the schema does not describe and its table options (STRICT, WITHOUT ROWID) cannot be known here and are not recreated
CREATE TABLE "_tempest_new_posts" (
  "id" INTEGER NOT NULL,
  "user_id" INTEGER NOT NULL,
  "body" TEXT,
  "editor_id" INTEGER,
  PRIMARY KEY ("id"),
  CONSTRAINT "fk_posts_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
  CONSTRAINT "fk_posts_editor_id" FOREIGN KEY ("editor_id") REFERENCES "users" ("id") ON DELETE SET NULL
);
INSERT INTO "_tempest_new_posts" ("id", "user_id", "body")
  SELECT "id", "user_id", "body" FROM "posts";
DROP TABLE "posts";
PRAGMA legacy_alter_table=ON;
ALTER TABLE "_tempest_new_posts" RENAME TO "posts";
PRAGMA legacy_alter_table=OFF;
CREATE INDEX "ix_posts_user_id" ON "posts" ("user_id");
