-- Roamdesk foundation: the data model the whole product extends.
-- Money is integer minor units plus an ISO 4217 code; the ledger is append-only and double-entry.

CREATE TABLE currencies (
    code        char(3) PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
    minor_units smallint NOT NULL CHECK (minor_units BETWEEN 0 AND 4)
);

CREATE TABLE languages (
    code text PRIMARY KEY CHECK (code ~ '^[a-z]{2}(-[A-Za-z0-9]{2,8})?$')
);

-- A storefront is one reseller's branded shop.
CREATE TABLE storefronts (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug             text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
    -- The host name customers reach this storefront on; NULL for the platform default.
    host             text UNIQUE CHECK (host IS NULL OR host ~ '^[a-z0-9.-]+(:[0-9]+)?$'),
    default_currency char(3) NOT NULL REFERENCES currencies (code),
    default_language text NOT NULL REFERENCES languages (code),
    support_email    text CHECK (support_email IS NULL OR support_email ~ '^[^@\s]+@[^@\s]+$'),
    brand_color      text NOT NULL DEFAULT '#0f766e' CHECK (brand_color ~ '^#[0-9a-fA-F]{6}$'),
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE storefront_currencies (
    storefront_id uuid NOT NULL REFERENCES storefronts (id) ON DELETE CASCADE,
    currency      char(3) NOT NULL REFERENCES currencies (code),
    PRIMARY KEY (storefront_id, currency)
);

CREATE TABLE storefront_languages (
    storefront_id uuid NOT NULL REFERENCES storefronts (id) ON DELETE CASCADE,
    language      text NOT NULL REFERENCES languages (code),
    PRIMARY KEY (storefront_id, language)
);

-- The default currency and language must be among the storefront's own; checked when a
-- transaction commits so a storefront and its lists can be created together.
CREATE FUNCTION storefront_defaults_offered() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s storefronts%ROWTYPE;
BEGIN
    SELECT * INTO s FROM storefronts WHERE id = COALESCE(NEW.id, OLD.id);
    IF NOT FOUND THEN RETURN NULL; END IF;
    IF NOT EXISTS (SELECT 1 FROM storefront_currencies
                   WHERE storefront_id = s.id AND currency = s.default_currency) THEN
        RAISE EXCEPTION 'storefront % does not offer its default currency %', s.slug, s.default_currency
            USING ERRCODE = 'check_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM storefront_languages
                   WHERE storefront_id = s.id AND language = s.default_language) THEN
        RAISE EXCEPTION 'storefront % does not offer its default language %', s.slug, s.default_language
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER storefront_defaults_offered
    AFTER INSERT OR UPDATE ON storefronts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION storefront_defaults_offered();

