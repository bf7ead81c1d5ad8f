-- The time zone a person chose in their profile (an IANA name); NULL means "the browser's".
ALTER TABLE accounts ADD COLUMN time_zone text CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64);
