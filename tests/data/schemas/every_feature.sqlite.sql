-- Issue 11, "Done when" 4: one schema using every IR addition SQLite has, for the
-- acceptance round trip: collations (built-in ones), stored and virtual generated
-- columns (with an index on one), and deferrable foreign keys. (Arrays, domains,
-- sequences and deferrable uniques are PostgreSQL's: a SQLite project refuses them at
-- load, which tst_cli_hostile and the PostgreSQL run of this schema test.)
CREATE TABLE shelf (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL COLLATE NOCASE,
    name TEXT COLLATE RTRIM,
    CONSTRAINT uq_shelf_code UNIQUE (code)
);
CREATE TABLE item (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    shelf_code TEXT CONSTRAINT fk_item_shelf REFERENCES shelf (code) DEFERRABLE INITIALLY DEFERRED,
    price REAL,
    qty INTEGER,
    total REAL GENERATED ALWAYS AS (price * qty) STORED,
    label TEXT GENERATED ALWAYS AS (upper(shelf_code)) VIRTUAL,
    note TEXT COLLATE NOCASE
);
CREATE INDEX ix_item_total ON item (total);
CREATE TABLE line (
    item_id INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (item_id, n),
    CONSTRAINT fk_line_item FOREIGN KEY (item_id) REFERENCES item (id) ON DELETE CASCADE DEFERRABLE
);
