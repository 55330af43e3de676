CREATE TABLE "memberships" (
  "user_id" INTEGER NOT NULL,
  "group_id" BIGINT NOT NULL,
  "weight" REAL DEFAULT -1.5,
  "note" CHAR(3) DEFAULT 'it''s',
  PRIMARY KEY ("user_id", "group_id"),
  CONSTRAINT "fk_memberships_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
