package dev.stoker.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.ValidGroup;
import dev.stoker.definition.ValidNode;
import dev.stoker.definition.ValidNode.NodeAddress;
import dev.stoker.net.IpFamily;
import dev.stoker.secrets.ClusterCa;
import dev.stoker.secrets.ControlPlanePki;
import dev.stoker.secrets.ServiceAccountKeys;

import static org.assertj.core.api.Assertions.assertThat;

class NodeFilesTest {

	private static final ClusterCa CA = new ClusterCa("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
			"-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n");

	private static final ControlPlanePki PKI = new ControlPlanePki(
			new ClusterCa("front-proxy certificate", "front-proxy key"), new ClusterCa("etcd certificate", "etcd key"),
			new ServiceAccountKeys("sa private key", "sa public key"));

	/**
	 * kubeadm's names under its certificate directory, the ones its "manual certificate
	 * distribution" lists; keys 0600, certificates and the public key 0644.
	 */
	@Test
	void controlPlanesGetEverySharedKeyUnderKubeadmsNamesAndKeysAreReadableByRootOnly() {
		List<File> bootstrap = NodeFiles.files(NodeRole.BOOTSTRAP, "config", CA, PKI, null);
		assertThat(bootstrap).extracting(File::path)
			.containsExactly("/etc/kubeadm.yml", "/etc/kubernetes/pki/ca.crt", "/etc/kubernetes/pki/ca.key",
					"/etc/kubernetes/pki/front-proxy-ca.crt", "/etc/kubernetes/pki/front-proxy-ca.key",
					"/etc/kubernetes/pki/etcd/ca.crt", "/etc/kubernetes/pki/etcd/ca.key", "/etc/kubernetes/pki/sa.key",
					"/etc/kubernetes/pki/sa.pub");
		assertThat(bootstrap).extracting(File::mode)
			.containsExactly(0600, 0644, 0600, 0644, 0600, 0644, 0600, 0600, 0644);
		assertThat(bootstrap).extracting((file) -> file.contents().inline())
			.containsExactly("config", CA.certificatePem(), CA.privateKeyPem(), "front-proxy certificate",
					"front-proxy key", "etcd certificate", "etcd key", "sa private key", "sa public key");
		List<File> controlPlane = NodeFiles.files(NodeRole.CONTROL_PLANE, "config", CA, PKI, null);
		assertThat(controlPlane).extracting(File::path)
			.containsExactly("/etc/kubeadm.yml", "/etc/stoker/pki/ca.crt", "/etc/stoker/pki/ca.key",
					"/etc/stoker/pki/front-proxy-ca.crt", "/etc/stoker/pki/front-proxy-ca.key",
					"/etc/stoker/pki/etcd/ca.crt", "/etc/stoker/pki/etcd/ca.key", "/etc/stoker/pki/sa.key",
					"/etc/stoker/pki/sa.pub");
		assertThat(controlPlane).extracting(File::mode).isEqualTo(bootstrap.stream().map(File::mode).toList());
		assertThat(NodeFiles.files(NodeRole.WORKER, "config", CA, PKI, null)).extracting(File::path)
			.containsExactly("/etc/kubeadm.yml");
	}

	/**
	 * A cluster stored before the control-plane PKI: only the bootstrap node gets the CA,
	 * as before; other control planes download what init uploaded.
	 */
	@Test
	void withoutThePkiOnlyTheBootstrapNodeGetsTheCa() {
		List<File> bootstrap = NodeFiles.files(NodeRole.BOOTSTRAP, "config", CA, null, null);
		assertThat(bootstrap).extracting(File::path)
			.containsExactly("/etc/kubeadm.yml", "/etc/kubernetes/pki/ca.crt", "/etc/kubernetes/pki/ca.key");
		assertThat(bootstrap).extracting(File::mode).containsExactly(0600, 0644, 0600);
		for (NodeRole role : List.of(NodeRole.CONTROL_PLANE, NodeRole.WORKER)) {
			assertThat(NodeFiles.files(role, "config", CA, null, null)).extracting(File::path)
				.containsExactly("/etc/kubeadm.yml");
		}
	}

	@Test
	void theKubeadmConfigHoldsSecretsSoItIsMode0600() {
		File config = NodeFiles.files(NodeRole.WORKER, "token: x", CA, PKI, null).get(0);
		assertThat(config.mode()).isEqualTo(384);
		assertThat(config.contents().inline()).isEqualTo("token: x");
	}

	@Test
	void aStaticNodeGetsItsHostname() {
		ValidNode node = new ValidNode("cp-1", new ValidGroup("workers", NodeRole.WORKER, Map.of(), Optional.empty()),
				List.of(new NodeAddress("10.0.0.2", IpFamily.IPV4)));
		assertThat(NodeFiles.files(NodeRole.WORKER, "config", CA, PKI, node))
			.filteredOn(f -> f.path().equals("/etc/hostname"))
			.singleElement()
			.satisfies(f -> assertThat(f.contents().inline()).isEqualTo("cp-1\n"));
	}

}
