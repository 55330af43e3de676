CREATE TABLE "we""ird tåble" (
    "sp ace" text,
    "select" integer NOT NULL,
    PRIMARY KEY ("select")
);
ALTER TABLE "we""ird tåble" RENAME COLUMN "sp ace" TO "ünï""code";
