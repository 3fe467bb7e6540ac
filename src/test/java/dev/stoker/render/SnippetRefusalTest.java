package dev.stoker.render;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.definition.validation.InvalidDefinitionException;
import dev.stoker.json.Mappers;
import dev.stoker.secrets.ShapeSecrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every refusal of a snippet, as the operator reads it when writing the definition: its
 * pointer and its message. The cluster lists its machines, so each static node's document
 * is rendered and checked; the bootstrap node cp-1 comes first.
 */
class SnippetRefusalTest {

	private static final ClusterValidator VALIDATOR = new ClusterValidator(new SnippetCheck());

	/** A metal cluster's settings, without its groups and machines. */
	static final String LAB = """
			name: lab
			kubernetesVersion: v1.34.1
			platform: metal
			controlPlaneEndpoint: {host: k8s.lab.example.com}
			networking: {podSubnets: [10.244.0.0/16], serviceSubnets: [10.96.0.0/16]}
			ssh: {authorizedKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGzDPu72kk76GUoRO0vvZ2La+WK6qy/L0K8U8lhijsY1 ops@example"]}
			""";

	static ValidCluster validate(String cluster, String group, String node) {
		String yaml = LAB + """
				patchUpdates: true
				snippets: %s
				nodeGroups:
				  - {name: bootstrap, role: bootstrap}
				  - {name: control-plane, role: control-plane}
				  - {name: workers, role: worker, snippets: %s}
				nodes:
				  - {name: cp-1, group: bootstrap, ipv4: 10.100.0.2}
				  - {name: worker-1, group: workers, ipv4: 10.100.0.10, snippets: %s}
				""".formatted(cluster, group, node);
		return VALIDATOR.validate(Mappers.yaml().readTree(yaml));
	}

