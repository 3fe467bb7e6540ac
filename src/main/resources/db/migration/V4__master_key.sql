-- Which master key the stored secrets are encrypted under: its id (32 bits of its SHA-256), never the
-- key. One row at most. The first start on an empty store records its key; every later start, on
-- every replica, must have the same key or stops, so nothing is ever written under another key.
CREATE TABLE master_key (
    singleton    BOOLEAN                  DEFAULT TRUE NOT NULL,
    key_id       VARCHAR(8)               NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT master_key_pk PRIMARY KEY (singleton),
    CONSTRAINT master_key_singleton CHECK (singleton)
);
