-- A provider checkout page closed on purpose (a new attempt replaced it, or the order was
-- cancelled), so it is not asked to close again.
ALTER TABLE payments ADD COLUMN checkout_closed boolean NOT NULL DEFAULT false;
