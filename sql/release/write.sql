-- Written by one thread in insertion order (table by table, tables by id), so the same values give the same bytes,
-- and a table's rows lie in one or two row groups that a reader finds by their statistics.
COPY released_value TO '${file}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 20480,
    KV_METADATA {'lagesbild.manifest': '${manifest}', 'lagesbild.catalog': '${catalog}', 'lagesbild.texts': '${texts}'});
