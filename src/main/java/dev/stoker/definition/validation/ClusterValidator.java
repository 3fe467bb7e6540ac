package dev.stoker.definition.validation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import dev.stoker.definition.ApiServer;
import dev.stoker.definition.CloudProvider;
import dev.stoker.definition.ClusterDefaults;
import dev.stoker.definition.ClusterDefinition;
import dev.stoker.definition.ControlPlaneEndpoint;
import dev.stoker.definition.Install;
import dev.stoker.definition.KubeadmApiVersion;
import dev.stoker.definition.KubernetesVersion;
import dev.stoker.definition.Networking;
import dev.stoker.definition.NodeAddressSource;
import dev.stoker.definition.Ssh;
import dev.stoker.definition.ValidCluster;
import dev.stoker.net.Cidr;
import dev.stoker.net.IpAddress;
import dev.stoker.net.IpFamily;
import dev.stoker.platform.AddressVariable;
import dev.stoker.platform.AfterburnVersion;
import dev.stoker.platform.Platform;
import dev.stoker.problem.JsonPointer;

/**
 * Validates a cluster definition as a whole and answers it with its defaults filled in,
 * or throws {@link InvalidDefinitionException} listing every problem at once.
 */
public final class ClusterValidator {

	/**
	 * The first release whose kubelet takes a dual-stack node-ip together with a cloud
	 * provider (KEP-3705, CloudDualStackNodeIPs on by default from its beta).
	 */
	private static final KubernetesVersion CLOUD_DUAL_STACK_NODE_IPS = new KubernetesVersion(1, 29, 0);

	private static final Pattern FLAG_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

	private static final Pattern LINUX_USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

	/**
	 * Never a host name (RFC 1123 2.1: the last label is alphabetic) but a mistyped
	 * address: 10.0.0.256, or 010.0.0.1, which some resolvers would read as octal.
	 */
	private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

	private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+/?");

	private final StrictReader<ClusterDefinition> reader = new StrictReader<>(ClusterDefinition.class,
			"must be a JSON or YAML object holding a cluster definition");

	private final RenderedCheck rendered;

	/** Checks the definition alone, without the documents Stoker renders from it. */
	public ClusterValidator() {
		this((cluster, problems) -> {
		});
	}

	/**
	 * @param rendered what is checked on the rendered documents of a definition that
	 * passed every other check
	 */
	public ClusterValidator(RenderedCheck rendered) {
		this.rendered = rendered;
	}

	public ValidCluster validate(JsonNode body) {
		FieldErrors problems = new FieldErrors();
		ClusterDefinition definition = reader.read(body, problems);
		if (definition != null) {
			check(definition, problems);
		}
		problems.throwIfAny();
		ValidCluster cluster = ValidCluster.of(ClusterDefaults.apply(definition));
		rendered.check(cluster, problems);
		problems.throwIfAny();
		return cluster;
	}

	private void check(ClusterDefinition d, FieldErrors problems) {
		checkName(d.name(), problems);
		checkVersions(d.kubernetesVersion(), d.kubeadmApiVersion(), d.install(), problems);
		if (d.platform() == null) {
			problems.required("/platform");
		}
		checkEndpoint(d.controlPlaneEndpoint(), problems);
		checkApiServer(d.apiServer(), problems);
		if (d.controllerManager() != null) {
			checkExtraArgs(d.controllerManager().extraArgs(), "/controllerManager/extraArgs", problems);
		}
		List<IpFamily> families = NetworkingRules.check(d.networking(), problems);
		checkVolumePluginDir(d.volumePluginDir(), problems);
		if (Boolean.TRUE.equals(d.patchUpdates()) && d.install() == Install.BINARIES) {
			problems.add("/patchUpdates", "must be false with install binaries: only the sysext install updates "
					+ "Kubernetes by itself (systemd-sysupdate); use install sysext, or leave patchUpdates out");
		}
		checkSsh(d.ssh(), problems);
		Optional<KubernetesVersion> version = Optional.ofNullable(d.kubernetesVersion())
			.flatMap(KubernetesVersion::tryParse);
		KubeletRules.check(d.kubelet(), "/kubelet", version.orElse(null), true, problems);
		KubeadmOptionRules.check(d, version, problems);
		NodeGroupRules.check(d.nodeGroups(), version, problems);
		StaticNodeRules.check(d.nodes(), d.nodeGroups(), families, problems);
		checkAddressSource(d, families, problems);
		checkCloudProviderWithDualStack(d, families, problems);
		SnippetRules.check(d, problems);
	}

