-- The release's manifest and catalog, stored as key-value metadata of the Parquet file.
SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${file}');
