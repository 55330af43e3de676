CREATE TABLE "we""ird table" (
  "select" INTEGER NOT NULL,
  "ünï ""q""" TEXT,
  "with space" JSON DEFAULT (json_object()),
  PRIMARY KEY ("select"),
  CONSTRAINT "ck ""order""" CHECK ("select" > 0)
);
CREATE UNIQUE INDEX "ix ""w"" ü" ON "we""ird table" ("ünï ""q""", "with space");
ALTER TABLE "we""ird table" RENAME TO "order";
ALTER TABLE "order" RENAME COLUMN "with space" TO "with	tab";
