-- Tells every server instance that a storefront, its languages or currencies, or its catalogue
-- changed (catalogue changes move storefronts.catalog_version, which lands here too). Instances
-- keep storefronts in memory while they listen (services/src/changes.rs). A notice is delivered
-- when the transaction commits, once per transaction however many statements sent it.
CREATE FUNCTION notify_storefront_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('roamdesk_changes', TG_TABLE_NAME);
    RETURN NULL;
END $$;

CREATE TRIGGER storefronts_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON storefronts
    FOR EACH STATEMENT EXECUTE FUNCTION notify_storefront_change();
CREATE TRIGGER storefront_languages_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON storefront_languages
    FOR EACH STATEMENT EXECUTE FUNCTION notify_storefront_change();
CREATE TRIGGER storefront_currencies_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON storefront_currencies
    FOR EACH STATEMENT EXECUTE FUNCTION notify_storefront_change();