	static Stream<Arguments> refusals() {
		return Stream.of(
				refused("a file of the cluster's PKI", file("/etc/kubernetes/pki/ca.crt"), "[]", "[]",
						"/snippets/0/storage/files/0/path: /etc/kubernetes/pki/ca.crt is written by Stoker (the "
								+ "cluster's shared PKI); choose another path"),
				refused("a file in kubeadm's directory", file("/etc/kubernetes/manifests/extra.yaml"), "[]", "[]",
						"/snippets/0/storage/files/0/path: /etc/kubernetes/manifests/extra.yaml is in "
								+ "/etc/kubernetes, which Stoker owns (kubeadm's own directory); choose another path"),
				// Ignition refuses a path that is not simplified (its ErrDirtyPath), so
				// no other
				// spelling of one of Stoker's paths reaches the ownership check
				refused("a path that is not simplified, as of the kubeadm config", file("/etc/./kubeadm.yml"), "[]",
						"[]",
						"/snippets/0/storage/files/0/path: must be a simplified path: no //, no . or .. segment and no "
								+ "final /"),
				refused("the kubeadm config written at boot", "[]", file("/etc/kubeadm-final.yml"), "[]",
						"/nodeGroups/2/snippets/0/storage/files/0/path: /etc/kubeadm-final.yml is written by Stoker "
								+ "(kubeadm.service writes the node's kubeadm config there at boot); choose another "
								+ "path"),
				refused("a static node's hostname", "[]", "[]", file("/etc/hostname"),
						"/nodes/1/snippets/0/storage/files/0/path: /etc/hostname is written by Stoker (the static "
								+ "node's hostname); choose another path"),
				refused("the keeper's script", file("/opt/bin/stoker-join-token-keeper"), "[]", "[]",
						"/snippets/0/storage/files/0/path: /opt/bin/stoker-join-token-keeper is written by Stoker "
								+ "(the join-token keeper); choose another path"),
				refused("a file in Stoker's directory", file("/etc/stoker/extra"), "[]", "[]",
						"/snippets/0/storage/files/0/path: /etc/stoker/extra is in /etc/stoker, which Stoker owns "
								+ "(Stoker's settings on the node); choose another path"),
				refused("a sysupdate transfer of the install", file("/etc/sysupdate.kubernetes.d/extra.conf"), "[]",
						"[]",
						"/snippets/0/storage/files/0/path: /etc/sysupdate.kubernetes.d/extra.conf is in "
								+ "/etc/sysupdate.kubernetes.d, which Stoker owns (the Kubernetes install, sysext); "
								+ "choose another path"),
				refused("the install's link",
						"[{storage: {links: [{path: /etc/extensions/kubernetes.raw, target: /dev/null}]}}]", "[]", "[]",
						"/snippets/0/storage/links/0/path: /etc/extensions/kubernetes.raw is written by Stoker (the "
								+ "Kubernetes install, sysext); choose another path"),
				refused("a drop-in on kubeadm.service",
						"[{systemd: {units: [{name: kubeadm.service, dropins: [{name: 10-x.conf, contents: x}]}]}}]",
						"[]", "[]",
						"/snippets/0/systemd/units/0/name: kubeadm.service is written by Stoker (kubeadm.service, "
								+ "which runs kubeadm init or join): it may not be changed, nor given drop-ins; name "
								+ "your unit otherwise"),
				refused("the keeper's timer masked",
						"[{systemd: {units: [{name: stoker-join-token-keeper.timer, mask: true}]}}]", "[]", "[]",
						"/snippets/0/systemd/units/0/name: stoker-join-token-keeper.timer is written by Stoker (the "
								+ "join-token keeper): it may not be changed, nor given drop-ins; name your unit "
								+ "otherwise"),
				refused("a unit Stoker enables, disabled", "[]",
						"[{systemd: {units: [{name: systemd-sysupdate.timer, enabled: false}]}}]", "[]",
						"/nodeGroups/2/snippets/0/systemd/units/0/name: systemd-sysupdate.timer is set up by Stoker "
								+ "(the Kubernetes install, sysext): only drop-ins may be added to it; leave out "
								+ "contents, enabled and mask"),
				refused("Stoker's drop-in of a unit it does not write",
						"[{systemd: {units: [{name: systemd-sysupdate.service, dropins: [{name: kubernetes.conf, contents: x}]}]}}]",
						"[]", "[]",
						"/snippets/0/systemd/units/0/dropins/0/name: the systemd-sysupdate.service drop-in "
								+ "kubernetes.conf is written by Stoker (the Kubernetes install, sysext); name your "
								+ "drop-in otherwise"),
				refused("one path in two snippets of the cluster",
						"[" + fileItem("/etc/motd") + ", " + fileItem("/etc/motd") + "]", "[]", "[]",
						"/snippets/1/storage/files/0/path: path /etc/motd is already defined at "
								+ "/snippets/0/storage/files/0, a snippet of the same level; define it in one snippet "
								+ "only"),
				refused("one unit in two snippets of a group", "[]",
						"[{systemd: {units: [{name: app.service, contents: x}]}}, {systemd: {units: [{name: app.service, mask: true}]}}]",
						"[]",
						"/nodeGroups/2/snippets/1/systemd/units/0/name: unit app.service is already defined at "
								+ "/nodeGroups/2/snippets/0/systemd/units/0, a snippet of the same level; define it in "
								+ "one snippet only"),
				refused("one drop-in in two snippets of the cluster",
						"[{systemd: {units: [{name: containerd.service, dropins: [{name: 10-x.conf, contents: a}]}]}},"
								+ " {systemd: {units: [{name: containerd.service, dropins: [{name: 10-x.conf, contents: b}]}]}}]",
						"[]", "[]",
						"/snippets/1/systemd/units/0/dropins/0/name: containerd.service drop-in 10-x.conf is already "
								+ "defined at /snippets/0/systemd/units/0/dropins/0, a snippet of the same level; define "
								+ "it in one snippet only"),
				refused("one disk in two snippets of a node", "[]", "[]",
						"[{storage: {disks: [{device: /dev/sdb}]}}, {storage: {disks: [{device: /dev/sdb, wipe_table: true}]}}]",
						"/nodes/1/snippets/1/storage/disks/0/device: disk /dev/sdb is already defined at "
								+ "/nodes/1/snippets/0/storage/disks/0, a snippet of the same level; define it in one "
								+ "snippet only"),
				refused("a kernel argument both wanted and not",
						"[{kernel_arguments: {should_exist: [nosmt]}}, "
								+ "{kernel_arguments: {should_not_exist: [nosmt]}}]",
						"[]", "[]",
						"/snippets/1/kernel_arguments/should_not_exist/0: kernel argument nosmt is already in "
								+ "should_exist at /snippets/0/kernel_arguments/should_exist/0, a snippet of the same "
								+ "level; keep it in one list"),
				refused("more than keys for the login user",
						"[{passwd: {users: [{name: core, password_hash: \"$6$x\", ssh_authorized_keys: [ssh-ed25519 B]}]}}]",
						"[]", "[]",
						"/snippets/0/passwd/users/0: core is the login user Stoker writes (ssh.user): a snippet may "
								+ "only add ssh_authorized_keys to it; set the rest on another user"),
				refused("a mount over kubeadm's directory",
						"[{storage: {filesystems: [{device: /dev/sdb, format: ext4, path: /etc/kubernetes}]}}]", "[]",
						"[]",
						"/snippets/0/storage/filesystems/0/path: mounts a filesystem on /etc/kubernetes, which would "
								+ "hide what Stoker writes there (kubeadm's own directory); mount it elsewhere"),
				refused("a mount over what holds Stoker's files",
						"[{storage: {filesystems: [{device: /dev/sdb, format: ext4, path: /opt}]}}]", "[]", "[]",
						"/snippets/0/storage/filesystems/0/path: mounts a filesystem on /opt, which would hide what "
								+ "Stoker writes there (the Kubernetes install, sysext); mount it elsewhere"),
				refused("a config that replaces Stoker's",
						"[{ignition: {config: {replace: {source: \"https://example.com/x.ign\"}}}}]", "[]", "[]",
						"/snippets/0/ignition/config/replace: would replace the whole config Stoker renders, and the "
								+ "node would never join its cluster; use merge to add a config instead"),
				refused("another variant", "[{variant: fcos}]", "[]", "[]",
						"/snippets/0/variant: must be flatcar, the one Butane variant Stoker renders, or left out"),
				refused("another version", "[]", "[{variant: flatcar, version: 1.1.0}]", "[]",
						"/nodeGroups/2/snippets/0/version: must be 1.0.0, the cluster's butaneVersion, or left out: a "
								+ "node's snippets are merged into one config of the cluster's version"),
				refused("a field Butane does not have", "[{storage: {filez: []}}]", "[]", "[]",
						"/snippets/0/storage/filez: is not a field of the Butane flatcar variant (1.0.0 and 1.1.0): check "
								+ "its spelling and level"),
				refused("text YAML readers disagree on",
						"[{storage: {files: [{path: /etc/motd, contents: {inline: \"a\\u2028b\"}}]}}]", "[]", "[]",
						"/snippets/0/storage/files/0/contents/inline: must not contain DEL, C1 control characters or "
								+ "U+2028/U+2029, on which YAML readers disagree; give such contents as a data URL in "
								+ "source instead"),
				refused("text instead of a config", "[\"storage: {}\"]", "[]", "[]",
						"/snippets/0: must be a Butane config of the flatcar variant, written as an object"),
				refused("every refusal at once", file("/etc/kubernetes/admin.conf"),
						"[{systemd: {units: [{name: kubeadm.service, enabled: false}]}}]", file("/etc/hostname"),
						"/snippets/0/storage/files/0/path: /etc/kubernetes/admin.conf is in /etc/kubernetes, which "
								+ "Stoker owns (kubeadm's own directory); choose another path",
						"/nodeGroups/2/snippets/0/systemd/units/0/name: kubeadm.service is written by Stoker "
								+ "(kubeadm.service, which runs kubeadm init or join): it may not be changed, nor "
								+ "given drop-ins; name your unit otherwise",
						"/nodes/1/snippets/0/storage/files/0/path: /etc/hostname is written by Stoker (the static "
								+ "node's hostname); choose another path"));
	}

