CREATE TABLE "app"."t" (
    "id" integer NOT NULL,
    "r" "app"."user_role",
    PRIMARY KEY ("id"),
    CONSTRAINT "fk_t_id" FOREIGN KEY ("id") REFERENCES "app"."users" ("id")
);
CREATE INDEX "ix_t_r" ON "app"."t" ("r");
DROP INDEX "app"."ix_t_r";
