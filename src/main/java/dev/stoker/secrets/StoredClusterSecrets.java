package dev.stoker.secrets;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Cluster secrets generated here, encrypted under the master key and kept in the
 * database, each value bound to its cluster row and kind.
 */
@Service
class StoredClusterSecrets implements ClusterSecrets {

	private final ClusterSecretsRepository repository;

	private final SecretGenerator generator;

	private final SecretCipher cipher;

	private final Clock clock;

	StoredClusterSecrets(ClusterSecretsRepository repository, SecretGenerator generator, SecretCipher cipher,
			Clock clock) {
		this.repository = repository;
		this.generator = generator;
		this.cipher = cipher;
		this.clock = clock;
	}

	@Override
	public void create(String cluster) {
		long id = repository.clusterId(cluster)
			.orElseThrow(() -> new IllegalStateException("There is no cluster " + cluster + " to make secrets for"));
		KubeadmSecrets secrets = generator.generate();
		// microseconds: the finest both H2 and PostgreSQL keep
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		repository.insert(
				new EncryptedSecrets(id, 1, encrypt(id, SecretKind.BOOTSTRAP_TOKEN, secrets.bootstrapToken().value()),
						encrypt(id, SecretKind.CERTIFICATE_KEY, secrets.certificateKey().hex()),
						encrypt(id, SecretKind.CA_CERTIFICATE, secrets.ca().certificatePem()),
						encrypt(id, SecretKind.CA_KEY, secrets.ca().privateKeyPem()), now, now));
	}

	@Override
	public Optional<KubeadmSecrets> load(String cluster) {
		return repository.find(cluster).map(this::decrypt);
	}

	private KubeadmSecrets decrypt(EncryptedSecrets stored) {
		long id = stored.clusterId();
		return new KubeadmSecrets(
				BootstrapToken.parse(decrypt(id, SecretKind.BOOTSTRAP_TOKEN, stored.bootstrapToken())),
				new CertificateKey(decrypt(id, SecretKind.CERTIFICATE_KEY, stored.certificateKey())),
				new ClusterCa(decrypt(id, SecretKind.CA_CERTIFICATE, stored.caCertificate()),
						decrypt(id, SecretKind.CA_KEY, stored.caKey())));
	}

	private String encrypt(long clusterId, SecretKind kind, String plaintext) {
		return cipher.encrypt(plaintext, kind.associatedData(clusterId));
	}

	private String decrypt(long clusterId, SecretKind kind, String stored) {
		return cipher.decrypt(stored, kind.associatedData(clusterId));
	}

}
