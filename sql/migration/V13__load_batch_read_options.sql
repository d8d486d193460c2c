-- How a delivered file was read (encoding, delimiter): part of its identity for "already loaded".
-- The same bytes read with another encoding or delimiter give other rows, so a second load of the
-- same SHA-256 with other options is refused with how to unload and reload. NULL for batches
-- loaded before this was recorded.
ALTER TABLE load_batch ADD COLUMN read_options VARCHAR;
