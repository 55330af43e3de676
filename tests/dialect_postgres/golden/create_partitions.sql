CREATE TABLE "ref"."readings" (
    "id" integer NOT NULL,
    "day" date NOT NULL,
    PRIMARY KEY ("id", "day")
) PARTITION BY RANGE (day);
CREATE TABLE "ref"."readings 2024" PARTITION OF "ref"."readings" (
    CONSTRAINT "fk_r2024_user" FOREIGN KEY ("id") REFERENCES "users" ("id"),
    CONSTRAINT "ck_r2024" CHECK (id > 0)
) FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (id);
CREATE INDEX "ix_r2024_id" ON "ref"."readings 2024" ("id");
COMMENT ON TABLE "ref"."readings 2024" IS 'year';
CREATE TABLE "ref"."readings_rest" PARTITION OF "ref"."readings" DEFAULT;