-- Countries with their names in every language the product speaks.
CREATE TABLE countries (
    code    char(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
    name_en text NOT NULL,
    name_zh text NOT NULL,
    name_ru text NOT NULL
);

CREATE TYPE destination_kind AS ENUM ('country', 'region', 'global');

-- What a plan is sold for: one country, a region (EU, Asia…) or the whole world.
CREATE TABLE destinations (
    code    text PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{2,24}$'),
    kind    destination_kind NOT NULL,
    name_en text NOT NULL,
    name_zh text NOT NULL,
    name_ru text NOT NULL,
    -- A country destination's code is its ISO country code.
    CHECK (kind <> 'country' OR code ~ '^[A-Z]{2}$')
);

CREATE TABLE destination_countries (
    destination_code text NOT NULL REFERENCES destinations (code) ON DELETE CASCADE,
    country_code     char(2) NOT NULL REFERENCES countries (code),
    PRIMARY KEY (destination_code, country_code)
);
CREATE INDEX destination_countries_by_country ON destination_countries (country_code);

CREATE TYPE billing_period AS ENUM ('day', 'month', 'year');
CREATE TYPE plan_kind AS ENUM ('single', 'family', 'enterprise');
CREATE TYPE validity_start AS ENUM ('on_purchase', 'on_install', 'on_first_use');
CREATE TYPE network_generation AS ENUM ('3G', '4G', '5G');

CREATE TABLE plans (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    storefront_id       uuid NOT NULL REFERENCES storefronts (id) ON DELETE CASCADE,
    slug                text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,80}$'),
    destination_code    text NOT NULL REFERENCES destinations (code),
    -- NULL data means unlimited, which always carries a daily fair-use allowance and a throttled speed.
    data_mb             integer CHECK (data_mb IS NULL OR data_mb > 0),
    fair_use_daily_mb   integer CHECK (fair_use_daily_mb IS NULL OR fair_use_daily_mb > 0),
    throttle_kbps       integer CHECK (throttle_kbps IS NULL OR throttle_kbps > 0),
    voice_minutes       integer NOT NULL DEFAULT 0 CHECK (voice_minutes >= 0),
    sms_count           integer NOT NULL DEFAULT 0 CHECK (sms_count >= 0),
    validity_days       integer NOT NULL CHECK (validity_days BETWEEN 1 AND 3660),
    billing_period      billing_period NOT NULL,
    kind                plan_kind NOT NULL DEFAULT 'single',
    -- How many eSIMs may share the plan: 1 for single, more for family and enterprise.
    max_lines           smallint NOT NULL DEFAULT 1 CHECK (max_lines BETWEEN 1 AND 500),
    can_top_up          boolean NOT NULL DEFAULT false,
    validity_starts     validity_start NOT NULL DEFAULT 'on_first_use',
    max_generation      network_generation NOT NULL DEFAULT '4G',
    hotspot_allowed     boolean NOT NULL DEFAULT true,
    active              boolean NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (storefront_id, slug),
    UNIQUE (storefront_id, id),
    CHECK ((data_mb IS NULL) = (fair_use_daily_mb IS NOT NULL)),
    CHECK (data_mb IS NOT NULL OR throttle_kbps IS NOT NULL),
    CHECK ((kind = 'single') = (max_lines = 1))
);
CREATE INDEX plans_catalog ON plans (storefront_id, destination_code) WHERE active;

-- A plan's name and short description in each language the storefront offers.
CREATE TABLE plan_texts (
    plan_id     uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    language    text NOT NULL REFERENCES languages (code),
    name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    PRIMARY KEY (plan_id, language)
);

-- The mobile networks a plan roams on, per country.
CREATE TABLE plan_networks (
    plan_id      uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    country_code char(2) NOT NULL REFERENCES countries (code),
    operator     text NOT NULL CHECK (length(btrim(operator)) BETWEEN 1 AND 80),
    generation   network_generation NOT NULL,
    PRIMARY KEY (plan_id, country_code, operator)
);

-- Resellers set their own price in each currency; there is no conversion at sale time.
CREATE TABLE plan_prices (
    plan_id      uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    currency     char(3) NOT NULL REFERENCES currencies (code),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (plan_id, currency)
);
CREATE INDEX plan_prices_by_currency ON plan_prices (currency, amount_minor);

CREATE TABLE customers (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    storefront_id      uuid NOT NULL REFERENCES storefronts (id),
    email              text CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+$'),
    phone              text CHECK (phone IS NULL OR phone ~ '^\+[1-9][0-9]{6,14}$'),
    full_name          text CHECK (full_name IS NULL OR length(full_name) <= 200),
    preferred_language text REFERENCES languages (code),
    preferred_currency char(3) REFERENCES currencies (code),
    created_at         timestamptz NOT NULL DEFAULT now(),
    -- Set when the customer deleted their account: personal fields are cleared, bookkeeping stays.
    anonymised_at      timestamptz,
    UNIQUE (storefront_id, id),
    CHECK (anonymised_at IS NOT NULL OR email IS NOT NULL)
);
CREATE UNIQUE INDEX customers_email_per_storefront ON customers (storefront_id, lower(email));
CREATE UNIQUE INDEX customers_phone_per_storefront ON customers (storefront_id, phone);

CREATE TYPE esim_status AS ENUM (
    'in_stock',          -- imported, not yet sold
    'ready_to_install',  -- sold, profile not yet downloaded
    'installed',         -- downloaded to a device, no traffic yet
    'active',            -- in use
    'expired',
    'suspended'
);

