CREATE UNIQUE INDEX "ix_posts_body" ON "posts" ("body", lower(body)) WHERE body IS NOT NULL;
