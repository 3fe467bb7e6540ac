package dev.stoker.kubeadm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import dev.stoker.definition.KubeadmApiVersion;
import dev.stoker.kubeadm.KubeadmConfigCheck.Command;
import dev.stoker.kubeadm.KubeadmConfigCheck.ControlPlaneKeys;
import dev.stoker.kubeadm.KubeadmConfigCheck.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker proven on its own: four valid files (init and join, v1beta3 and v1beta4)
 * pass, and each kind of mistake, made in one of them, is reported at its field with the
 * reason.
 */
class KubeadmConfigCheckTest {

	private static final String CERTIFICATE_KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

	private static final String CA_PIN = "sha256:8f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a2918";

	/** Dual-stack, IPv4 first, with taints, labels, extra args and a kubelet document. */
	static final String V1BETA4_INIT = """
			apiVersion: kubeadm.k8s.io/v1beta4
			kind: InitConfiguration
			bootstrapTokens:
			- token: abcdef.0123456789abcdef
			  ttl: 24h0m0s
			  groups:
			  - system:bootstrappers:kubeadm:default-node-token
			  usages:
			  - signing
			  - authentication
			nodeRegistration:
			  kubeletExtraArgs:
			  - name: node-ip
			    value: "10.0.0.5,2001:db8::5"
			  - name: volume-plugin-dir
			    value: /opt/libexec/kubernetes/kubelet-plugins/volume/exec/
			  - name: cloud-provider
			    value: external
			  - name: node-labels
			    value: tier=general,node.kubernetes.io/accelerator=nvidia
			  taints:
			  - key: nvidia.com/gpu
			    value: present
			    effect: NoSchedule
			localAPIEndpoint:
			  advertiseAddress: 10.0.0.5
			  bindPort: 6443
			certificateKey: "%s"
			skipPhases:
			- addon/kube-proxy
			---
			apiVersion: kubeadm.k8s.io/v1beta4
			kind: ClusterConfiguration
			clusterName: prod-use1
			kubernetesVersion: v1.33.2
			controlPlaneEndpoint: k8s-int.example.internal:6443
			apiServer:
			  certSANs:
			  - k8s.example.com
			  - "*.k8s.example.com"
			  - 192.0.2.10
			  extraArgs:
			  - name: audit-log-maxage
			    value: "30"
			controllerManager:
			  extraArgs:
			  - name: node-cidr-mask-size-ipv6
			    value: "80"
			networking:
			  podSubnet: "10.244.0.0/16,fd00:10:244::/64"
			  serviceSubnet: "10.96.0.0/16,fd00:10:96::/112"
			  dnsDomain: cluster.local
			---
			apiVersion: kubelet.config.k8s.io/v1beta1
			kind: KubeletConfiguration
			cgroupDriver: systemd
			""".formatted(CERTIFICATE_KEY);

	/** Dual-stack, IPv6 first, extra args as maps, no kubelet document. */
	static final String V1BETA3_INIT = """
			apiVersion: kubeadm.k8s.io/v1beta3
			kind: InitConfiguration
			bootstrapTokens:
			- token: abcdef.0123456789abcdef
			  ttl: "24h0m0s"
			nodeRegistration:
			  kubeletExtraArgs:
			    node-ip: "fd00:1:2:3::2,10.100.0.2"
			    volume-plugin-dir: /opt/libexec/kubernetes/kubelet-plugins/volume/exec/
			  taints: []
			localAPIEndpoint:
			  advertiseAddress: "fd00:1:2:3::2"
			certificateKey: "%s"
			---
			apiVersion: kubeadm.k8s.io/v1beta3
			kind: ClusterConfiguration
			clusterName: lab
			kubernetesVersion: v1.30.14
			controlPlaneEndpoint: "[fd00:1:2:3::10]:6443"
			apiServer:
			  extraArgs:
			    audit-log-maxage: "30"
			  timeoutForControlPlane: 4m0s
			networking:
			  podSubnet: "fd00:10:244::/56,10.244.0.0/16"
			  serviceSubnet: "fd00:10:96::/112,10.96.0.0/16"
			  dnsDomain: cluster.local
			""".formatted(CERTIFICATE_KEY);

	static final String V1BETA4_JOIN_CONTROL_PLANE = """
			apiVersion: kubeadm.k8s.io/v1beta4
			kind: JoinConfiguration
			discovery:
			  bootstrapToken:
			    apiServerEndpoint: k8s-int.example.internal:6443
			    token: abcdef.0123456789abcdef
			    caCertHashes:
			    - %s
			nodeRegistration:
			  kubeletExtraArgs:
			  - name: node-ip
			    value: "10.0.0.6,2001:db8::6"
			controlPlane:
			  localAPIEndpoint:
			    advertiseAddress: 10.0.0.6
			  certificateKey: "%s"
			timeouts:
			  discovery: 5m0s
			""".formatted(CA_PIN, CERTIFICATE_KEY);

