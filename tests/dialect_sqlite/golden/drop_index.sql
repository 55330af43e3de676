DROP INDEX "ix_posts_user_id";
