CREATE UNIQUE INDEX "ix_users_email_lower" ON "users" ((lower(email)), "id") WHERE role <> 'guest';