	static final String V1BETA3_JOIN_WORKER = """
			apiVersion: kubeadm.k8s.io/v1beta3
			kind: JoinConfiguration
			discovery:
			  bootstrapToken:
			    apiServerEndpoint: "[fd00:1:2:3::10]:6443"
			    token: abcdef.0123456789abcdef
			    caCertHashes:
			    - %s
			  timeout: 5m0s
			nodeRegistration:
			  kubeletExtraArgs:
			    node-ip: "fd00:1:2:3::a,10.100.0.10"
			    node-labels: tier=general
			""".formatted(CA_PIN);

	/** One of the valid files above, as the checker is to be asked about it. */
	enum Base {

		V1BETA4_INIT(KubeadmConfigCheckTest.V1BETA4_INIT, KubeadmApiVersion.V1BETA4, Command.INIT),
		V1BETA3_INIT(KubeadmConfigCheckTest.V1BETA3_INIT, KubeadmApiVersion.V1BETA3, Command.INIT),
		V1BETA4_JOIN_CONTROL_PLANE(KubeadmConfigCheckTest.V1BETA4_JOIN_CONTROL_PLANE, KubeadmApiVersion.V1BETA4,
				Command.JOIN_CONTROL_PLANE),
		V1BETA3_JOIN_WORKER(KubeadmConfigCheckTest.V1BETA3_JOIN_WORKER, KubeadmApiVersion.V1BETA3, Command.JOIN);

		final String yaml;

		final KubeadmApiVersion api;

		final Command command;

		Base(String yaml, KubeadmApiVersion api, Command command) {
			this.yaml = yaml;
			this.api = api;
			this.command = command;
		}

	}

	/**
	 * A mistake made in a valid file, and where and why the checker must report it.
	 */
	record Mistake(String name, Base base, Function<String, String> edit, String path, String reason) {

		@Override
		public String toString() {
			return name;
		}

	}

	@ParameterizedTest(name = "{0} passes")
	@MethodSource("validFiles")
	void aValidFilePasses(Base base) {
		assertThat(KubeadmConfigCheck.check(base.yaml, base.api, base.command)).isEmpty();
	}

	static Stream<Base> validFiles() {
		return Stream.of(Base.values());
	}

	/**
	 * The files of a cluster whose control planes get the shared keys as files: init and
	 * a control-plane join name no certificate key, in v1beta3 and v1beta4.
	 */
	static Stream<Arguments> filesWithSharedKeys() {
		String v1beta3ControlPlane = set("JoinConfiguration", "controlPlane",
				Map.of("localAPIEndpoint", Map.of("advertiseAddress", "fd00:1:2:3::a")))
			.apply(V1BETA3_JOIN_WORKER);
		return Stream.of(
				Arguments.of("v1beta4 init", remove("InitConfiguration", "certificateKey").apply(V1BETA4_INIT),
						KubeadmApiVersion.V1BETA4, Command.INIT, "InitConfiguration.certificateKey"),
				Arguments.of("v1beta3 init", remove("InitConfiguration", "certificateKey").apply(V1BETA3_INIT),
						KubeadmApiVersion.V1BETA3, Command.INIT, "InitConfiguration.certificateKey"),
				Arguments.of("v1beta4 control-plane join",
						remove("JoinConfiguration.controlPlane", "certificateKey").apply(V1BETA4_JOIN_CONTROL_PLANE),
						KubeadmApiVersion.V1BETA4, Command.JOIN_CONTROL_PLANE,
						"JoinConfiguration.controlPlane.certificateKey"),
				Arguments.of("v1beta3 control-plane join", v1beta3ControlPlane, KubeadmApiVersion.V1BETA3,
						Command.JOIN_CONTROL_PLANE, "JoinConfiguration.controlPlane.certificateKey"));
	}