	private static void checkName(String name, FieldErrors problems) {
		if (name == null) {
			problems.required("/name");
			return;
		}
		KubernetesSyntax.dnsLabel(name).ifPresent(d -> problems.add("/name", d));
	}

	private static void checkVersions(String text, KubeadmApiVersion api, Install install, FieldErrors problems) {
		if (text == null) {
			problems.required("/kubernetesVersion");
			return;
		}
		Optional<KubernetesVersion> parsed = KubernetesVersion.tryParse(text);
		if (parsed.isEmpty()) {
			problems.add("/kubernetesVersion", "must be a Kubernetes release such as v1.33.2 (vMAJOR.MINOR.PATCH)");
			return;
		}
		KubernetesVersion version = parsed.get();
		Optional<String> refusal = VersionRules.refusal(version, install);
		if (refusal.isPresent()) {
			problems.add("/kubernetesVersion", refusal.get());
		}
		else if (api != null && !api.isReadBy(version)) {
			problems.add("/kubeadmApiVersion",
					"is not read by kubeadm " + version + ": " + api.wireName() + " is read from "
							+ VersionRules.minor(api.firstRelease())
							+ api.lastRelease().map(r -> " to " + VersionRules.minor(r)).orElse("")
							+ "; leave kubeadmApiVersion out to get the right one");
		}
	}

	private static void checkEndpoint(ControlPlaneEndpoint endpoint, FieldErrors problems) {
		String at = "/controlPlaneEndpoint";
		if (endpoint == null) {
			problems.required(at);
			return;
		}
		if (endpoint.host() == null) {
			problems.required(at + "/host");
		}
		else {
			hostOrAddress(endpoint.host(), false).ifPresent(d -> problems.add(at + "/host", d));
		}
		if (endpoint.port() != null && (endpoint.port() < 1 || endpoint.port() > 65535)) {
			problems.add(at + "/port", "must be a TCP port from 1 to 65535");
		}
	}

	private static void checkApiServer(ApiServer apiServer, FieldErrors problems) {
		if (apiServer == null) {
			return;
		}
		List<String> sans = apiServer.certSANs();
		for (int i = 0; sans != null && i < sans.size(); i++) {
			String san = sans.get(i);
			String at = "/apiServer/certSANs/" + i;
			if (san == null) {
				problems.required(at, "must be a DNS name or an IP address");
			}
			else {
				hostOrAddress(san, true).ifPresent(d -> problems.add(at, d));
			}
		}
		checkExtraArgs(apiServer.extraArgs(), "/apiServer/extraArgs", problems);
	}

	/**
	 * A DNS name (a leading "*." where wildcards are allowed) or an IP address literal.
	 */
	private static Optional<String> hostOrAddress(String value, boolean wildcard) {
		if (IpAddress.parse(value).isPresent()) {
			return Optional.empty();
		}
		String name = wildcard && value.startsWith("*.") ? value.substring(2) : value;
		if (DIGITS_AND_DOTS.matcher(name).matches()) {
			return Optional.of("must be a DNS name or an IP address: it looks like an IPv4 address but is not one "
					+ "(four numbers from 0 to 255, without leading zeros)");
		}
		return KubernetesSyntax.dnsSubdomain(name).map(d -> "must be a DNS name or an IP address: it " + d);
	}

