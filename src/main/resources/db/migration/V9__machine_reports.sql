-- Each node group's report credential: the one its machines report their join progress with, and
-- nothing else. It lives in the group's fetch_token row, so it is made and dropped with the group,
-- and is stored the same way (encrypted under the master key, bound to the cluster row and group;
-- found by an HMAC lookup hash under a key of its own; named in the audit log by its id). A group
-- stored before there were reports has none until its cluster is written again (a PUT gives every
-- group that lacks one its credential) or it is rotated; its documents carry no reporting until then.
ALTER TABLE fetch_token ADD COLUMN report_token_id VARCHAR(32);
ALTER TABLE fetch_token ADD COLUMN report_lookup_hash VARCHAR(64);
ALTER TABLE fetch_token ADD COLUMN report_token TEXT;
ALTER TABLE fetch_token ADD CONSTRAINT fetch_token_report_lookup_unique UNIQUE (report_lookup_hash);

-- One row per machine (its /etc/machine-id) of a cluster, with its last report only: bounded by
-- the machines that exist, and pruned when a machine has not reported for stoker.machines.retain.
-- Everything here came from a node and is untrusted: every column was validated and bounded
-- before it was written. phase_since is when the phase last changed, which the stuck flag reads.
CREATE TABLE machine (
    cluster_id      BIGINT                   NOT NULL,
    machine_id      VARCHAR(32)              NOT NULL,
    node_group      VARCHAR(63)              NOT NULL,
    instance_id     VARCHAR(64),
    revision        BIGINT                   NOT NULL,
    phase           VARCHAR(16)              NOT NULL,
    phase_since     TIMESTAMP WITH TIME ZONE NOT NULL,
    first_seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    node_name       VARCHAR(253),
    addresses       TEXT,
    exit_status     INTEGER,
    journal         TEXT,
    client_address  VARCHAR(64)              NOT NULL,
    CONSTRAINT machine_pk PRIMARY KEY (cluster_id, machine_id),
    CONSTRAINT machine_cluster_fk FOREIGN KEY (cluster_id) REFERENCES cluster (id) ON DELETE CASCADE
);
CREATE INDEX machine_reported ON machine (reported_at);
