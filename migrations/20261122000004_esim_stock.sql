-- eSIM stock imports: who imported which file, how far it got, and what was refused.

-- Test stock from providers sometimes fails the Luhn check; such profiles are accepted with a warning.
ALTER TABLE esim_profiles ADD COLUMN iccid_check_digit_ok boolean NOT NULL DEFAULT true;

CREATE TABLE profile_imports (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    storefront_id  uuid NOT NULL REFERENCES storefronts (id),
    file_name      text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    file_sha256    bytea NOT NULL CHECK (length(file_sha256) = 32),
    started_by     uuid REFERENCES accounts (id),
    started_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    rows_done      integer NOT NULL DEFAULT 0 CHECK (rows_done >= 0),
    rows_imported  integer NOT NULL DEFAULT 0 CHECK (rows_imported >= 0),
    rows_unchanged integer NOT NULL DEFAULT 0 CHECK (rows_unchanged >= 0),
    rows_rejected  integer NOT NULL DEFAULT 0 CHECK (rows_rejected >= 0),
    rows_warned    integer NOT NULL DEFAULT 0 CHECK (rows_warned >= 0),
    -- [{"line": 7, "iccid": "89…", "problem": "IccidLength"}, …], in file order.
    rejections     jsonb NOT NULL DEFAULT '[]',
    warnings       jsonb NOT NULL DEFAULT '[]',
    CHECK (rows_imported + rows_unchanged + rows_rejected <= rows_done)
);
CREATE INDEX profile_imports_recent ON profile_imports (storefront_id, started_at DESC);
