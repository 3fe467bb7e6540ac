-- Every revision of every cluster's definition, written in the transaction that makes the revision
-- (a create, a PUT, a rotation), with when, under which request id and by which credential (its kind
-- and public id, never its value). change says what made it: create, replace, rotate-secrets,
-- rotate-keeper-credential or rotate-report-credential. A definition holds no secret. Only the newest stoker.history.retention
-- revisions of a cluster are kept; a cluster deleted loses all of them.
CREATE TABLE cluster_revision (
    cluster_id       BIGINT                   NOT NULL,
    revision         BIGINT                   NOT NULL,
    definition       TEXT                     NOT NULL,
    change           VARCHAR(32),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    credential_kind  VARCHAR(16),
    credential_id    VARCHAR(32),
    request_id       VARCHAR(64),
    CONSTRAINT cluster_revision_pk PRIMARY KEY (cluster_id, revision),
    CONSTRAINT cluster_revision_cluster_fk FOREIGN KEY (cluster_id) REFERENCES cluster (id) ON DELETE CASCADE
);

-- Clusters stored before there was a history keep their current revision: what made it and who is
-- not known.
INSERT INTO cluster_revision (cluster_id, revision, definition, change, created_at)
SELECT id, revision, definition, NULL, updated_at FROM cluster;
