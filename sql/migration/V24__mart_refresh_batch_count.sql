-- The marts are current for the set of batches they were built from. Batch ids come from a
-- sequence and are never reused, so the newest batch and the number of batches identify that set:
-- unloading an older batch changes the count, and a snapshot that sees exactly that set (taken
-- after the marts were written, nothing loaded since) may read the tables too. NULL (marts written
-- before this version): the views answer until `lagesbild marts` runs again.
ALTER TABLE mart_refresh ADD COLUMN batch_count BIGINT;
