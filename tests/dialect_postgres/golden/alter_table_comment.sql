COMMENT ON TABLE "users" IS 'people';
COMMENT ON TABLE "posts" IS NULL;
