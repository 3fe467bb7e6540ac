package dev.stoker.definition.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kubelet's own rule for --node-labels (IsKubeletLabel in k8s.io/kubelet), key by
 * key.
 */
class NodeLabelPolicyTest {

	@ParameterizedTest(name = "the kubelet may set {0}")
	@ValueSource(strings = { "tier", "example.com/tier", "kubernetes.io.example.com/tier", "notkubernetes.io/tier",
			"x-k8s.io/pool", "cluster.x-k8s.io/pool", "kubernetes.io/hostname", "kubernetes.io/arch",
			"kubernetes.io/os", "beta.kubernetes.io/arch", "beta.kubernetes.io/os", "beta.kubernetes.io/instance-type",
			"failure-domain.beta.kubernetes.io/region", "failure-domain.beta.kubernetes.io/zone",
			"topology.kubernetes.io/region", "topology.kubernetes.io/zone", "node.kubernetes.io/instance-type",
			"node.kubernetes.io/windows-build", "node.kubernetes.io/pool", "kubelet.kubernetes.io/managed",
			"pool.node.kubernetes.io/name", "a.b.kubelet.kubernetes.io/x" })
	void allowsWhatTheKubeletMaySetOnItself(String key) {
		assertThat(NodeLabelPolicy.check(key)).isEmpty();
	}

	@ParameterizedTest(name = "the kubelet may not set {0}")
	@CsvSource(textBlock = """
			kubernetes.io/role,                      kubernetes.io
			kubernetes.io/tier,                      kubernetes.io
			k8s.io/tier,                             k8s.io
			sig.k8s.io/tier,                         sig.k8s.io
			node-restriction.kubernetes.io/pool,     node-restriction.kubernetes.io
			topology.kubernetes.io/rack,             topology.kubernetes.io
			beta.kubernetes.io/fluentd-ds-ready,     beta.kubernetes.io
			evilnode.kubernetes.io/pool,             evilnode.kubernetes.io
			node.kubernetes.io.k8s.io/pool,          node.kubernetes.io.k8s.io
			""")
	void refusesTheRestOfTheReservedNamespaces(String key, String namespace) {
		assertThat(NodeLabelPolicy.check(key)).hasValueSatisfying(detail -> assertThat(detail)
			.contains("the " + namespace + " namespace", "kubelet.kubernetes.io/", "node.kubernetes.io/"));
	}

	@ParameterizedTest(name = "{0} is refused with the command to set it after joining")
	@ValueSource(strings = { "node-role.kubernetes.io/worker", "node-role.kubernetes.io/control-plane" })
	void sendsNodeRolesToKubectl(String key) {
		assertThat(NodeLabelPolicy.check(key)).hasValueSatisfying(detail -> assertThat(detail)
			.contains("node-role.kubernetes.io is reserved", "kubectl label node <node> " + key + "="));
	}

}