	static void checkExtraArgs(Map<String, String> args, String at, FieldErrors problems) {
		if (args == null) {
			return;
		}
		args.forEach((flag, value) -> {
			String arg = JsonPointer.child(at, flag);
			if (!FLAG_NAME.matcher(flag).matches()) {
				problems.add(arg, "must be a flag name without leading dashes, such as audit-log-path");
			}
			if (value == null) {
				problems.noValue(arg);
			}
			else if (FreeText.breaksLines(value)) {
				problems.add(arg, "must not contain control characters or line breaks (including U+2028 and U+2029)");
			}
			else if (FreeText.formatCharacter(value).isPresent()) {
				problems.add(arg, FreeText.invisible(FreeText.formatCharacter(value).getAsInt()));
			}
			else if (value.indexOf('$') >= 0) {
				// the node runs /etc/kubeadm.yml through envsubst: $COREOS_... here would
				// become an address
				problems.add(arg, "must not contain $: the node substitutes its address variables in the kubeadm "
						+ "config, and would substitute one written here too");
			}
		});
	}

	private static void checkVolumePluginDir(String dir, FieldErrors problems) {
		if (dir == null) {
			return;
		}
		if (!SAFE_PATH.matcher(dir).matches() || dir.contains("/./") || dir.contains("/../") || dir.endsWith("/..")
				|| dir.endsWith("/.")) {
			problems.add("/volumePluginDir",
					"must be an absolute path of letters, digits, '.', '_' and '-', without . or .. segments");
		}
		else if (dir.equals("/usr") || dir.startsWith("/usr/")) {
			problems.add("/volumePluginDir",
					"must not be under /usr, which is read-only on Flatcar; use " + ClusterDefaults.VOLUME_PLUGIN_DIR);
		}
	}

	private static void checkSsh(Ssh ssh, FieldErrors problems) {
		if (ssh == null) {
			return;
		}
		if (ssh.user() != null && !LINUX_USER.matcher(ssh.user()).matches()) {
			problems.add("/ssh/user", "must be a Linux user name: lower-case letters, digits, '_' and '-', "
					+ "starting with a letter or '_', at most 32 characters");
		}
		List<String> keys = ssh.authorizedKeys();
		for (int i = 0; keys != null && i < keys.size(); i++) {
			String at = "/ssh/authorizedKeys/" + i;
			if (keys.get(i) == null) {
				problems.required(at, "must be an OpenSSH public key");
			}
			else {
				SshPublicKey.check(keys.get(i)).ifPresent(d -> problems.add(at, d));
			}
		}
	}

	/**
	 * Each node needs an address of every cluster family for its kubelet's node-ip, from
	 * its address source: Afterburn only where the platform's metadata gives that family,
	 * the interfaces anywhere, the listed machines only if there are some.
	 */
	private static void checkAddressSource(ClusterDefinition d, List<IpFamily> families, FieldErrors problems) {
		Platform platform = d.platform();
		Networking networking = d.networking();
		if (platform == null || networking == null || families.isEmpty()) {
			return;
		}
		boolean staticNodes = d.nodes() != null && !d.nodes().isEmpty();
		NodeAddressSource source = networking.addressSource() == null
				? NodeAddressSource.defaultFor(platform, families, staticNodes) : networking.addressSource();
		String at = "/networking/addressSource";
		switch (source) {
			case AFTERBURN -> {
				if (!platform.hasMetadataService()) {
					problems.add(at, "cannot be afterburn on " + platform.wireName()
							+ ", which has no metadata service: use interfaces, or nodes with the machines listed"
							+ " under nodes");
					return;
				}
				for (IpFamily family : families) {
					if (platform.address(family).isEmpty()) {
						problems.add(at, missingAddress(platform, family, interfacesFix(platform, families)));
					}
				}
			}
			case MIXED -> {
				if (families.size() != 2) {
					problems.add(at, "cannot be mixed in a single-stack cluster: mixed takes IPv4 from Afterburn and"
							+ " IPv6 from the node's interfaces; use afterburn or interfaces");
				}
				else if (platform.address(IpFamily.IPV4).isEmpty()) {
					problems.add(at, "cannot be mixed: "
							+ missingAddress(platform, IpFamily.IPV4, "use interfaces, or leave addressSource out"));
				}
			}
			case NODES -> {
				if (!staticNodes) {
					problems.required("/nodes", "must list the machines when addressSource is nodes: each node's"
							+ " addresses come from its nodes entry");
				}
			}
			case INTERFACES -> {
			}
		}
		checkNodeSubnetFamilies(networking.nodeSubnets(), source, families, problems);
	}

