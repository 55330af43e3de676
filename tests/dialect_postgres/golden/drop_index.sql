DROP INDEX "ix_users_code";
