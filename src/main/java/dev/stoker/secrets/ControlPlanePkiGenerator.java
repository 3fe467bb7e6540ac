package dev.stoker.secrets;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;

/**
 * Makes the keys a cluster's control planes share, as {@code kubeadm init} would make
 * them for itself: the front-proxy CA (CN {@code front-proxy-ca}), the etcd CA (CN
 * {@code etcd-ca}), both shaped like the cluster CA, and the service-account key pair.
 * <p>
 * The service-account key is ECDSA P-256 like the CAs, as kubeadm makes it when its
 * encryption algorithm is {@code ECDSA-P256} (pkiutil's GeneratePrivateKey); the API
 * server verifies and the controller manager signs service-account tokens with an EC key
 * as with an RSA one (ES256).
 */
final class ControlPlanePkiGenerator {

	private ControlPlanePkiGenerator() {
	}

	static ControlPlanePki generate(RandomSource random, Instant now) {
		return new ControlPlanePki(ClusterCaGenerator.generate(random, now, "front-proxy-ca"),
				ClusterCaGenerator.generate(random, now, "etcd-ca"), serviceAccountKeys(random));
	}

	private static ServiceAccountKeys serviceAccountKeys(RandomSource random) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"), random.asSecureRandom());
			KeyPair keys = generator.generateKeyPair();
			// getEncoded() is PKCS#8 for the private key and SubjectPublicKeyInfo for
			// the public one: the PEM kinds kubeadm's keyutil reads.
			return new ServiceAccountKeys(ClusterCaGenerator.pem("PRIVATE KEY", keys.getPrivate().getEncoded()),
					ClusterCaGenerator.pem("PUBLIC KEY", keys.getPublic().getEncoded()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate the service-account keys", ex);
		}
	}

}
