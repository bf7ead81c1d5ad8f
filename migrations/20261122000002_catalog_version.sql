-- A storefront's catalog version changes whenever anything a catalog page shows changes, so the
-- server can keep the catalog in memory and still never show a stale plan or price: each request
-- already reads the storefront row and compares versions.
ALTER TABLE storefronts ADD COLUMN catalog_version bigint NOT NULL DEFAULT 1;

-- Statement-level and coarse on purpose: bulk imports bump once per statement, and the few
-- storefronts a platform has make "bump them all" cheaper than working out which one changed.
CREATE FUNCTION bump_catalog_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE storefronts SET catalog_version = catalog_version + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER plans_bump_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plans
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_versions();
CREATE TRIGGER plan_prices_bump_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_prices
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_versions();
CREATE TRIGGER plan_texts_bump_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_texts
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_versions();
CREATE TRIGGER destinations_bump_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON destinations
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_versions();
CREATE TRIGGER destination_countries_bump_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON destination_countries
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_versions();
CREATE TRIGGER countries_bump_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON countries
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_versions();
