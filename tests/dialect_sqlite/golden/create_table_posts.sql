CREATE TABLE "posts" (
  "id" INTEGER NOT NULL,
  "user_id" INTEGER NOT NULL,
  "body" TEXT,
  PRIMARY KEY ("id"),
  CONSTRAINT "fk_posts_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_posts_user_id" ON "posts" ("user_id");
