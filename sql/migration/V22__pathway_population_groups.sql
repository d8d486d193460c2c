-- SVF pathways by education and country of birth (issue 26): optional columns of the svf-pathways
-- source (a delivery linked to SCB's registers carries them; NULL when it does not), read by the
-- loaders' lb_education and lb_birth_country as the cancer register's.
ALTER TABLE fact_svf_pathway ADD COLUMN education_code VARCHAR;
ALTER TABLE fact_svf_pathway ADD COLUMN birth_country_code VARCHAR;