	@ParameterizedTest(name = "{0} without a certificate key passes where the keys are shared, and not where uploaded")
	@MethodSource("filesWithSharedKeys")
	void withSharedKeysNoConfigNamesACertificateKey(String name, String yaml, KubeadmApiVersion api, Command command,
			String keyPath) {
		assertThat(yaml).doesNotContain("certificateKey");
		assertThat(KubeadmConfigCheck.check(yaml, api, command, ControlPlaneKeys.SHARED)).isEmpty();
		assertThat(KubeadmConfigCheck.check(yaml, api, command, ControlPlaneKeys.UPLOADED)).singleElement()
			.satisfies((problem) -> {
				assertThat(problem.path()).isEqualTo(keyPath);
				assertThat(problem.message()).startsWith("is missing");
			});
		String withKey = set(keyPath.substring(0, keyPath.lastIndexOf('.')), "certificateKey", CERTIFICATE_KEY)
			.apply(yaml);
		assertThat(KubeadmConfigCheck.check(withKey, api, command, ControlPlaneKeys.SHARED)).singleElement()
			.satisfies((problem) -> {
				assertThat(problem.path()).isEqualTo(keyPath);
				assertThat(problem.message()).startsWith("is set, but the control planes share their keys as files");
			});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mistakes")
	void eachMistakeIsReportedAtItsField(Mistake mistake) {
		String yaml = mistake.edit().apply(mistake.base().yaml);
		assertThat(yaml).as("the edit changes the file").isNotEqualTo(mistake.base().yaml);
		List<Problem> problems = KubeadmConfigCheck.check(yaml, mistake.base().api, mistake.base().command);
		assertThat(problems).as(yaml).anySatisfy(problem -> {
			assertThat(problem.path()).isEqualTo(mistake.path());
			assertThat(problem.message()).contains(mistake.reason());
		});
	}

	static Stream<Mistake> mistakes() {
		return Stream.of(
				// unknown fields: kubeadm decodes strictly, and case-sensitively
				new Mistake("a field kubeadm does not know is refused", Base.V1BETA4_INIT,
						set("InitConfiguration", "advertiseAddress", "10.0.0.5"), "InitConfiguration",
						"unknown field \"advertiseAddress\""),
				new Mistake("a misspelt nested field is refused", Base.V1BETA3_JOIN_WORKER,
						set("JoinConfiguration.nodeRegistration", "kubeletExtraArg", Map.of("v", "4")),
						"JoinConfiguration.nodeRegistration", "unknown field \"kubeletExtraArg\""),
				new Mistake("field names are case-sensitive", Base.V1BETA4_JOIN_CONTROL_PLANE,
						rename("JoinConfiguration", "nodeRegistration", "NodeRegistration"), "JoinConfiguration",
						"unknown field \"NodeRegistration\""),
				new Mistake("v1beta3's timeoutForControlPlane is gone from v1beta4", Base.V1BETA4_INIT,
						set("ClusterConfiguration.apiServer", "timeoutForControlPlane", "4m0s"),
						"ClusterConfiguration.apiServer", "unknown field \"timeoutForControlPlane\""),
				new Mistake("v1beta4's timeouts do not exist in v1beta3", Base.V1BETA3_INIT,
						set("InitConfiguration", "timeouts", Map.of("kubeletHealthCheck", "4m0s")), "InitConfiguration",
						"unknown field \"timeouts\""),
				new Mistake("an unknown KubeletConfiguration field is refused", Base.V1BETA4_INIT,
						set("KubeletConfiguration", "cgroupsDriver", "systemd"), "KubeletConfiguration",
						"unknown field \"cgroupsDriver\""),

				// wrong types, and what YAML 1.1 makes of plain scalars
				new Mistake("a port as a string is refused", Base.V1BETA4_INIT,
						set("InitConfiguration.localAPIEndpoint", "bindPort", "6443"),
						"InitConfiguration.localAPIEndpoint.bindPort",
						"is the string \"6443\" where kubeadm expects an integer"),
				new Mistake("a v1beta3 flag value written plain reads as an integer", Base.V1BETA3_INIT,
						text("audit-log-maxage: \"30\"", "audit-log-maxage: 30"),
						"ClusterConfiguration.apiServer.extraArgs.audit-log-maxage",
						"is an integer (30) where kubeadm expects a string: YAML 1.1 reads this plain scalar"),
				new Mistake("a full IPv6 address written plain reads as a base-60 integer", Base.V1BETA3_INIT,
						text("advertiseAddress: \"fd00:1:2:3::2\"", "advertiseAddress: 2001:10:20:30:40:50:1:2"),
						"InitConfiguration.localAPIEndpoint.advertiseAddress",
						"YAML 1.1 reads this plain scalar as an integer"),
				new Mistake("a taint value on reads as a boolean", Base.V1BETA4_INIT,
						text("value: present", "value: on"), "InitConfiguration.nodeRegistration.taints[0].value",
						"is a boolean (true) where kubeadm expects a string"),
				new Mistake("a ttl in seconds is not a duration", Base.V1BETA4_INIT, text("ttl: 24h0m0s", "ttl: 86400"),
						"InitConfiguration.bootstrapTokens[0].ttl", "where kubeadm expects a duration"),
				new Mistake("a ttl in words is not a duration", Base.V1BETA3_INIT,
						text("ttl: \"24h0m0s\"", "ttl: 24 hours"), "InitConfiguration.bootstrapTokens[0].ttl",
						"where kubeadm expects a duration"),
				new Mistake("a feature gate as a quoted string is not a boolean", Base.V1BETA4_INIT,
						set("ClusterConfiguration", "featureGates", Map.of("ControlPlaneKubeletLocalMode", "true")),
						"ClusterConfiguration.featureGates.ControlPlaneKubeletLocalMode",
						"where kubeadm expects a boolean"),
				new Mistake("a list left empty is null", Base.V1BETA4_INIT,
						text("  - k8s.example.com\n  - \"*.k8s.example.com\"\n  - 192.0.2.10\n", ""),
						"ClusterConfiguration.apiServer.certSANs", "is null"),
				new Mistake("a field left empty is null", Base.V1BETA3_JOIN_WORKER,
						text("  timeout: 5m0s", "  timeout:"), "JoinConfiguration.discovery.timeout", "is null"),
				new Mistake("a v1beta4 duration of the wrong form is refused", Base.V1BETA4_JOIN_CONTROL_PLANE,
						text("discovery: 5m0s", "discovery: 5 minutes"), "JoinConfiguration.timeouts.discovery",
						"where kubeadm expects a duration"),

				// extraArgs: a map in v1beta3, a list of {name, value} in v1beta4
				new Mistake("v1beta3 extraArgs as a v1beta4 list are refused", Base.V1BETA3_INIT,
						set("ClusterConfiguration.apiServer", "extraArgs",
								List.of(Map.of("name", "audit-log-maxage", "value", "30"))),
						"ClusterConfiguration.apiServer.extraArgs",
						"is a list where kubeadm expects a mapping of names to values"),
				new Mistake("v1beta3 kubelet args as a list are refused", Base.V1BETA3_JOIN_WORKER,
						set("JoinConfiguration.nodeRegistration", "kubeletExtraArgs",
								List.of(Map.of("name", "node-ip", "value", "fd00::a"))),
						"JoinConfiguration.nodeRegistration.kubeletExtraArgs",
						"is a list where kubeadm expects a mapping"),
				new Mistake("v1beta4 extraArgs as a v1beta3 map are refused", Base.V1BETA4_INIT,
						set("ClusterConfiguration.apiServer", "extraArgs", Map.of("audit-log-maxage", "30")),
						"ClusterConfiguration.apiServer.extraArgs", "is a mapping where kubeadm expects a list"),
				new Mistake("v1beta4 kubelet args as a map are refused", Base.V1BETA4_JOIN_CONTROL_PLANE,
						set("JoinConfiguration.nodeRegistration", "kubeletExtraArgs", Map.of("node-ip", "10.0.0.6")),
						"JoinConfiguration.nodeRegistration.kubeletExtraArgs",
						"is a mapping where kubeadm expects a list"),
				new Mistake("a v1beta4 arg without a value is refused", Base.V1BETA4_INIT,
						text("  - name: audit-log-maxage\n    value: \"30\"\n", "  - name: audit-log-maxage\n"),
						"ClusterConfiguration.apiServer.extraArgs[0].value", "is missing"),

				// documents: apiVersion and kind, versions, the set a command reads
				new Mistake("a kind of another apiVersion is refused", Base.V1BETA4_INIT,
						text("apiVersion: kubelet.config.k8s.io/v1beta1", "apiVersion: kubeadm.k8s.io/v1beta4"),
						"document 3", "kind KubeletConfiguration does not exist in kubeadm.k8s.io/v1beta4"),
				new Mistake("v1beta3 has no ResetConfiguration", Base.V1BETA3_INIT,
						text("kind: ClusterConfiguration", "kind: ResetConfiguration"), "document 2",
						"kind ResetConfiguration does not exist in kubeadm.k8s.io/v1beta3"),
				new Mistake("a kubeadm document of another API version is refused", Base.V1BETA4_INIT,
						text("apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration",
								"apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration"),
						"document 2 (ClusterConfiguration)", "in a config of kubeadm.k8s.io/v1beta4"),
				new Mistake("a removed API version is refused", Base.V1BETA3_JOIN_WORKER,
						text("kubeadm.k8s.io/v1beta3", "kubeadm.k8s.io/v1beta2"), "document 1",
						"apiVersion kubeadm.k8s.io/v1beta2 is not one kubeadm reads"),
				new Mistake("a document without kind is refused", Base.V1BETA3_JOIN_WORKER,
						text("kind: JoinConfiguration\n", ""), "document 1", "has no apiVersion and kind"),
				new Mistake("a kind given twice is refused", Base.V1BETA4_INIT,
						yaml -> yaml + "---\napiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n",
						"KubeletConfiguration", "given twice"),
				new Mistake("a key given twice is refused", Base.V1BETA4_INIT,
						text("clusterName: prod-use1\n", "clusterName: prod-use1\nclusterName: prod-use2\n"), "file",
						"found duplicate key clusterName"),
				new Mistake("an empty document is refused", Base.V1BETA3_JOIN_WORKER, yaml -> yaml + "---\n",
						"document 2", "is empty"),
				new Mistake("init needs a ClusterConfiguration", Base.V1BETA3_INIT,
						yaml -> yaml.substring(0, yaml.indexOf("---\n")), "file",
						"kubeadm init needs a ClusterConfiguration document"),
				new Mistake("init does not read a JoinConfiguration", Base.V1BETA4_INIT,
						yaml -> yaml + "---\n" + V1BETA4_JOIN_CONTROL_PLANE, "JoinConfiguration",
						"does not read a JoinConfiguration"),
				new Mistake("join does not read a KubeletConfiguration", Base.V1BETA3_JOIN_WORKER,
						yaml -> yaml + "---\napiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n",
						"KubeletConfiguration", "does not read a KubeletConfiguration"),
				new Mistake("join needs a JoinConfiguration", Base.V1BETA4_JOIN_CONTROL_PLANE,
						text("kind: JoinConfiguration", "kind: ResetConfiguration"), "file",
						"needs a JoinConfiguration document"),

				// bootstrap token and certificate key
				new Mistake("an upper-case token is refused", Base.V1BETA4_INIT,
						text("token: abcdef.0123456789abcdef", "token: abcdef.0123456789ABCDEF"),
						"InitConfiguration.bootstrapTokens[0].token", "[a-z0-9]{6}.[a-z0-9]{16}"),
				new Mistake("a short token secret is refused in discovery", Base.V1BETA3_JOIN_WORKER,
						text("token: abcdef.0123456789abcdef", "token: abcdef.0123456789abcde"),
						"JoinConfiguration.discovery.bootstrapToken.token", "is not a bootstrap token"),
				new Mistake("a token group outside system:bootstrappers is refused", Base.V1BETA4_INIT,
						text("- system:bootstrappers:kubeadm:default-node-token", "- system:nodes"),
						"InitConfiguration.bootstrapTokens[0].groups[0]", "is not a bootstrap token group"),
				new Mistake("an unknown token usage is refused", Base.V1BETA4_INIT, text("  - signing", "  - sign"),
						"InitConfiguration.bootstrapTokens[0].usages[0]", "is not a bootstrap token usage"),
				new Mistake("init without a bootstrap token is refused", Base.V1BETA3_INIT,
						remove("InitConfiguration", "bootstrapTokens"), "InitConfiguration.bootstrapTokens",
						"is missing"),
				new Mistake("a certificate key of 63 hex digits is refused", Base.V1BETA4_INIT,
						text(CERTIFICATE_KEY, CERTIFICATE_KEY.substring(1)), "InitConfiguration.certificateKey",
						"is not 64 hex digits"),
				new Mistake("init without a certificate key is refused", Base.V1BETA3_INIT,
						remove("InitConfiguration", "certificateKey"), "InitConfiguration.certificateKey",
						"is missing"),
				new Mistake("a control plane join without a certificate key is refused",
						Base.V1BETA4_JOIN_CONTROL_PLANE, remove("JoinConfiguration.controlPlane", "certificateKey"),
						"JoinConfiguration.controlPlane.certificateKey", "is missing"),
				new Mistake("a worker with controlPlane would join as a control plane", Base.V1BETA3_JOIN_WORKER,
						set("JoinConfiguration", "controlPlane", Map.of("certificateKey", CERTIFICATE_KEY)),
						"JoinConfiguration.controlPlane", "would join as a control plane"),
				new Mistake("a worker never holds the certificate key", Base.V1BETA3_JOIN_WORKER,
						set("JoinConfiguration", "controlPlane", Map.of("certificateKey", CERTIFICATE_KEY)),
						"JoinConfiguration.controlPlane.certificateKey", "only control planes"),
				new Mistake("a control plane join without controlPlane would join as a worker",
						Base.V1BETA4_JOIN_CONTROL_PLANE, remove("JoinConfiguration", "controlPlane"),
						"JoinConfiguration.controlPlane", "would join as a worker"),

				// discovery and the CA pin
				new Mistake("a CA pin of the wrong length is refused", Base.V1BETA4_JOIN_CONTROL_PLANE,
						text(CA_PIN, CA_PIN.substring(0, CA_PIN.length() - 2)),
						"JoinConfiguration.discovery.bootstrapToken.caCertHashes[0]", "is not sha256: and 64 hex"),
				new Mistake("a CA pin without its type is refused", Base.V1BETA3_JOIN_WORKER,
						text(CA_PIN, CA_PIN.substring("sha256:".length())),
						"JoinConfiguration.discovery.bootstrapToken.caCertHashes[0]", "is not sha256: and 64 hex"),
				new Mistake("a join without a CA pin is refused", Base.V1BETA3_JOIN_WORKER,
						remove("JoinConfiguration.discovery.bootstrapToken", "caCertHashes"),
						"JoinConfiguration.discovery.bootstrapToken.caCertHashes", "is missing or empty"),
				new Mistake("skipping CA verification is refused", Base.V1BETA4_JOIN_CONTROL_PLANE,
						set("JoinConfiguration.discovery.bootstrapToken", "unsafeSkipCAVerification", true),
						"JoinConfiguration.discovery.bootstrapToken.unsafeSkipCAVerification", "is true"),
				new Mistake("file discovery beside the token is refused", Base.V1BETA3_JOIN_WORKER,
						set("JoinConfiguration.discovery", "file", Map.of("kubeConfigPath", "/etc/cluster-info")),
						"JoinConfiguration.discovery.file", "only one of bootstrapToken and file"),
				new Mistake("an API server endpoint without a port is refused", Base.V1BETA4_JOIN_CONTROL_PLANE,
						text("apiServerEndpoint: k8s-int.example.internal:6443",
								"apiServerEndpoint: k8s-int.example.internal"),
						"JoinConfiguration.discovery.bootstrapToken.apiServerEndpoint", "is not host:port"),
				new Mistake("an unbracketed IPv6 API server endpoint is refused", Base.V1BETA3_JOIN_WORKER,
						text("\"[fd00:1:2:3::10]:6443\"", "\"fd00:1:2:3::10:6443\""),
						"JoinConfiguration.discovery.bootstrapToken.apiServerEndpoint", "is not host:port"),

				// addresses, ports and endpoints
				new Mistake("an advertise address that is a name is refused", Base.V1BETA4_JOIN_CONTROL_PLANE,
						text("advertiseAddress: 10.0.0.6", "advertiseAddress: cp-2.example.internal"),
						"JoinConfiguration.controlPlane.localAPIEndpoint.advertiseAddress", "is not an IP address"),
				new Mistake("an advertise address with leading zeros is refused", Base.V1BETA4_INIT,
						text("advertiseAddress: 10.0.0.5", "advertiseAddress: 10.0.0.05"),
						"InitConfiguration.localAPIEndpoint.advertiseAddress", "is not an IP address"),
				new Mistake("bind port 0 is refused", Base.V1BETA4_INIT, text("bindPort: 6443", "bindPort: 0"),
						"InitConfiguration.localAPIEndpoint.bindPort", "1 to 65535"),
				new Mistake("bind port 65536 is refused", Base.V1BETA4_INIT, text("bindPort: 6443", "bindPort: 65536"),
						"InitConfiguration.localAPIEndpoint.bindPort", "1 to 65535"),
				new Mistake("an unbracketed IPv6 control plane endpoint is refused", Base.V1BETA3_INIT,
						text("\"[fd00:1:2:3::10]:6443\"", "\"fd00:1:2:3::10:6443\""),
						"ClusterConfiguration.controlPlaneEndpoint", "in brackets"),
				new Mistake("a control plane endpoint port 0 is refused", Base.V1BETA4_INIT,
						text("k8s-int.example.internal:6443", "k8s-int.example.internal:0"),
						"ClusterConfiguration.controlPlaneEndpoint", "is not host:port"),
				new Mistake("a control plane endpoint that is no DNS name is refused", Base.V1BETA4_INIT,
						text("k8s-int.example.internal:6443", "K8s_Int:6443"),
						"ClusterConfiguration.controlPlaneEndpoint", "neither an IP address nor a DNS subdomain"),
				new Mistake("a control plane endpoint is required", Base.V1BETA4_INIT,
						remove("ClusterConfiguration", "controlPlaneEndpoint"),
						"ClusterConfiguration.controlPlaneEndpoint", "is missing"),
				new Mistake("an IPv4 advertise address in an IPv6-first cluster is refused", Base.V1BETA3_INIT,
						text("advertiseAddress: \"fd00:1:2:3::2\"", "advertiseAddress: 10.100.0.2"),
						"InitConfiguration.localAPIEndpoint.advertiseAddress", "kube-apiserver refuses to start"),
				new Mistake("an IPv6-first cluster must name its advertise address", Base.V1BETA3_INIT,
						remove("InitConfiguration", "localAPIEndpoint"),
						"InitConfiguration.localAPIEndpoint.advertiseAddress", "is missing in an IPv6-first cluster"),

				// node-ip
				new Mistake("two node-ips of one family are refused", Base.V1BETA4_INIT,
						text("\"10.0.0.5,2001:db8::5\"", "\"10.0.0.5,10.0.0.6\""),
						"InitConfiguration.nodeRegistration.kubeletExtraArgs.node-ip", "one IPv4 and one IPv6"),
				new Mistake("three node-ips are refused", Base.V1BETA3_JOIN_WORKER,
						text("\"fd00:1:2:3::a,10.100.0.10\"", "\"fd00:1:2:3::a,10.100.0.10,10.100.0.11\""),
						"JoinConfiguration.nodeRegistration.kubeletExtraArgs.node-ip", "one IPv4 and one IPv6"),
				new Mistake("an unsubstituted variable is no node-ip", Base.V1BETA4_JOIN_CONTROL_PLANE,
						text("\"10.0.0.6,2001:db8::6\"", "\"$COREOS_EC2_IPV4_LOCAL,$COREOS_EC2_IPV6\""),
						"JoinConfiguration.nodeRegistration.kubeletExtraArgs.node-ip",
						"\"$COREOS_EC2_IPV4_LOCAL\" is not an IP address"),
				new Mistake("node-ip given twice is refused", Base.V1BETA4_INIT,
						text("  - name: volume-plugin-dir", "  - name: node-ip\n    value: 10.0.0.7\n  - name: x"),
						"InitConfiguration.nodeRegistration.kubeletExtraArgs", "node-ip is given 2 times"),

				// networking
				new Mistake("two pod ranges of one family are refused", Base.V1BETA4_INIT,
						text("\"10.244.0.0/16,fd00:10:244::/64\"", "\"10.244.0.0/16,10.245.0.0/16\""),
						"ClusterConfiguration.networking.podSubnet", "one IPv4 and one IPv6"),
				new Mistake("three service ranges are refused", Base.V1BETA3_INIT,
						text("\"fd00:10:96::/112,10.96.0.0/16\"", "\"fd00:10:96::/112,10.96.0.0/16,10.97.0.0/16\""),
						"ClusterConfiguration.networking.serviceSubnet", "one IPv4 and one IPv6"),
				new Mistake("a prefix longer than the address is refused", Base.V1BETA4_INIT,
						text("10.244.0.0/16,", "10.244.0.0/33,"), "ClusterConfiguration.networking.podSubnet",
						"\"10.244.0.0/33\" is not a CIDR"),
				new Mistake("a service range of more than 20 host bits is refused", Base.V1BETA4_INIT,
						text("10.96.0.0/16,", "10.0.0.0/8,"), "ClusterConfiguration.networking.serviceSubnet",
						"too large"),
				new Mistake("a pod range smaller than a node's share is refused", Base.V1BETA3_INIT,
						text("10.244.0.0/16\"", "10.244.0.0/25\""), "ClusterConfiguration.networking.podSubnet",
						"smaller than a node's share /24"),
				new Mistake("a pod range 17 bits larger than a node's share is refused", Base.V1BETA3_INIT,
						text("10.244.0.0/16\"", "10.0.0.0/7\""), "ClusterConfiguration.networking.podSubnet",
						"more than 16 bits larger"),
				new Mistake("the controller manager's node mask counts", Base.V1BETA4_INIT,
						text("value: \"80\"", "value: \"81\""), "ClusterConfiguration.networking.podSubnet",
						"more than 16 bits larger than a node's share /81"),
				new Mistake("a DNS domain in capitals is refused", Base.V1BETA4_INIT,
						text("dnsDomain: cluster.local", "dnsDomain: Cluster.Local"),
						"ClusterConfiguration.networking.dnsDomain", "is not a DNS subdomain"),
				new Mistake("a certificate SAN with a blank is refused", Base.V1BETA4_INIT,
						text("- k8s.example.com", "- k8s example com"), "ClusterConfiguration.apiServer.certSANs[0]",
						"neither an IP address nor a DNS name"),

				// versions
				new Mistake("a version without v is refused", Base.V1BETA4_INIT,
						text("kubernetesVersion: v1.33.2", "kubernetesVersion: 1.33.2"),
						"ClusterConfiguration.kubernetesVersion", "is not a release v1.MINOR.PATCH"),
				new Mistake("a version label is refused", Base.V1BETA3_INIT,
						text("kubernetesVersion: v1.30.14", "kubernetesVersion: stable"),
						"ClusterConfiguration.kubernetesVersion", "needs the internet"),
				new Mistake("v1beta4 is for kubeadm v1.31 and later", Base.V1BETA4_INIT,
						text("kubernetesVersion: v1.33.2", "kubernetesVersion: v1.30.14"),
						"ClusterConfiguration.kubernetesVersion", "from v1.31 on"),
				new Mistake("a dual-stack node-ip with a cloud provider needs v1.29", Base.V1BETA3_INIT,
						text("kubernetesVersion: v1.30.14", "kubernetesVersion: v1.28.15").andThen(
								text("    volume-plugin-dir:", "    cloud-provider: external\n    volume-plugin-dir:")),
						"InitConfiguration.nodeRegistration.kubeletExtraArgs.node-ip",
						"the kubelet of v1.28.15 refuses that"),
				new Mistake("init names its version", Base.V1BETA3_INIT,
						remove("ClusterConfiguration", "kubernetesVersion"), "ClusterConfiguration.kubernetesVersion",
						"is missing"),

				// the kubelet
				new Mistake("a misspelt taint effect is refused", Base.V1BETA4_INIT,
						text("effect: NoSchedule", "effect: NoScheduel"),
						"InitConfiguration.nodeRegistration.taints[0].effect", "is missing or none of"),
				new Mistake("a taint without key is refused", Base.V1BETA4_INIT,
						text("  - key: nvidia.com/gpu\n    value", "  - value"),
						"InitConfiguration.nodeRegistration.taints[0].key", "is missing"),
				new Mistake("an unknown phase is refused", Base.V1BETA4_INIT,
						text("- addon/kube-proxy", "- addon/kubeproxy"), "InitConfiguration.skipPhases[0]",
						"is not a phase of kubeadm init"),
				new Mistake("an in-tree cloud provider is refused", Base.V1BETA4_INIT,
						text("value: external", "value: aws"),
						"InitConfiguration.nodeRegistration.kubeletExtraArgs.cloud-provider", "takes only external"),
				new Mistake("a node label without a value is refused", Base.V1BETA3_JOIN_WORKER,
						text("node-labels: tier=general", "node-labels: tier"),
						"JoinConfiguration.nodeRegistration.kubeletExtraArgs.node-labels", "\"tier\" is not a label"),
				new Mistake("a relative volume plugin dir is refused", Base.V1BETA3_INIT,
						text("volume-plugin-dir: /opt", "volume-plugin-dir: opt"),
						"InitConfiguration.nodeRegistration.kubeletExtraArgs.volume-plugin-dir",
						"is not an absolute path"),
				new Mistake("an unknown cgroup driver is refused", Base.V1BETA4_INIT,
						text("cgroupDriver: systemd", "cgroupDriver: system"), "KubeletConfiguration.cgroupDriver",
						"neither systemd nor cgroupfs"),
				new Mistake("a kubelet reservation written as a number is refused", Base.V1BETA4_INIT,
						set("KubeletConfiguration", "systemReserved", Map.of("cpu", 1)),
						"KubeletConfiguration.systemReserved.cpu", "is an integer (1) where kubeadm expects a string"),

				// kube-proxy and patches
				new Mistake("a kube-proxy mode of another platform is refused", Base.V1BETA4_INIT,
						text("cgroupDriver: systemd",
								"cgroupDriver: systemd\n---\napiVersion: kubeproxy.config.k8s.io/v1alpha1\n"
										+ "kind: KubeProxyConfiguration\nmode: kernelspace"),
						"KubeProxyConfiguration.mode", "is none of"),
				new Mistake("an unknown KubeProxyConfiguration field is refused", Base.V1BETA3_INIT,
						text("  dnsDomain: cluster.local\n", "  dnsDomain: cluster.local\n---\n"
								+ "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nproxyMode: ipvs\n"),
						"KubeProxyConfiguration", "unknown field \"proxyMode\""),
				new Mistake("a join does not read a KubeProxyConfiguration", Base.V1BETA3_JOIN_WORKER,
						text("    node-labels: tier=general\n", "    node-labels: tier=general\n---\n"
								+ "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\n"),
						"KubeProxyConfiguration", "does not read a KubeProxyConfiguration"),
				new Mistake("a relative patches directory is refused", Base.V1BETA4_JOIN_CONTROL_PLANE,
						set("JoinConfiguration", "patches", Map.of("directory", "patches")),
						"JoinConfiguration.patches.directory", "is not an absolute path"),
				new Mistake("a misspelt patches field is refused", Base.V1BETA3_INIT,
						set("InitConfiguration", "patches", Map.of("dir", "/etc/p")), "InitConfiguration.patches",
						"unknown field \"dir\""));
	}

	@org.junit.jupiter.api.Test
	void aKubeletPatchOfKnownFieldsOfTheirTypesPasses() {
		assertThat(KubeadmConfigCheck
			.checkKubeletPatch("{\"maxPods\":250,\"evictionHard\":{\"memory.available\":\"500Mi\"}}\n")).isEmpty();
	}

	@org.junit.jupiter.api.Test
	void aKubeletPatchIsCheckedAgainstTheKubeletsFields() {
		assertThat(KubeadmConfigCheck.checkKubeletPatch("{\"maxpods\":250,\"systemReserved\":{\"cpu\":1}}"))
			.extracting(Problem::toString)
			.containsExactly(
					"kubeletconfiguration patch: has the unknown field \"maxpods\": KubeletConfiguration has no such"
							+ " field, and kubeadm decodes strictly",
					"kubeletconfiguration patch.systemReserved.cpu: is an integer (1) where kubeadm expects a string:"
							+ " YAML 1.1 reads this plain scalar as an integer (1), so it must be quoted");
		assertThat(KubeadmConfigCheck.checkKubeletPatch("{\"apiVersion\":\"x\"}")).extracting(Problem::path)
			.containsExactly("kubeletconfiguration patch");
		assertThat(KubeadmConfigCheck.checkKubeletPatch("[1]")).extracting(Problem::message)
			.containsExactly("must be one mapping of KubeletConfiguration fields");
	}

	/** Replaces text that must be there, so a mistake can never silently not happen. */
	private static UnaryOperator<String> text(String from, String to) {
		return yaml -> {
			assertThat(yaml).as("the file to edit").contains(from);
			return yaml.replace(from, to);
		};
	}

	/** Sets a field of the mapping at kind.field.field... */
	private static UnaryOperator<String> set(String path, String field, Object value) {
		return edit(path, mapping -> mapping.put(field, value));
	}

	private static UnaryOperator<String> remove(String path, String field) {
		return edit(path, mapping -> assertThat(mapping.remove(field)).as(field).isNotNull());
	}

	private static UnaryOperator<String> rename(String path, String from, String to) {
		return edit(path, mapping -> mapping.put(to, mapping.remove(from)));
	}

	/**
	 * Reads the file, changes the mapping at a path whose first step is the document's
	 * kind, and writes it again.
	 */
	@SuppressWarnings("unchecked")
	private static UnaryOperator<String> edit(String path, Consumer<Map<String, Object>> change) {
		return yaml -> {
			List<Object> documents = new ArrayList<>(KubeadmConfigCheck.readYaml11(yaml));
			String[] steps = path.split("\\.");
			Map<String, Object> mapping = documents.stream()
				.map(document -> (Map<String, Object>) document)
				.filter(document -> steps[0].equals(document.get("kind")))
				.findFirst()
				.orElseThrow();
			for (int i = 1; i < steps.length; i++) {
				mapping = (Map<String, Object>) mapping.get(steps[i]);
			}
			Map<String, Object> copy = new LinkedHashMap<>(mapping);
			change.accept(copy);
			mapping.clear();
			mapping.putAll(copy);
			DumperOptions options = new DumperOptions();
			options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
			return new Yaml(options).dumpAll(documents.iterator());
		};
	}

}
