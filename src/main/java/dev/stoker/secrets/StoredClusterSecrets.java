package dev.stoker.secrets;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.stoker.database.StoredTime;
import dev.stoker.secrets.EncryptedSecrets.EncryptedPki;

/**
 * Cluster secrets generated here, encrypted under the master key and kept in the
 * database, each value bound to its cluster row and kind.
 */
@Service
class StoredClusterSecrets implements ClusterSecrets {

	private final ClusterSecretsRepository repository;

	private final SecretGenerator generator;

	private final SecretCipher cipher;

	private final RandomSource random;

	private final Clock clock;

	private final RecordedMasterKey recordedKey;

	StoredClusterSecrets(ClusterSecretsRepository repository, SecretGenerator generator, SecretCipher cipher,
			RandomSource random, Clock clock, RecordedMasterKey recordedKey) {
		this.repository = repository;
		this.generator = generator;
		this.cipher = cipher;
		this.random = random;
		this.clock = clock;
		this.recordedKey = recordedKey;
	}

	@Override
	public void create(String cluster) {
		recordedKey.requireForWrite();
		long id = repository.clusterId(cluster)
			.orElseThrow(() -> new IllegalStateException("There is no cluster " + cluster + " to make secrets for"));
		KubeadmSecrets secrets = generator.generate();
		Instant now = now();
		ControlPlanePki pki = secrets.controlPlanePki();
		repository.insert(new EncryptedSecrets(id, 1,
				encrypt(id, SecretKind.BOOTSTRAP_TOKEN, secrets.bootstrapToken().value()), null,
				encrypt(id, SecretKind.CA_CERTIFICATE, secrets.ca().certificatePem()),
				encrypt(id, SecretKind.CA_KEY, secrets.ca().privateKeyPem()), now, now,
				new EncryptedPki(
						encrypt(id, SecretKind.FRONT_PROXY_CA_CERTIFICATE, pki.frontProxyCa().certificatePem()),
						encrypt(id, SecretKind.FRONT_PROXY_CA_KEY, pki.frontProxyCa().privateKeyPem()),
						encrypt(id, SecretKind.ETCD_CA_CERTIFICATE, pki.etcdCa().certificatePem()),
						encrypt(id, SecretKind.ETCD_CA_KEY, pki.etcdCa().privateKeyPem()),
						encrypt(id, SecretKind.SERVICE_ACCOUNT_KEY, pki.serviceAccount().privateKeyPem()),
						encrypt(id, SecretKind.SERVICE_ACCOUNT_PUBLIC_KEY, pki.serviceAccount().publicKeyPem()))));
	}

	@Override
	public Optional<KubeadmSecrets> load(String cluster) {
		return repository.find(cluster).map(this::decrypt);
	}

	@Override
	public Optional<KubeadmSecrets> load(String cluster, long revision) {
		return repository.findAt(cluster, revision).map(this::decrypt);
	}

	@Override
	public Optional<KubeadmSecrets> rotate(String cluster, boolean bootstrapToken, boolean certificateKey) {
		recordedKey.requireForWrite();
		while (true) {
			Optional<EncryptedSecrets> found = repository.find(cluster);
			if (found.isEmpty()) {
				return Optional.empty();
			}
			EncryptedSecrets stored = found.get();
			if (certificateKey && stored.certificateKey() == null) {
				throw new NoCertificateKeyException(cluster);
			}
			long id = stored.clusterId();
			String token = bootstrapToken
					? encrypt(id, SecretKind.BOOTSTRAP_TOKEN, BootstrapToken.generate(random).value())
					: stored.bootstrapToken();
			String key = certificateKey ? encrypt(id, SecretKind.CERTIFICATE_KEY, CertificateKey.generate(random).hex())
					: stored.certificateKey();
			EncryptedSecrets rotated = new EncryptedSecrets(id, stored.revision() + 1, token, key,
					stored.caCertificate(), stored.caKey(), stored.createdAt(), now(), stored.pki());
			if (repository.rotate(rotated, stored.revision(), bootstrapToken, certificateKey)) {
				return Optional.of(decrypt(rotated));
			}
			// Another rotation came first: rotate what it left, as if this one
			// had come second.
		}
	}

	@Override
	public Optional<SecretClocks> clocks(String cluster) {
		return repository.clocks(cluster);
	}

	@Override
	public void recordBootstrapFetch(String cluster, Instant at) {
		repository.recordBootstrapFetch(cluster, at);
	}

	private Instant now() {
		return StoredTime.now(clock);
	}

	private KubeadmSecrets decrypt(EncryptedSecrets stored) {
		long id = stored.clusterId();
		return new KubeadmSecrets(
				BootstrapToken.parse(decrypt(id, SecretKind.BOOTSTRAP_TOKEN, stored.bootstrapToken())),
				(stored.certificateKey() != null)
						? new CertificateKey(decrypt(id, SecretKind.CERTIFICATE_KEY, stored.certificateKey())) : null,
				new ClusterCa(decrypt(id, SecretKind.CA_CERTIFICATE, stored.caCertificate()),
						decrypt(id, SecretKind.CA_KEY, stored.caKey())),
				(stored.pki() != null) ? decrypt(id, stored.pki()) : null);
	}

	private ControlPlanePki decrypt(long id, EncryptedPki pki) {
		return new ControlPlanePki(
				new ClusterCa(decrypt(id, SecretKind.FRONT_PROXY_CA_CERTIFICATE, pki.frontProxyCaCertificate()),
						decrypt(id, SecretKind.FRONT_PROXY_CA_KEY, pki.frontProxyCaKey())),
				new ClusterCa(decrypt(id, SecretKind.ETCD_CA_CERTIFICATE, pki.etcdCaCertificate()),
						decrypt(id, SecretKind.ETCD_CA_KEY, pki.etcdCaKey())),
				new ServiceAccountKeys(decrypt(id, SecretKind.SERVICE_ACCOUNT_KEY, pki.serviceAccountKey()),
						decrypt(id, SecretKind.SERVICE_ACCOUNT_PUBLIC_KEY, pki.serviceAccountPublicKey())));
	}

	private String encrypt(long clusterId, SecretKind kind, String plaintext) {
		return cipher.encrypt(plaintext, kind.associatedData(clusterId));
	}

	private String decrypt(long clusterId, SecretKind kind, String stored) {
		return cipher.decrypt(stored, kind.associatedData(clusterId));
	}

}
