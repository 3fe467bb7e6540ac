-- One row per cluster: the kubeadm secrets generated with it. Each value is encrypted under the
-- master key as v1:<key id>:<base64> and bound to this row's cluster_id and its own column, so a
-- value copied to another row or column does not decrypt. Deleting a cluster deletes its secrets.
-- revision counts the writes (1 at creation, one more per rotation); updated_at is the last one.
CREATE TABLE cluster_secrets (
    cluster_id       BIGINT                   NOT NULL,
    revision         BIGINT                   NOT NULL,
    bootstrap_token  TEXT                     NOT NULL,
    certificate_key  TEXT                     NOT NULL,
    ca_certificate   TEXT                     NOT NULL,
    ca_key           TEXT                     NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT cluster_secrets_pk PRIMARY KEY (cluster_id),
    CONSTRAINT cluster_secrets_cluster_fk FOREIGN KEY (cluster_id) REFERENCES cluster (id) ON DELETE CASCADE
);
