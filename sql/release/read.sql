-- One table's rows, texts as their numbers in release_text (the file's lagesbild.texts): reading text through JDBC is
-- ten times slower than reading numbers.
SELECT enum_code(period::release_text), enum_code(geo_level::release_text), enum_code(geo::release_text),
       enum_code(diagnosis::release_text), sex, enum_code(age_group::release_text),
       numerator, denominator, estimate, lower_95, upper_95, enum_code(method::release_text), standard_error,
       lower_998, upper_998, enum_code(method_998::release_text), enum_code(comparison::release_text), suppressed,
       enum_code(reason::release_text)
FROM read_parquet('${file}')
WHERE table_id = '${table}';
