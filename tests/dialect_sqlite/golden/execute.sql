CREATE TABLE audit (id INTEGER PRIMARY KEY, note TEXT DEFAULT 'a;b');
-- a comment; with a semicolon
CREATE TRIGGER posts_audit AFTER INSERT ON posts BEGIN
  INSERT INTO audit (note) VALUES (CASE WHEN NEW.body IS NULL THEN 'x;' ELSE NEW.body END);
  UPDATE audit SET note = note || ';' WHERE id = last_insert_rowid();
END;
/* block; comment */ UPDATE posts SET body = 'it''s; fine' WHERE "id" = -1;
