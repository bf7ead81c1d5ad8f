-- A worker claims a payment event for a while instead of holding its row lock (and a pooled
-- connection) while it settles the payment, which takes connections of its own. A claim left by
-- a crash runs out, and the event is handled again; handling is idempotent.
ALTER TABLE payment_events ADD COLUMN claimed_until timestamptz;
