-- The keys a cluster's control planes share besides the CA: the front-proxy CA, the etcd CA and the
-- service-account key pair, each encrypted like the CA and bound to its row and column. Clusters
-- created from now on have them and no certificate key (their control planes get the keys in their
-- documents, not from certificates uploaded at init). Rows stored before keep their certificate key
-- and have none of these: their bootstrap node may have made its own keys, which only the uploaded
-- certificates carry. The check keeps every row one or the other.
ALTER TABLE cluster_secrets ALTER COLUMN certificate_key DROP NOT NULL;
ALTER TABLE cluster_secrets ADD COLUMN front_proxy_ca_certificate TEXT;
ALTER TABLE cluster_secrets ADD COLUMN front_proxy_ca_key TEXT;
ALTER TABLE cluster_secrets ADD COLUMN etcd_ca_certificate TEXT;
ALTER TABLE cluster_secrets ADD COLUMN etcd_ca_key TEXT;
ALTER TABLE cluster_secrets ADD COLUMN service_account_key TEXT;
ALTER TABLE cluster_secrets ADD COLUMN service_account_public_key TEXT;
ALTER TABLE cluster_secrets ADD CONSTRAINT cluster_secrets_certificate_key_or_pki CHECK (
    (certificate_key IS NOT NULL AND front_proxy_ca_certificate IS NULL AND front_proxy_ca_key IS NULL
        AND etcd_ca_certificate IS NULL AND etcd_ca_key IS NULL AND service_account_key IS NULL
        AND service_account_public_key IS NULL)
    OR (certificate_key IS NULL AND front_proxy_ca_certificate IS NOT NULL AND front_proxy_ca_key IS NOT NULL
        AND etcd_ca_certificate IS NOT NULL AND etcd_ca_key IS NOT NULL AND service_account_key IS NOT NULL
        AND service_account_public_key IS NOT NULL)
);
