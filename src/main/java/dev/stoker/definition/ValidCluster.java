package dev.stoker.definition;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.stoker.flatcar.HostVariable;
import dev.stoker.net.IpFamily;
import dev.stoker.platform.AddressVariable;
import dev.stoker.platform.Platform;

/**
 * A cluster definition that passed validation, with its defaults filled in and every
 * value parsed: what the renderers take. Nothing here is null, and nothing is left to
 * parse, so a renderer never has a reason to refuse it. {@link #definition()} gives back
 * the wire form that is stored and that GET answers.
 *
 * @param controllerManagerArgs extra kube-controller-manager flags, in the order written
 * @param groups node groups in the order written; exactly one has the bootstrap role
 * @param nodes static nodes in the order written, each in one of {@code groups}
 * @param patchUpdates whether sysupdate installs new patch releases of the cluster's
 * minor by itself
 * @param options the kubelet settings of every node and the kubeadm options
 * @param snippets the Butane configs merged into every node's, in the order written
 */
public record ValidCluster(String name, KubernetesVersion kubernetesVersion, KubeadmApiVersion kubeadmApiVersion,
		Platform platform, Install install, Architecture architecture, ButaneVersion butaneVersion,
		ApiEndpoint controlPlaneEndpoint, ApiServerSettings apiServer, Map<String, String> controllerManagerArgs,
		ClusterNetwork networking, CloudProvider cloudProvider, String volumePluginDir, SshLogin ssh,
		List<ValidGroup> groups, List<ValidNode> nodes, boolean patchUpdates, KubeadmOptions options,
		List<Snippet> snippets) {

	public ValidCluster {
		Objects.requireNonNull(name);
		Objects.requireNonNull(kubernetesVersion);
		Objects.requireNonNull(kubeadmApiVersion);
		Objects.requireNonNull(platform);
		Objects.requireNonNull(install);
		Objects.requireNonNull(architecture);
		Objects.requireNonNull(butaneVersion);
		Objects.requireNonNull(controlPlaneEndpoint);
		Objects.requireNonNull(apiServer);
		controllerManagerArgs = Ordered.copy(controllerManagerArgs);
		Objects.requireNonNull(networking);
		Objects.requireNonNull(cloudProvider);
		Objects.requireNonNull(volumePluginDir);
		Objects.requireNonNull(ssh);
		groups = List.copyOf(groups);
		nodes = List.copyOf(nodes);
		Objects.requireNonNull(options);
		snippets = List.copyOf(snippets);
	}

	/** A cluster without kubelet settings, kubeadm options or snippets. */
	public ValidCluster(String name, KubernetesVersion kubernetesVersion, KubeadmApiVersion kubeadmApiVersion,
			Platform platform, Install install, Architecture architecture, ButaneVersion butaneVersion,
			ApiEndpoint controlPlaneEndpoint, ApiServerSettings apiServer, Map<String, String> controllerManagerArgs,
			ClusterNetwork networking, CloudProvider cloudProvider, String volumePluginDir, SshLogin ssh,
			List<ValidGroup> groups, List<ValidNode> nodes, boolean patchUpdates) {
		this(name, kubernetesVersion, kubeadmApiVersion, platform, install, architecture, butaneVersion,
				controlPlaneEndpoint, apiServer, controllerManagerArgs, networking, cloudProvider, volumePluginDir, ssh,
				groups, nodes, patchUpdates, KubeadmOptions.NONE, List.of());
	}

	/** A cluster with kubelet settings and kubeadm options, and no snippets. */
	public ValidCluster(String name, KubernetesVersion kubernetesVersion, KubeadmApiVersion kubeadmApiVersion,
			Platform platform, Install install, Architecture architecture, ButaneVersion butaneVersion,
			ApiEndpoint controlPlaneEndpoint, ApiServerSettings apiServer, Map<String, String> controllerManagerArgs,
			ClusterNetwork networking, CloudProvider cloudProvider, String volumePluginDir, SshLogin ssh,
			List<ValidGroup> groups, List<ValidNode> nodes, boolean patchUpdates, KubeadmOptions options) {
		this(name, kubernetesVersion, kubeadmApiVersion, platform, install, architecture, butaneVersion,
				controlPlaneEndpoint, apiServer, controllerManagerArgs, networking, cloudProvider, volumePluginDir, ssh,
				groups, nodes, patchUpdates, options, List.of());
	}

	/** A cluster with snippets, and no kubelet settings or kubeadm options. */
	public ValidCluster(String name, KubernetesVersion kubernetesVersion, KubeadmApiVersion kubeadmApiVersion,
			Platform platform, Install install, Architecture architecture, ButaneVersion butaneVersion,
			ApiEndpoint controlPlaneEndpoint, ApiServerSettings apiServer, Map<String, String> controllerManagerArgs,
			ClusterNetwork networking, CloudProvider cloudProvider, String volumePluginDir, SshLogin ssh,
			List<ValidGroup> groups, List<ValidNode> nodes, boolean patchUpdates, List<Snippet> snippets) {
		this(name, kubernetesVersion, kubeadmApiVersion, platform, install, architecture, butaneVersion,
				controlPlaneEndpoint, apiServer, controllerManagerArgs, networking, cloudProvider, volumePluginDir, ssh,
				groups, nodes, patchUpdates, KubeadmOptions.NONE, snippets);
	}

	/** The cluster's address families, primary first. */
	public List<IpFamily> families() {
		return networking.families();
	}

	/**
	 * The host variables every machine of a group reads its addresses from, one per
	 * family in family order: Afterburn's, or those node-addresses.service writes from
	 * the interfaces. Empty when the address source is the listed machines, which are
	 * then served only as static nodes.
	 */
	public Optional<List<HostVariable>> groupAddresses() {
		NodeAddressSource source = networking.addressSource();
		if (source == NodeAddressSource.NODES || !source.isPossible(platform, families())) {
			return Optional.empty();
		}
		List<IpFamily> fromInterfaces = interfaceFamilies();
		return Optional.of(families().stream()
			.map((family) -> fromInterfaces.contains(family) ? HostVariable.fromInterfaces(family)
					: HostVariable.afterburn(platform.address(family).map(AddressVariable::name).orElseThrow()))
			.toList());
	}

	/**
	 * The families a group's machines find on their own interfaces, in family order;
	 * empty when they find none there.
	 */
	public List<IpFamily> interfaceFamilies() {
		return networking.addressSource().interfaceFamilies(families());
	}

	public Optional<ValidGroup> group(String name) {
		return groups.stream().filter((group) -> group.name().equals(name)).findFirst();
	}

	public Optional<ValidNode> node(String name) {
		return nodes.stream().filter((node) -> node.name().equals(name)).findFirst();
	}

	/** The wire form: what is stored, and what GET answers. */
	public ClusterDefinition definition() {
		return new ClusterDefinition(name, kubernetesVersion.toString(), kubeadmApiVersion, platform, install,
				architecture, butaneVersion, controlPlaneEndpoint.definition(),
				new ApiServer(apiServer.certSANs(), apiServer.extraArgs(),
						KubeadmOptions.volumes(options.apiServerVolumes())),
				new ControllerManager(controllerManagerArgs,
						KubeadmOptions.volumes(options.controllerManagerVolumes())),
				networking.definition(), cloudProvider, volumePluginDir, ssh.definition(),
				groups.stream().map(ValidGroup::definition).toList(),
				nodes.stream().map(ValidNode::definition).toList(), patchUpdates, options.kubeletDefinition(),
				options.scheduler(), options.etcd(), options.featureGatesDefinition(),
				options.imageRepository().orElse(null), options.kubeProxy(), Snippet.definition(snippets));
	}

	/**
	 * Reads a definition that validation accepted and defaulted: every value is known to
	 * parse. Throws {@link IllegalArgumentException} for one that was not, which only a
	 * damaged store can hold.
	 */
	public static ValidCluster of(ClusterDefinition d) {
		ClusterNetwork networking = ClusterNetwork.of(d.networking(), () -> ClusterDefaults.addressSource(d));
		List<ValidGroup> groups = d.nodeGroups().stream().map(ValidGroup::of).toList();
		return new ValidCluster(d.name(), KubernetesVersion.parse(d.kubernetesVersion()), d.kubeadmApiVersion(),
				d.platform(), d.install(), d.architecture(), d.butaneVersion(),
				ApiEndpoint.of(d.controlPlaneEndpoint()), ApiServerSettings.of(d.apiServer()),
				d.controllerManager().extraArgs(), networking, d.cloudProvider(), d.volumePluginDir(),
				SshLogin.of(d.ssh()), groups,
				d.nodes().stream().map((node) -> ValidNode.of(node, groups, networking.families())).toList(),
				patchUpdates(d), KubeadmOptions.of(d), Snippet.of(d.snippets()));
	}

	/**
	 * A definition stored before patchUpdates existed has none: every sysext node it
	 * served updated its patch releases, so the machines it still boots keep doing so,
	 * alike.
	 */
	private static boolean patchUpdates(ClusterDefinition d) {
		return (d.patchUpdates() != null) ? d.patchUpdates() : d.install() == Install.SYSEXT;
	}

}
