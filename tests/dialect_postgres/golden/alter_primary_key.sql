DO $tempest$
DECLARE pk name;
BEGIN
    SELECT conname INTO pk FROM pg_catalog.pg_constraint WHERE conrelid = '"posts"'::regclass AND contype = 'p';
    IF pk IS NOT NULL THEN
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', '"posts"'::regclass, pk);
    END IF;
END
$tempest$;
ALTER TABLE "posts" ADD PRIMARY KEY ("id", "user_id");
