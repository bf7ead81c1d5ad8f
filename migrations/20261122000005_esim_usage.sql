-- eSIM usage and status from the carrier, daily usage for charts, and one-time codes for
-- looking up an eSIM without an account.

-- When the carrier last reported a status; an older report never overwrites a newer one.
ALTER TABLE esim_profiles ADD COLUMN status_reported_at timestamptz;

-- Every usage or status event received, once per event id, with what it did. A replayed event
-- hits the unique key and changes nothing.
CREATE TABLE esim_feed_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    text NOT NULL UNIQUE CHECK (length(event_id) BETWEEN 1 AND 200),
    source      text NOT NULL CHECK (source IN ('feed', 'csv', 'provider')),
    kind        text NOT NULL CHECK (kind IN ('usage', 'status')),
    iccid       text NOT NULL CHECK (length(iccid) <= 22),
    occurred_at timestamptz NOT NULL,
    outcome     text NOT NULL CHECK (outcome IN ('applied', 'stale', 'unknown_esim', 'no_bundle')),
    payload     jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX esim_feed_events_recent ON esim_feed_events (received_at DESC);

-- Data, minutes and SMS used per eSIM per day (UTC), for the usage chart.
CREATE TABLE esim_daily_usage (
    esim_id  uuid NOT NULL REFERENCES esim_profiles (id) ON DELETE CASCADE,
    day      date NOT NULL,
    data_mb  bigint NOT NULL DEFAULT 0 CHECK (data_mb >= 0),
    voice_min integer NOT NULL DEFAULT 0 CHECK (voice_min >= 0),
    sms      integer NOT NULL DEFAULT 0 CHECK (sms >= 0),
    PRIMARY KEY (esim_id, day)
);

-- A one-time code mailed to the address on file, proving the person may see an eSIM without
-- signing in. Only the hash of the code is kept.
CREATE TABLE esim_lookup_codes (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    storefront_id uuid NOT NULL REFERENCES storefronts (id),
    customer_id   uuid NOT NULL,
    -- NULL when the lookup was by phone number: every eSIM of the customer is shown.
    esim_id       uuid REFERENCES esim_profiles (id) ON DELETE CASCADE,
    code_hash     bytea NOT NULL CHECK (length(code_hash) = 32),
    attempts      integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (storefront_id, customer_id) REFERENCES customers (storefront_id, id)
);
CREATE INDEX esim_lookup_codes_by_customer ON esim_lookup_codes (customer_id, created_at DESC);

-- Idempotency keys of the built-in provider: allocating or applying twice with the same key
-- (a retried fulfilment) returns the first result instead of doing it again.
ALTER TABLE esim_profiles ADD COLUMN allocation_key text UNIQUE CHECK (length(allocation_key) <= 200);
ALTER TABLE esim_bundles ADD COLUMN apply_key text UNIQUE CHECK (length(apply_key) <= 200);

-- Stock imports started from the operator page run in the background: the page shows
-- rows_done of rows_total as a progress bar, and why an import stopped, if it did.
ALTER TABLE profile_imports ADD COLUMN rows_total integer CHECK (rows_total >= 0);
ALTER TABLE profile_imports ADD COLUMN failure text;
