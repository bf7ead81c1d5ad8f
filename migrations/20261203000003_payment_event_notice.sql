-- Wakes the payment workers when a provider event is stored, from the statement that stores it:
-- the notice goes out when that transaction commits, and a duplicate event (ON CONFLICT DO
-- NOTHING, no row) sends none. Replaces a separate NOTIFY round trip after the insert.
CREATE FUNCTION notify_payment_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('roamdesk_payments', '');
    RETURN NULL;
END $$;

CREATE TRIGGER payment_events_notify AFTER INSERT ON payment_events
    FOR EACH ROW EXECUTE FUNCTION notify_payment_event();
