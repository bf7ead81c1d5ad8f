-- Checkout: promotions, payment events from Stripe and the built-in test provider, refunds,
-- and per-storefront payment settings.

-- How each storefront takes money online and what its receipts say about the seller.
CREATE TABLE storefront_payment_settings (
    storefront_id   uuid PRIMARY KEY REFERENCES storefronts (id) ON DELETE CASCADE,
    -- Stripe Checkout payment method types offered: card (with Apple Pay and Google Pay), alipay, wechat_pay, paypal.
    methods         text[] NOT NULL DEFAULT '{card}'
                    CHECK (methods <@ ARRAY['card', 'alipay', 'wechat_pay', 'paypal'] AND cardinality(methods) >= 1),
    legal_name      text NOT NULL CHECK (length(btrim(legal_name)) BETWEEN 1 AND 200),
    address         text NOT NULL DEFAULT '' CHECK (length(address) <= 500),
    tax_id          text CHECK (tax_id IS NULL OR length(tax_id) <= 50)
);

INSERT INTO storefront_payment_settings (storefront_id, legal_name)
SELECT id, name FROM storefronts ON CONFLICT DO NOTHING;

CREATE TYPE promo_kind AS ENUM ('percent', 'fixed');

CREATE TABLE promo_codes (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    storefront_id    uuid NOT NULL REFERENCES storefronts (id) ON DELETE CASCADE,
    -- Stored upper-case; customers type it in any case.
    code             text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{2,31}$'),
    kind             promo_kind NOT NULL,
    percent_off      smallint CHECK (percent_off BETWEEN 1 AND 100),
    amount_off_minor bigint CHECK (amount_off_minor > 0),
    -- A fixed discount is in one currency and applies only to orders in it.
    currency         char(3) REFERENCES currencies (code),
    valid_from       timestamptz,
    valid_until      timestamptz,
    max_redemptions  integer CHECK (max_redemptions > 0),
    max_per_customer integer CHECK (max_per_customer > 0),
    -- NULL: any plan / any destination.
    plan_ids         uuid[],
    destination_codes text[],
    -- Kept in step with promo_redemptions inside the order's transaction; the row lock on this
    -- counter is what makes the last use go to exactly one of two racing orders.
    redemptions      integer NOT NULL DEFAULT 0 CHECK (redemptions >= 0),
    active           boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (storefront_id, code),
    UNIQUE (storefront_id, id),
    CHECK ((kind = 'percent') = (percent_off IS NOT NULL)),
    CHECK ((kind = 'fixed') = (amount_off_minor IS NOT NULL AND currency IS NOT NULL)),
    CHECK (max_redemptions IS NULL OR redemptions <= max_redemptions),
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until > valid_from)
);

CREATE TABLE promo_redemptions (
    promo_id     uuid NOT NULL REFERENCES promo_codes (id) ON DELETE CASCADE,
    order_id     uuid NOT NULL UNIQUE REFERENCES orders (id) ON DELETE CASCADE,
    -- The lower-cased e-mail: per-customer limits hold for renewals without an account too.
    customer_key text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (promo_id, order_id)
);
CREATE INDEX promo_redemptions_by_customer ON promo_redemptions (promo_id, customer_key);

ALTER TABLE orders ADD COLUMN promo_code_id uuid REFERENCES promo_codes (id);
-- A random token from the checkout form: submitting it twice makes one order.
ALTER TABLE orders ADD COLUMN request_key text CHECK (length(request_key) BETWEEN 8 AND 100);
CREATE UNIQUE INDEX orders_request_key ON orders (storefront_id, request_key) WHERE request_key IS NOT NULL;
-- What the customer was shown before paying, in their language: plan name, allowances, new expiry.
ALTER TABLE orders ADD COLUMN quote jsonb NOT NULL DEFAULT '{}';
ALTER TABLE orders ADD COLUMN language text REFERENCES languages (code);
ALTER TABLE orders ADD COLUMN fulfilled_at timestamptz;

-- Order numbers count up per storefront.
CREATE TABLE order_number_counters (
    storefront_id uuid PRIMARY KEY REFERENCES storefronts (id) ON DELETE CASCADE,
    last_number   bigint NOT NULL DEFAULT 0
);

-- The checkout page the customer is sent to (Stripe Checkout or the test page), while it is open.
ALTER TABLE payments ADD COLUMN checkout_url text;
ALTER TABLE payments ADD COLUMN refunded_minor bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0);
ALTER TABLE payments ADD CONSTRAINT payments_refund_within_amount CHECK (refunded_minor <= amount_minor);

-- Every event a payment provider reported, stored once by its id and processed by a worker.
-- The built-in test provider writes the same kind of rows, so both go down one path.
CREATE TABLE payment_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider     payment_provider NOT NULL,
    event_id     text NOT NULL CHECK (length(event_id) BETWEEN 1 AND 255),
    event_type   text NOT NULL,
    -- The order the event names, if it names one we know; an unknown order is stored and ignored.
    order_id     uuid REFERENCES orders (id),
    payload      jsonb NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz,
    attempts     integer NOT NULL DEFAULT 0,
    last_error   text,
    UNIQUE (provider, event_id)
);
CREATE INDEX payment_events_unprocessed ON payment_events (received_at) WHERE processed_at IS NULL;

CREATE TYPE refund_status AS ENUM ('pending', 'succeeded', 'failed');

CREATE TABLE refunds (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id     uuid NOT NULL REFERENCES orders (id),
    payment_id   uuid NOT NULL REFERENCES payments (id),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency     char(3) NOT NULL REFERENCES currencies (code),
    reason       text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
    status       refund_status NOT NULL DEFAULT 'pending',
    provider_ref text,
    requested_by uuid REFERENCES accounts (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refunds_by_order ON refunds (order_id);
