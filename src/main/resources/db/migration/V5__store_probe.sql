-- A row the embedded database's health checks write after H2 closed its store because a write
-- failed (a full disk): the replica counts as ready again once such a write reaches the disk.
-- Never written on PostgreSQL, whose outages the pool and readiness see without it.
CREATE TABLE store_probe (
    singleton   BOOLEAN                  DEFAULT TRUE NOT NULL,
    written_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT store_probe_pk PRIMARY KEY (singleton),
    CONSTRAINT store_probe_singleton CHECK (singleton)
);
