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

import static org.assertj.core.api.Assertions.assertThat;

class NodeFilesTest {

	private static final ClusterCa CA = new ClusterCa("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
			"-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n");

	@Test
	void onlyTheBootstrapNodeGetsTheCaAndItsKeyIsReadableByRootOnly() {
		List<File> bootstrap = NodeFiles.files(NodeRole.BOOTSTRAP, "config", CA, null);
		assertThat(bootstrap).extracting(File::path)
			.containsExactly("/etc/kubeadm.yml", "/etc/kubernetes/pki/ca.crt", "/etc/kubernetes/pki/ca.key");
		assertThat(bootstrap).extracting(File::mode).containsExactly(0600, 0644, 0600);
		for (NodeRole role : List.of(NodeRole.CONTROL_PLANE, NodeRole.WORKER)) {
			assertThat(NodeFiles.files(role, "config", CA, null)).extracting(File::path)
				.containsExactly("/etc/kubeadm.yml");
		}
	}

	@Test
	void theKubeadmConfigHoldsSecretsSoItIsMode0600() {
		File config = NodeFiles.files(NodeRole.WORKER, "token: x", CA, null).get(0);
		assertThat(config.mode()).isEqualTo(384);
		assertThat(config.contents().inline()).isEqualTo("token: x");
	}

	@Test
	void aStaticNodeGetsItsHostname() {
		ValidNode node = new ValidNode("cp-1", new ValidGroup("workers", NodeRole.WORKER, Map.of(), Optional.empty()),
				List.of(new NodeAddress("10.0.0.2", IpFamily.IPV4)));
		assertThat(NodeFiles.files(NodeRole.WORKER, "config", CA, node))
			.filteredOn(f -> f.path().equals("/etc/hostname"))
			.singleElement()
			.satisfies(f -> assertThat(f.contents().inline()).isEqualTo("cp-1\n"));
	}

}
