UPDATE users SET code = 'a;b';
-- done; really
INSERT INTO posts VALUES (1, 1, $$x;y$$);