	/** What to use instead of afterburn, for a platform that lacks a family. */
	private static String interfacesFix(Platform platform, List<IpFamily> families) {
		if (families.size() == 2 && platform.address(IpFamily.IPV4).isPresent()) {
			return "use mixed (IPv4 from Afterburn, IPv6 from the node's interfaces) or interfaces, or leave"
					+ " addressSource out for the platform's default";
		}
		return "use interfaces, or leave addressSource out for the platform's default";
	}

	/**
	 * Node subnets say where on its interfaces a node finds its address of a family: one
	 * of a family it does not look for there would never be used.
	 */
	private static void checkNodeSubnetFamilies(List<String> texts, NodeAddressSource source, List<IpFamily> families,
			FieldErrors problems) {
		// empty is what a stored definition says when there are none
		if (texts == null || texts.isEmpty()) {
			return;
		}
		String at = "/networking/nodeSubnets";
		List<IpFamily> fromInterfaces = source.interfaceFamilies(families);
		if (fromInterfaces.isEmpty()) {
			problems.add(at, "must be left out: with addressSource " + source.wireName()
					+ " no node reads its addresses from its interfaces");
			return;
		}
		for (int i = 0; i < texts.size(); i++) {
			Optional<IpFamily> family = Optional.ofNullable(texts.get(i)).flatMap(ClusterValidator::family);
			if (family.isEmpty() || fromInterfaces.contains(family.get())) {
				continue;
			}
			String why = families.contains(family.get())
					? "with addressSource mixed the " + family.get() + " address comes from Afterburn"
					: "the cluster has no " + family.get() + " subnets";
			problems.add(at + "/" + i, "must be an " + fromInterfaces.get(0) + " range: " + why);
		}
	}

	/** A range's family; an unparseable one is reported with the networking rules. */
	private static Optional<IpFamily> family(String text) {
		try {
			return Optional.of(Cidr.parse(text).family());
		}
		catch (Cidr.InvalidCidrException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Every node's kubelet gets both addresses as its node-ip, and before v1.29 the
	 * kubelet refuses that whenever --cloud-provider is set, external included
	 * ("dual-stack --node-ip ... not supported when using a cloud provider"): no node
	 * would start.
	 */
	private static void checkCloudProviderWithDualStack(ClusterDefinition d, List<IpFamily> families,
			FieldErrors problems) {
		if (d.cloudProvider() != CloudProvider.EXTERNAL || families.size() != 2 || d.kubernetesVersion() == null) {
			return;
		}
		KubernetesVersion.tryParse(d.kubernetesVersion())
			.filter(version -> VersionRules.refusal(version, d.install()).isEmpty()
					&& version.compareTo(CLOUD_DUAL_STACK_NODE_IPS) < 0)
			.ifPresent(version -> problems.add("/cloudProvider",
					"external needs Kubernetes " + VersionRules.minor(CLOUD_DUAL_STACK_NODE_IPS)
							+ " or later in a dual-stack cluster: the kubelet of " + version
							+ " refuses a node-ip of two addresses when a cloud provider is set; use v1.29 or"
							+ " later, cloudProvider none, or one address family"));
	}

	private static String missingAddress(Platform platform, IpFamily family, String fix) {
		Optional<AddressVariable> listed = platform.listedAddress(family);
		String platformName = platform.wireName();
		if (platform.unusableAddresses().isPresent()) {
			return "Afterburn cannot give nodes their " + family + " address on " + platformName + ": "
					+ platform.unusableAddresses().get() + "; " + fix;
		}
		if (listed.isPresent()) {
			return "Afterburn cannot give nodes their " + family + " address on " + platformName + " yet: "
					+ listed.get().name() + " needs Afterburn " + listed.get().since() + " and Flatcar ships Afterburn "
					+ AfterburnVersion.SHIPPED_BY_FLATCAR + "; " + fix;
		}
		return platformName + " has no " + family + " address in its Afterburn metadata, so Afterburn cannot give"
				+ " nodes their " + family + " node-ip; " + fix;
	}

}
