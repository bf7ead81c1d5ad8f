-- Accounts, roles, one-time tokens, invitations, the audit log, sign-in throttling and the e-mail outbox.

CREATE TYPE account_role AS ENUM ('customer', 'agent', 'reseller_admin', 'operator');

-- Everyone who signs in. An account belongs to one storefront, so the same address can shop at two
-- resellers without their knowing. Operators run the whole platform whatever storefront they belong to.
CREATE TABLE accounts (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    storefront_id      uuid NOT NULL REFERENCES storefronts (id),
    email              text CHECK (email IS NULL OR (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 254)),
    phone              text CHECK (phone IS NULL OR phone ~ '^\+[1-9][0-9]{6,14}$'),
    full_name          text CHECK (full_name IS NULL OR length(full_name) <= 200),
    preferred_language text REFERENCES languages (code),
    preferred_currency char(3) REFERENCES currencies (code),
    -- Only Argon2id PHC strings are accepted, so a weaker hash can never be stored by mistake.
    password_hash      text CHECK (password_hash IS NULL OR password_hash LIKE '$argon2id$%'),
    email_verified_at  timestamptz,
    role               account_role NOT NULL DEFAULT 'customer',
    -- Sessions remember the epoch they were created in; bumping it signs out every other session.
    session_epoch      integer NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    -- Set when the person deleted their account: personal fields are cleared, bookkeeping stays.
    anonymised_at      timestamptz,
    UNIQUE (storefront_id, id),
    CHECK (anonymised_at IS NOT NULL OR (email IS NOT NULL AND password_hash IS NOT NULL)),
    CHECK (anonymised_at IS NULL OR (email IS NULL AND phone IS NULL AND full_name IS NULL AND password_hash IS NULL))
);
CREATE UNIQUE INDEX accounts_email_per_storefront ON accounts (storefront_id, lower(email));
CREATE UNIQUE INDEX accounts_phone_per_storefront ON accounts (storefront_id, phone);
CREATE INDEX accounts_staff ON accounts (storefront_id, role) WHERE role <> 'customer';

-- The customer record that orders and eSIMs hang off, linked to the account that signs in for it.
ALTER TABLE customers ADD COLUMN account_id uuid UNIQUE REFERENCES accounts (id);

CREATE TYPE account_token_purpose AS ENUM ('verify_email', 'reset_password');

-- Links sent by e-mail. Only a SHA-256 of the secret is stored: a database leak opens no accounts.
CREATE TABLE account_tokens (
    token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose    account_token_purpose NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    CHECK (expires_at > created_at)
);
CREATE INDEX account_tokens_by_account ON account_tokens (account_id, purpose);

CREATE TABLE staff_invitations (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    storefront_id uuid NOT NULL REFERENCES storefronts (id),
    email         text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 254),
    role          account_role NOT NULL CHECK (role <> 'customer'),
    token_hash    bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    invited_by    uuid NOT NULL REFERENCES accounts (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    accepted_at   timestamptz,
    revoked_at    timestamptz,
    CHECK (accepted_at IS NULL OR revoked_at IS NULL)
);

-- Who changed what about whom, when and from where. Append-only, like the ledger.
CREATE TABLE audit_log (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at                timestamptz NOT NULL DEFAULT now(),
    storefront_id     uuid REFERENCES storefronts (id),
    actor_account_id  uuid REFERENCES accounts (id),
    actor_ip          text,
    action            text NOT NULL CHECK (action ~ '^[a-z_.]+$'),
    target_account_id uuid REFERENCES accounts (id),
    target_email      text,
    details           jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_by_storefront ON audit_log (storefront_id, at DESC);

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Deleting an account anonymises the e-mail recorded with its entries; nothing else may change.
    IF TG_OP = 'UPDATE' AND NEW.target_email IS NULL AND OLD.target_email IS NOT NULL
       AND (NEW.id, NEW.at, NEW.storefront_id, NEW.actor_account_id, NEW.action, NEW.target_account_id, NEW.details)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.at, OLD.storefront_id, OLD.actor_account_id, OLD.action, OLD.target_account_id, OLD.details)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

-- Failed sign-ins and reset requests, counted per key ("signin-account:…", "signin-ip:…") over a window.
-- In the database, so limits hold across restarts and across several server processes.
CREATE TABLE auth_throttle_events (
    key text NOT NULL,
    at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX auth_throttle_events_by_key ON auth_throttle_events (key, at);

CREATE TYPE outbox_status AS ENUM ('pending', 'sent', 'failed');

-- Transactional outbox: a message is written in the same transaction as the change that causes it
-- and a worker delivers it, so a crash or an SMTP outage loses nothing.
CREATE TABLE outbox_emails (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    storefront_id   uuid NOT NULL REFERENCES storefronts (id),
    -- Makes "send this once" hold when the causing code runs twice (e.g. order confirmations).
    dedupe_key      text UNIQUE,
    kind            text NOT NULL CHECK (kind ~ '^[a-z_]+$'),
    to_address      text NOT NULL CHECK (to_address ~ '^[^@\s]+@[^@\s]+$'),
    subject         text NOT NULL,
    body_text       text NOT NULL,
    body_html       text NOT NULL,
    status          outbox_status NOT NULL DEFAULT 'pending',
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX outbox_emails_due ON outbox_emails (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_emails_recent ON outbox_emails (storefront_id, created_at DESC);

-- Wakes the delivery worker at once instead of at its next poll.
CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('roamdesk_outbox', NEW.id::text);
    RETURN NEW;
END $$;
CREATE TRIGGER outbox_emails_notify AFTER INSERT ON outbox_emails
    FOR EACH ROW EXECUTE FUNCTION notify_outbox();

-- Sessions, in the layout tower-sessions' PostgreSQL store expects, so a restart signs nobody out.
CREATE SCHEMA tower_sessions;
CREATE TABLE tower_sessions.session (
    id          text PRIMARY KEY NOT NULL,
    data        bytea NOT NULL,
    expiry_date timestamptz NOT NULL
);
CREATE INDEX session_expiry ON tower_sessions.session (expiry_date);
