-- When an eSIM's running plan ends: the latest expiry among its active, unexpired bundles, NULL
-- when nothing runs. A renewal starts there. The quote and the built-in provider both ask it
-- inside their own queries, so the expiry a customer is shown is the expiry delivered.
-- PL/pgSQL rather than SQL: it keeps its plan per connection, where a SQL function that cannot
-- be inlined is planned again on every call.
CREATE FUNCTION esim_running_plan_end(esim uuid) RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (SELECT max(expires_at) FROM esim_bundles
            WHERE esim_id = esim AND status = 'active' AND expires_at > now());
END $$;