	@ParameterizedTest(name = "refuses {0}")
	@MethodSource("refusals")
	void refusesWithPointerAndMessage(String what, String cluster, String group, String node, List<String> expected) {
		assertThatExceptionOfType(InvalidDefinitionException.class).isThrownBy(() -> validate(cluster, group, node))
			.satisfies((ex) -> assertThat(ex.errors()).extracting((e) -> e.pointer() + ": " + e.detail())
				.containsExactlyElementsOf(expected));
	}

	/**
	 * Drop-ins on units Stoker does not write whole, and a more specific level's entry of
	 * a key a less specific level has, are taken.
	 */
	@Test
	void acceptsDropinsOnUnitsStokerDoesNotWriteAndEntriesReplacedByAMoreSpecificLevel() {
		ValidCluster cluster = validate("""
				[{systemd: {units: [{name: containerd.service, dropins: [{name: 10-x.conf, contents: a}]},
				                    {name: systemd-sysupdate.service, dropins: [{name: 50-proxy.conf, contents: b}]},
				                    {name: systemd-sysupdate.timer, dropins: [{name: 50-when.conf, contents: c}]}]},
				  storage: {files: [{path: /etc/motd, contents: {inline: cluster}}]}}]""",
				"[{storage: {files: [{path: /etc/motd, contents: {inline: group}}]}}]",
				"[{storage: {files: [{path: /etc/motd, contents: {inline: node}}]}}]");
		assertThat(cluster.nodes().get(1).snippets()).hasSize(1);
	}

	@Test
	void theRefusalsAreThoseOfTheFirstDocumentThatRefusesAnEntry() {
		assertThat(NodeButane.snippetRefusals(validateWithoutRenderedCheck(file("/etc/kubernetes/pki/ca.key")),
				ShapeSecrets.get(), null, null))
			.extracting((refusal) -> refusal.pointer() + ": " + refusal.message())
			.containsExactly("/snippets/0/storage/files/0/path: /etc/kubernetes/pki/ca.key is written by Stoker (the "
					+ "cluster's shared PKI); choose another path");
	}

	private static ValidCluster validateWithoutRenderedCheck(String cluster) {
		return new ClusterValidator().validate(Mappers.yaml().readTree(LAB + """
				snippets: %s
				nodes:
				  - {name: cp-1, group: bootstrap, ipv4: 10.100.0.2}
				  - {name: worker-1, group: workers, ipv4: 10.100.0.10}
				""".formatted(cluster)));
	}

	private static String file(String path) {
		return "[" + fileItem(path) + "]";
	}

	private static String fileItem(String path) {
		return "{storage: {files: [{path: \"" + path + "\", contents: {inline: x}}]}}";
	}

	private static Arguments refused(String what, String cluster, String group, String node, String... expected) {
		return Arguments.of(what, cluster, group, node, List.of(expected));
	}

}
