-- Cancer mortality by education and country of birth (issue 26): optional columns of the deaths
-- source (the cause-of-death register linked to SCB's registers; NULL when a delivery does not
-- carry them), read by the loaders' lb_education and lb_birth_country.
ALTER TABLE fact_death ADD COLUMN education_code VARCHAR;
ALTER TABLE fact_death ADD COLUMN birth_country_code VARCHAR;