CREATE TABLE esim_profiles (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    storefront_id     uuid NOT NULL REFERENCES storefronts (id),
    iccid             text NOT NULL UNIQUE CHECK (iccid ~ '^89[0-9]{16,20}$'),
    smdp_address      text NOT NULL CHECK (smdp_address ~ '^[A-Za-z0-9.-]+(:[0-9]+)?$'),
    -- The matching ID is a bearer secret: never logged, only shown to the owner and their storefront's staff.
    matching_id       text NOT NULL CHECK (matching_id ~ '^[A-Za-z0-9-]{1,255}$'),
    confirmation_code text,
    carrier           text,
    eid               text CHECK (eid IS NULL OR eid ~ '^[0-9]{32}$'),
    status            esim_status NOT NULL DEFAULT 'in_stock',
    customer_id       uuid,
    nickname          text CHECK (nickname IS NULL OR length(nickname) <= 60),
    allocated_at      timestamptz,
    installed_at      timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (storefront_id, customer_id) REFERENCES customers (storefront_id, id),
    CHECK ((status = 'in_stock') = (customer_id IS NULL))
);
CREATE INDEX esim_profiles_by_customer ON esim_profiles (customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX esim_profiles_in_stock ON esim_profiles (storefront_id, created_at) WHERE status = 'in_stock';

-- Which plans an imported profile can carry.
CREATE TABLE esim_profile_plans (
    esim_id uuid NOT NULL REFERENCES esim_profiles (id) ON DELETE CASCADE,
    plan_id uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    PRIMARY KEY (esim_id, plan_id)
);

CREATE TYPE order_status AS ENUM (
    'awaiting_payment', 'paid', 'fulfilled', 'failed', 'cancelled', 'refunded', 'partially_refunded'
);

CREATE TABLE orders (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    storefront_id  uuid NOT NULL REFERENCES storefronts (id),
    -- NULL for a renewal bought without an account.
    customer_id    uuid,
    -- Human-facing number, unique within the storefront, shown on receipts.
    order_number   bigint NOT NULL CHECK (order_number > 0),
    email          text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
    status         order_status NOT NULL DEFAULT 'awaiting_payment',
    currency       char(3) NOT NULL REFERENCES currencies (code),
    subtotal_minor bigint NOT NULL CHECK (subtotal_minor >= 0),
    discount_minor bigint NOT NULL DEFAULT 0 CHECK (discount_minor >= 0),
    total_minor    bigint NOT NULL CHECK (total_minor >= 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (storefront_id, order_number),
    UNIQUE (storefront_id, id),
    FOREIGN KEY (storefront_id, customer_id) REFERENCES customers (storefront_id, id),
    CHECK (discount_minor <= subtotal_minor),
    CHECK (total_minor = subtotal_minor - discount_minor)
);
CREATE INDEX orders_by_customer ON orders (customer_id, created_at DESC) WHERE customer_id IS NOT NULL;
CREATE INDEX orders_awaiting_payment ON orders (created_at) WHERE status = 'awaiting_payment';

CREATE TYPE order_line_kind AS ENUM ('new_esim', 'top_up');

CREATE TABLE order_lines (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    storefront_id    uuid NOT NULL,
    order_id         uuid NOT NULL,
    plan_id          uuid NOT NULL,
    kind             order_line_kind NOT NULL,
    -- The eSIM a top-up is for; for a new eSIM, the profile allocated at fulfilment.
    esim_id          uuid REFERENCES esim_profiles (id),
    quantity         integer NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 100),
    unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
    line_total_minor bigint NOT NULL CHECK (line_total_minor >= 0),
    FOREIGN KEY (storefront_id, order_id) REFERENCES orders (storefront_id, id) ON DELETE CASCADE,
    -- A line can only sell the storefront's own plans.
    FOREIGN KEY (storefront_id, plan_id) REFERENCES plans (storefront_id, id),
    CHECK (kind <> 'top_up' OR (esim_id IS NOT NULL AND quantity = 1)),
    CHECK (line_total_minor = unit_price_minor * quantity)
);
CREATE INDEX order_lines_by_order ON order_lines (order_id);

-- Every state change of an order, with its cause.
CREATE TABLE order_transitions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    from_status order_status,
    to_status   order_status NOT NULL,
    cause       text NOT NULL CHECK (length(cause) BETWEEN 1 AND 500),
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_transitions_by_order ON order_transitions (order_id, id);

-- A bundle is one plan applied to one eSIM: what it has left and when it ends.
CREATE TYPE bundle_status AS ENUM ('pending', 'active', 'depleted', 'expired');

CREATE TABLE esim_bundles (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    esim_id             uuid NOT NULL REFERENCES esim_profiles (id) ON DELETE CASCADE,
    plan_id             uuid NOT NULL REFERENCES plans (id),
    order_line_id       uuid UNIQUE REFERENCES order_lines (id),
    status              bundle_status NOT NULL DEFAULT 'pending',
    data_total_mb       integer CHECK (data_total_mb IS NULL OR data_total_mb > 0),
    data_remaining_mb   integer CHECK (data_remaining_mb IS NULL OR data_remaining_mb >= 0),
    voice_total_min     integer NOT NULL DEFAULT 0 CHECK (voice_total_min >= 0),
    voice_remaining_min integer NOT NULL DEFAULT 0 CHECK (voice_remaining_min >= 0),
    sms_total           integer NOT NULL DEFAULT 0 CHECK (sms_total >= 0),
    sms_remaining       integer NOT NULL DEFAULT 0 CHECK (sms_remaining >= 0),
    starts_at           timestamptz,
    expires_at          timestamptz,
    usage_measured_at   timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CHECK ((data_total_mb IS NULL) = (data_remaining_mb IS NULL)),
    CHECK (data_remaining_mb IS NULL OR data_remaining_mb <= data_total_mb),
    CHECK (voice_remaining_min <= voice_total_min),
    CHECK (sms_remaining <= sms_total),
    CHECK (expires_at IS NULL OR starts_at IS NULL OR expires_at > starts_at)
);
CREATE INDEX esim_bundles_by_esim ON esim_bundles (esim_id, created_at DESC);

CREATE TYPE payment_provider AS ENUM ('stripe', 'test', 'cash');
CREATE TYPE payment_status AS ENUM ('pending', 'requires_action', 'succeeded', 'failed', 'cancelled');

CREATE TABLE payments (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id       uuid NOT NULL REFERENCES orders (id),
    provider       payment_provider NOT NULL,
    -- The provider's own id (a PaymentIntent id, a test token, a cash receipt number).
    provider_ref   text,
    status         payment_status NOT NULL DEFAULT 'pending',
    amount_minor   bigint NOT NULL CHECK (amount_minor > 0),
    currency       char(3) NOT NULL REFERENCES currencies (code),
    -- What the customer recognises: card brand and last four digits, "Alipay", "Cash".
    method_summary text CHECK (method_summary IS NULL OR length(method_summary) <= 80),
    failure_reason text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (provider, provider_ref)
);
CREATE INDEX payments_by_order ON payments (order_id);

-- Double-entry, append-only ledger. Each transaction's entries sum to zero per currency.
CREATE TABLE ledger_transactions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    storefront_id uuid NOT NULL REFERENCES storefronts (id),
    order_id      uuid REFERENCES orders (id),
    payment_id    uuid REFERENCES payments (id),
    kind          text NOT NULL CHECK (kind IN ('payment', 'refund', 'cash_count', 'adjustment')),
    memo          text NOT NULL DEFAULT '' CHECK (length(memo) <= 500),
    -- Makes a retried write of the same money movement a no-op.
    idempotency_key text NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ledger_entries (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id bigint NOT NULL REFERENCES ledger_transactions (id),
    account        text NOT NULL CHECK (account ~ '^[a-z_]+(:[a-z0-9_-]+)?$'),
    currency       char(3) NOT NULL REFERENCES currencies (code),
    -- Positive debits, negative credits.
    amount_minor   bigint NOT NULL CHECK (amount_minor <> 0)
);
CREATE INDEX ledger_entries_by_transaction ON ledger_entries (transaction_id);
CREATE INDEX ledger_entries_by_account ON ledger_entries (account, currency);

CREATE FUNCTION ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON ledger_transactions
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();
CREATE TRIGGER ledger_transactions_no_truncate BEFORE TRUNCATE ON ledger_transactions
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_is_append_only();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_is_append_only();

-- Checked at commit, so a transaction's entries can be inserted one by one.
CREATE FUNCTION ledger_transaction_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE unbalanced text;
BEGIN
    SELECT string_agg(currency || ' ' || total, ', ') INTO unbalanced FROM (
        SELECT currency, sum(amount_minor) AS total FROM ledger_entries
        WHERE transaction_id = NEW.transaction_id GROUP BY currency HAVING sum(amount_minor) <> 0
    ) t;
    IF unbalanced IS NOT NULL THEN
        RAISE EXCEPTION 'ledger transaction % does not balance: %', NEW.transaction_id, unbalanced
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balances();
