-- The stock is handed out oldest first, ties broken by ICCID. A whole import shares one
-- created_at, so the old index (without the ICCID) left every allocation sorting the entire
-- batch; with it, the next profile is the index's first unlocked entry.
DROP INDEX esim_profiles_in_stock;
CREATE INDEX esim_profiles_in_stock ON esim_profiles (storefront_id, created_at, iccid) WHERE status = 'in_stock';
