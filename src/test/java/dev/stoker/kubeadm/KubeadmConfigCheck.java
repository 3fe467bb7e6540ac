package dev.stoker.kubeadm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import dev.stoker.definition.KubeadmApiVersion;
import dev.stoker.kubeadm.GoLiterals.Cidr;
import dev.stoker.kubeadm.GoLiterals.HostPort;
import dev.stoker.kubeadm.KubeadmSchema.ListOf;
import dev.stoker.kubeadm.KubeadmSchema.MapOf;
import dev.stoker.kubeadm.KubeadmSchema.Scalar;
import dev.stoker.kubeadm.KubeadmSchema.Struct;
import dev.stoker.kubeadm.KubeadmSchema.Type;
import dev.stoker.net.IpFamily;

/**
 * A strict stand-in for kubeadm reading its --config file, since no kubeadm runs here. It
 * reads the file with YAML 1.1 rules (SnakeYAML, as kubeadm's YAML reader resolves plain
 * scalars such as 0x1f, yes or 12:30 into numbers and booleans), decodes every document
 * strictly against {@link KubeadmSchema} (unknown fields, wrong types, a kind its
 * apiVersion does not have, kubeadm documents of another API version), checks that the
 * file holds the documents the command reads, and then the value rules kubeadm, the
 * kubelet and kube-apiserver enforce on what Stoker writes. Where kubeadm would take a
 * value Stoker must never write (no certificate key, an unpinned CA), the rule is
 * Stoker's and the message says so.
 */
public final class KubeadmConfigCheck {

	/** The command the file is given to with --config. */
	public enum Command {

		INIT("kubeadm init"), JOIN_CONTROL_PLANE("kubeadm join (control plane)"), JOIN("kubeadm join (worker)");

		private final String text;

		Command(String text) {
			this.text = text;
		}

	}

	/**
	 * How a cluster's control planes come to share their keys, which decides whether init
	 * and a control-plane join must name a certificate key or must not.
	 */
	public enum ControlPlaneKeys {

		/**
		 * init uploads the certificates encrypted under the certificate key, and control
		 * planes download them with it (clusters stored before Stoker's PKI).
		 */
		UPLOADED,

		/**
		 * Every control plane's document holds the keys as files under kubeadm's
		 * certificate directory, and kubeadm uses them where it finds them.
		 */
		SHARED

	}

	/** What is wrong, and where: the kind and the path of fields below it. */
	public record Problem(String path, String message) {

		@Override
		public String toString() {
			return path + ": " + message;
		}

	}

	private static final Pattern TOKEN = Pattern.compile("[a-z0-9]{6}\\.[a-z0-9]{16}");

	/**
	 * kubeadm token create --groups: "Must match
	 * \Asystem:bootstrappers:[a-z0-9:-]{0,255}[a-z0-9]\z".
	 */
	private static final Pattern TOKEN_GROUP = Pattern.compile("system:bootstrappers:[a-z0-9:-]{0,255}[a-z0-9]");

	private static final Set<String> TOKEN_USAGES = Set.of("signing", "authentication");

	/** A hex-encoded AES key of 32 bytes. */
	private static final Pattern CERTIFICATE_KEY = Pattern.compile("[0-9a-fA-F]{64}");

	/** The only type is sha256: the hex SHA-256 of the CA's DER SubjectPublicKeyInfo. */
	private static final Pattern CA_CERT_HASH = Pattern.compile("sha256:[0-9a-fA-F]{64}");

	private static final Pattern KUBERNETES_VERSION = Pattern.compile("v1\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)");

	/** Go's time.ParseDuration: signed sequence of decimal numbers with a unit, or 0. */
	private static final Pattern DURATION = Pattern
		.compile("[-+]?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)");

	private static final Pattern RFC3339 = Pattern
		.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})");

	private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

	private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

	/** The phases of kubeadm init (kubeadm init --help), with addon's two subphases. */
	private static final Set<String> INIT_PHASES = Set.of("preflight", "certs", "kubeconfig", "etcd", "control-plane",
			"kubelet-start", "wait-control-plane", "upload-config", "upload-certs", "mark-control-plane",
			"bootstrap-token", "kubelet-finalize", "addon", "addon/coredns", "addon/kube-proxy", "show-join-command");

	private static final Set<String> TAINT_EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

	private static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");

	/** kube-proxy's modes on Linux; the empty string is its default. */
	private static final Set<String> PROXY_MODES = Set.of("", "iptables", "ipvs", "nftables");

	private static final Set<String> ENCRYPTION_ALGORITHMS = Set.of("RSA-2048", "RSA-3072", "RSA-4096", "ECDSA-P256");

	/**
	 * kubeadm's limits: a service range of at most 20 host bits, and a pod range at most
	 * 16 bits larger than each node's share of it (/24 and /64 unless the controller
	 * manager is told otherwise).
	 */
	private static final int MAX_SERVICE_HOST_BITS = 20;

	private static final int MAX_POD_NODE_MASK_DIFFERENCE = 16;

	private final String kubeadmApiVersion;

	private final boolean listArgs;

	private final Command command;

	private final ControlPlaneKeys keys;

	private final List<Problem> problems = new ArrayList<>();

	/** The first control plane's kubelet flags, which the cluster's version rules see. */
	private Map<String, List<String>> initKubeletArgs = Map.of();

	private KubeadmConfigCheck(KubeadmApiVersion api, Command command, ControlPlaneKeys keys) {
		this.kubeadmApiVersion = KubeadmSchema.KUBEADM_GROUP + api.wireName();
		this.listArgs = api == KubeadmApiVersion.V1BETA4;
		this.command = command;
		this.keys = keys;
	}

	/**
	 * Every problem kubeadm (or Stoker's rules) would find in the file of a cluster whose
	 * control planes download uploaded certificates; empty if none.
	 */
	public static List<Problem> check(String yaml, KubeadmApiVersion api, Command command) {
		return check(yaml, api, command, ControlPlaneKeys.UPLOADED);
	}

	/**
	 * Every problem kubeadm (or Stoker's rules) would find in the file; empty if none.
	 */
	public static List<Problem> check(String yaml, KubeadmApiVersion api, Command command, ControlPlaneKeys keys) {
		KubeadmConfigCheck check = new KubeadmConfigCheck(api, command, keys);
		check.run(yaml);
		return List.copyOf(check.problems);
	}

	/** Fails with every problem and the file when there is any. */
	public static void assertValid(String yaml, KubeadmApiVersion api, Command command) {
		assertValid(yaml, api, command, ControlPlaneKeys.UPLOADED);
	}

	/** Fails with every problem and the file when there is any. */
	public static void assertValid(String yaml, KubeadmApiVersion api, Command command, ControlPlaneKeys keys) {
		List<Problem> problems = check(yaml, api, command, keys);
		if (!problems.isEmpty()) {
			throw new AssertionError("not a valid kubeadm config for " + command.text + " (" + keys + " keys, "
					+ KubeadmSchema.KUBEADM_GROUP + api.wireName() + "):\n  "
					+ problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ")) + "\nin\n" + yaml);
		}
	}

	/**
	 * Reads YAML as kubeadm does: YAML 1.1 scalars, and a key given twice is an error
	 * (kubeadm's strict decoding refuses duplicate fields).
	 */
	public static List<Object> readYaml11(String yaml) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		List<Object> documents = new ArrayList<>();
		new Yaml(new SafeConstructor(options)).loadAll(yaml).forEach(documents::add);
		return documents;
	}

	private void run(String yaml) {
		List<Object> loaded;
		try {
			loaded = readYaml11(yaml);
		}
		catch (YAMLException ex) {
			problem("file", "is not YAML kubeadm can read: "
					+ ex.getMessage().lines().map(String::strip).collect(Collectors.joining(" ")));
			return;
		}
		Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
		for (int i = 0; i < loaded.size(); i++) {
			decode("document " + (i + 1), loaded.get(i), documents);
		}
		documentSet(documents);
		Map<String, Object> init = documents.get("InitConfiguration");
		Map<String, Object> cluster = documents.get("ClusterConfiguration");
		Map<String, Object> join = documents.get("JoinConfiguration");
		Map<String, Object> kubelet = documents.get("KubeletConfiguration");
		Map<String, Object> kubeProxy = documents.get("KubeProxyConfiguration");
		if (kubeProxy != null && kubeProxy.get("mode") instanceof String mode && !PROXY_MODES.contains(mode)) {
			problem("KubeProxyConfiguration.mode",
					"\"" + mode + "\" is none of " + new TreeSet<>(PROXY_MODES) + " (kernelspace is Windows only)");
		}
		if (init != null) {
			patches(fields(init.get("patches")), "InitConfiguration.patches");
		}
		if (join != null) {
			patches(fields(join.get("patches")), "JoinConfiguration.patches");
		}
		if (init != null) {
			initConfiguration(init);
		}
		if (cluster != null) {
			clusterConfiguration(cluster, init);
		}
		if (join != null) {
			joinConfiguration(join);
		}
		if (kubelet != null) {
			kubeletConfiguration(kubelet);
		}
	}

	/** One document: its apiVersion and kind, then every field against the schema. */
	private void decode(String where, Object document, Map<String, Map<String, Object>> documents) {
		if (!(document instanceof Map<?, ?>)) {
			problem(where, document == null ? "is empty" : "is " + describe(document) + ", not a mapping");
			return;
		}
		Map<String, Object> fields = fields(document);
		if (!(fields.get("apiVersion") instanceof String apiVersion) || !(fields.get("kind") instanceof String kind)) {
			problem(where, "has no apiVersion and kind as strings, which kubeadm requires of every document");
			return;
		}
		if (!KubeadmSchema.apiVersions().contains(apiVersion)) {
			problem(where, "apiVersion " + apiVersion + " is not one kubeadm reads here (" + kubeadmApiVersion + ", "
					+ KubeadmSchema.KUBELET_V1BETA1 + " or " + KubeadmSchema.KUBE_PROXY_V1ALPHA1 + ")");
			return;
		}
		if (apiVersion.startsWith(KubeadmSchema.KUBEADM_GROUP) && !apiVersion.equals(kubeadmApiVersion)) {
			problem(where + " (" + kind + ")", "is " + apiVersion + " in a config of " + kubeadmApiVersion
					+ ": every kubeadm document of the file must be the cluster's API version");
			return;
		}
		Optional<Struct> schema = KubeadmSchema.kind(apiVersion, kind);
		if (schema.isEmpty()) {
			problem(where, "kind " + kind + " does not exist in " + apiVersion + ", which has "
					+ new TreeSet<>(KubeadmSchema.kinds(apiVersion)));
			return;
		}
		if (documents.containsKey(kind)) {
			problem(kind, "given twice: kubeadm refuses a file holding the same apiVersion and kind twice");
			return;
		}
		documents.put(kind, fields);
		value(fields, schema.get(), kind);
	}

	/** What the command reads: init needs InitConfiguration and ClusterConfiguration. */
	private void documentSet(Map<String, Map<String, Object>> documents) {
		Set<String> needed = command == Command.INIT ? Set.of("InitConfiguration", "ClusterConfiguration")
				: Set.of("JoinConfiguration");
		Set<String> read = command == Command.INIT
				? Set.of("InitConfiguration", "ClusterConfiguration", "KubeletConfiguration", "KubeProxyConfiguration")
				: Set.of("JoinConfiguration");
		for (String kind : new TreeSet<>(needed)) {
			if (!documents.containsKey(kind)) {
				problem("file", command.text + " needs a " + kind + " document");
			}
		}
		for (String kind : documents.keySet()) {
			if (!read.contains(kind)) {
				problem(kind, command.text + " does not read a " + kind
						+ ": kubeadm ignores it with a warning, so whatever it says is lost");
			}
		}
	}

	// ---- the schema: types and unknown fields ----

	private void value(Object value, Type type, String path) {
		if (value == null) {
			problem(path, "is null: kubeadm reads that as not set; leave the field out instead");
			return;
		}
		if (type instanceof Scalar scalar) {
			scalar(value, scalar, path);
		}
		else if (type instanceof ListOf list) {
			if (!(value instanceof List<?> items)) {
				wrongType(value, type, path);
				return;
			}
			for (int i = 0; i < items.size(); i++) {
				value(items.get(i), list.element(), path + "[" + i + "]");
			}
		}
		else if (type instanceof MapOf map) {
			if (!(value instanceof Map<?, ?> entries)) {
				wrongType(value, type, path);
				return;
			}
			entries.forEach((key, entry) -> {
				if (key instanceof String name) {
					value(entry, map.value(), path + "." + name);
				}
				else {
					problem(path, "has the key " + key + ", which YAML 1.1 reads as " + describe(key)
							+ ": kubeadm wants a string; quote it");
				}
			});
		}
		else if (type instanceof Struct struct) {
			if (!(value instanceof Map<?, ?> entries)) {
				wrongType(value, type, path);
				return;
			}
			entries.forEach((key, entry) -> {
				Type field = key instanceof String name ? struct.fields().get(name) : null;
				if (field == null) {
					problem(path, "has the unknown field \"" + key + "\": " + struct.name()
							+ " has no such field, and kubeadm decodes strictly");
				}
				else {
					value(entry, field, path + "." + key);
				}
			});
		}
	}

	private void scalar(Object value, Scalar type, String path) {
		boolean fits = switch (type) {
			case STRING -> value instanceof String;
			case INT32 -> isInteger(value, 32);
			case INT64 -> isInteger(value, 64);
			case BOOL -> value instanceof Boolean;
			case FLOAT -> value instanceof Number;
			case DURATION -> value instanceof String text && DURATION.matcher(text).matches();
			case TIME -> value instanceof Date || value instanceof String text && RFC3339.matcher(text).matches();
			case OBJECT -> value instanceof Map<?, ?>;
		};
		if (!fits) {
			wrongType(value, type, path);
		}
	}

	private static boolean isInteger(Object value, int bits) {
		BigInteger integer = value instanceof Integer || value instanceof Long
				? BigInteger.valueOf(((Number) value).longValue()) : value instanceof BigInteger big ? big : null;
		return integer != null && integer.bitLength() < bits;
	}

	private void wrongType(Object value, Type expected, String path) {
		String read = describe(value);
		String hint = expected == Scalar.STRING && !(value instanceof List<?> || value instanceof Map<?, ?>)
				? ": YAML 1.1 reads this plain scalar as " + read + ", so it must be quoted" : "";
		problem(path, "is " + read + " where kubeadm expects " + expected.describe() + hint);
	}

	private static String describe(Object value) {
		if (value instanceof String text) {
			return "the string \"" + text + "\"";
		}
		if (value instanceof Boolean || value instanceof Number || value instanceof Date) {
			String kind = value instanceof Boolean ? "a boolean"
					: value instanceof Date ? "a timestamp" : value instanceof Double ? "a float" : "an integer";
			return kind + " (" + value + ")";
		}
		return value instanceof List<?> ? "a list" : value instanceof Map<?, ?> ? "a mapping" : "binary data";
	}

	// ---- value rules ----

	private void initConfiguration(Map<String, Object> init) {
		List<Object> tokens = list(init.get("bootstrapTokens"));
		if (command == Command.INIT && tokens.isEmpty()) {
			problem("InitConfiguration.bootstrapTokens",
					"is missing: kubeadm would make a random token, and no join document could hold it (Stoker)");
		}
		for (int i = 0; i < tokens.size(); i++) {
			bootstrapToken(fields(tokens.get(i)), "InitConfiguration.bootstrapTokens[" + i + "]");
		}
		certificateKey(init.get("certificateKey"), "InitConfiguration.certificateKey");
		apiEndpoint(fields(init.get("localAPIEndpoint")), "InitConfiguration.localAPIEndpoint");
		initKubeletArgs = nodeRegistration(fields(init.get("nodeRegistration")), "InitConfiguration.nodeRegistration");
		List<Object> phases = list(init.get("skipPhases"));
		for (int i = 0; i < phases.size(); i++) {
			if (phases.get(i) instanceof String phase && !INIT_PHASES.contains(phase)) {
				problem("InitConfiguration.skipPhases[" + i + "]",
						"\"" + phase + "\" is not a phase of kubeadm init (" + new TreeSet<>(INIT_PHASES) + ")");
			}
		}
		if (Boolean.TRUE.equals(init.get("dryRun"))) {
			problem("InitConfiguration.dryRun", "is true: kubeadm would only print what it would do");
		}
	}

	private void bootstrapToken(Map<String, Object> token, String path) {
		if (!(token.get("token") instanceof String value)) {
			problem(path + ".token", "is missing; kubeadm requires it");
		}
		else if (!TOKEN.matcher(value).matches()) {
			problem(path + ".token", "is not a bootstrap token: kubeadm wants [a-z0-9]{6}.[a-z0-9]{16}");
		}
		if (token.containsKey("ttl") && token.containsKey("expires")) {
			problem(path, "has both ttl and expires, which kubeadm takes only one of");
		}
		strings(token.get("usages"), path + ".usages", TOKEN_USAGES::contains,
				"is not a bootstrap token usage (authentication, signing)");
		strings(token.get("groups"), path + ".groups", group -> TOKEN_GROUP.matcher(group).matches(),
				"is not a bootstrap token group: kubeadm wants system:bootstrappers:[a-z0-9:-]{0,255}[a-z0-9]");
	}

	/**
	 * Init must name the key when it uploads the certificates (the control planes that
	 * join decrypt them with it); it is 32 bytes in hex. Where control planes get the
	 * keys as files, no config may name one: nothing is uploaded or downloaded.
	 */
	private void certificateKey(Object key, String path) {
		if (keys == ControlPlaneKeys.SHARED) {
			if (key != null) {
				problem(path, "is set, but the control planes share their keys as files: nothing is uploaded"
						+ " and no node should hold a certificate key (Stoker)");
			}
			return;
		}
		if (key == null) {
			if (command != Command.JOIN) {
				problem(path, "is missing: without it kubeadm makes a random key, and no control plane"
						+ " could join with the certificates it uploads (Stoker)");
			}
			return;
		}
		if (command == Command.JOIN) {
			problem(path, "is in a worker's config: only control planes may hold the certificate key (Stoker)");
		}
		if (key instanceof String hex && !CERTIFICATE_KEY.matcher(hex).matches()) {
			problem(path, "is not 64 hex digits: kubeadm wants a hex-encoded AES key of 32 bytes");
		}
	}

	private void apiEndpoint(Map<String, Object> endpoint, String path) {
		if (endpoint.get("advertiseAddress") instanceof String address && GoLiterals.ip(address).isEmpty()) {
			problem(path + ".advertiseAddress", "\"" + address + "\" is not an IP address, which kubeadm requires");
		}
		if (endpoint.get("bindPort") instanceof Number port && (port.longValue() < 1 || port.longValue() > 65535)) {
			problem(path + ".bindPort", port + " is not a port: kubeadm wants 1 to 65535");
		}
	}

	/** Checks the registration, and answers its kubelet flags. */
	private Map<String, List<String>> nodeRegistration(Map<String, Object> registration, String path) {
		Map<String, List<String>> args = args(registration.get("kubeletExtraArgs"), path + ".kubeletExtraArgs");
		single(args, "node-ip", path).ifPresent(nodeIp -> nodeIp(nodeIp, path + ".kubeletExtraArgs.node-ip"));
		single(args, "cloud-provider", path).filter(provider -> !provider.equals("external"))
			.ifPresent(provider -> problem(path + ".kubeletExtraArgs.cloud-provider", "\"" + provider
					+ "\": the kubelet takes only external (its in-tree cloud providers are gone since v1.29)"));
		single(args, "volume-plugin-dir", path).filter(dir -> !dir.startsWith("/"))
			.ifPresent(dir -> problem(path + ".kubeletExtraArgs.volume-plugin-dir", "is not an absolute path"));
		single(args, "node-labels", path).ifPresent(labels -> nodeLabels(labels, path + ".kubeletExtraArgs"));
		List<Object> taints = list(registration.get("taints"));
		for (int i = 0; i < taints.size(); i++) {
			taint(fields(taints.get(i)), path + ".taints[" + i + "]");
		}
		if (registration.get("imagePullPolicy") instanceof String policy && !PULL_POLICIES.contains(policy)) {
			problem(path + ".imagePullPolicy", "\"" + policy + "\" is none of " + new TreeSet<>(PULL_POLICIES));
		}
		return args;
	}

	/**
	 * The kubelet's --node-ip: one address, or two of different families for dual-stack.
	 */
	private void nodeIp(String nodeIp, String path) {
		String[] addresses = nodeIp.split(",", -1);
		List<IpFamily> families = new ArrayList<>();
		for (String address : addresses) {
			Optional<IpFamily> family = GoLiterals.ip(address);
			if (family.isEmpty()) {
				problem(path, "\"" + address + "\" is not an IP address");
				return;
			}
			families.add(family.get());
		}
		if (families.size() > 2 || (families.size() == 2 && families.get(0) == families.get(1))) {
			problem(path, "\"" + nodeIp + "\": the kubelet takes one address, or one IPv4 and one IPv6");
		}
	}

	private void nodeLabels(String labels, String path) {
		for (String label : labels.split(",", -1)) {
			int equals = label.indexOf('=');
			if (equals < 0 || !isQualifiedName(label.substring(0, equals))
					|| !LABEL_VALUE.matcher(label.substring(equals + 1)).matches()) {
				problem(path + ".node-labels", "\"" + label + "\" is not a label key=value the kubelet accepts");
			}
		}
	}

	private void taint(Map<String, Object> taint, String path) {
		if (!(taint.get("key") instanceof String key) || !isQualifiedName(key)) {
			problem(path + ".key", "is missing or not a qualified name, as a taint key must be");
		}
		if (taint.get("value") instanceof String value && !LABEL_VALUE.matcher(value).matches()) {
			problem(path + ".value", "\"" + value + "\" is not a valid taint value");
		}
		if (!(taint.get("effect") instanceof String effect) || !TAINT_EFFECTS.contains(effect)) {
			problem(path + ".effect", "is missing or none of " + new TreeSet<>(TAINT_EFFECTS));
		}
	}

	private void clusterConfiguration(Map<String, Object> cluster, Map<String, Object> init) {
		Object version = cluster.get("kubernetesVersion");
		if (version == null && command == Command.INIT) {
			problem("ClusterConfiguration.kubernetesVersion",
					"is missing: kubeadm would look the stable release up on the internet at boot (Stoker)");
		}
		if (version instanceof String text) {
			kubernetesVersion(text);
		}
		Object endpoint = cluster.get("controlPlaneEndpoint");
		if (endpoint == null && command == Command.INIT) {
			problem("ClusterConfiguration.controlPlaneEndpoint",
					"is missing: kubeadm refuses to join a second control plane to a cluster without one");
		}
		if (endpoint instanceof String text) {
			controlPlaneEndpoint(text);
		}
		Map<String, Object> networking = fields(cluster.get("networking"));
		Map<String, List<String>> controllerManagerArgs = args(
				fields(cluster.get("controllerManager")).get("extraArgs"),
				"ClusterConfiguration.controllerManager.extraArgs");
		List<Cidr> services = cidrs(networking.get("serviceSubnet"), "ClusterConfiguration.networking.serviceSubnet");
		for (Cidr service : services) {
			if (service.bits() - service.prefix() > MAX_SERVICE_HOST_BITS) {
				problem("ClusterConfiguration.networking.serviceSubnet", "/" + service.prefix()
						+ " is too large: kubeadm allows a service range of at most 20 host bits");
			}
		}
		List<Cidr> pods = cidrs(networking.get("podSubnet"), "ClusterConfiguration.networking.podSubnet");
		for (Cidr pod : pods) {
			podNodeMask(pod, pods.size() == 2, controllerManagerArgs);
		}
		if (networking.get("dnsDomain") instanceof String domain && !GoLiterals.isDnsSubdomain(domain)) {
			problem("ClusterConfiguration.networking.dnsDomain", "\"" + domain + "\" is not a DNS subdomain");
		}
		Map<String, Object> apiServer = fields(cluster.get("apiServer"));
		strings(apiServer.get("certSANs"), "ClusterConfiguration.apiServer.certSANs",
				san -> GoLiterals.ip(san).isPresent()
						|| GoLiterals.isDnsSubdomain(san.startsWith("*.") ? san.substring(2) : san),
				"is neither an IP address nor a DNS name");
		args(apiServer.get("extraArgs"), "ClusterConfiguration.apiServer.extraArgs");
		args(fields(cluster.get("scheduler")).get("extraArgs"), "ClusterConfiguration.scheduler.extraArgs");
		if (cluster.get("encryptionAlgorithm") instanceof String algorithm
				&& !ENCRYPTION_ALGORITHMS.contains(algorithm)) {
			problem("ClusterConfiguration.encryptionAlgorithm",
					"\"" + algorithm + "\" is none of " + new TreeSet<>(ENCRYPTION_ALGORITHMS));
		}
		if (init != null && !services.isEmpty()) {
			advertiseAddressFamily(fields(init.get("localAPIEndpoint")), services.get(0).family());
		}
	}

	private void kubernetesVersion(String version) {
		Matcher matcher = KUBERNETES_VERSION.matcher(version);
		if (!matcher.matches()) {
			problem("ClusterConfiguration.kubernetesVersion",
					"\"" + version + "\" is not a release v1.MINOR.PATCH (a label such as stable needs the internet)");
		}
		else if (kubeadmApiVersion.equals(KubeadmSchema.V1BETA4) && Integer.parseInt(matcher.group(1)) < 31) {
			problem("ClusterConfiguration.kubernetesVersion",
					version + ": kubeadm reads " + KubeadmSchema.V1BETA4 + " from v1.31 on");
		}
		else if (Integer.parseInt(matcher.group(1)) < 29
				&& !initKubeletArgs.getOrDefault("cloud-provider", List.of()).isEmpty()
				&& initKubeletArgs.getOrDefault("node-ip", List.of()).stream().anyMatch(ip -> ip.contains(","))) {
			problem("InitConfiguration.nodeRegistration.kubeletExtraArgs.node-ip", "has two addresses and"
					+ " cloud-provider is set: the kubelet of " + version + " refuses that (it takes both from v1.29)");
		}
	}

	/**
	 * host[:port]: an IP or a DNS subdomain; an IPv6 address with a port in brackets.
	 * Unbracketed, kubeadm would read fd00::10:6443 as one address.
	 */
	private void controlPlaneEndpoint(String endpoint) {
		String path = "ClusterConfiguration.controlPlaneEndpoint";
		int colons = endpoint.length() - endpoint.replace(":", "").length();
		if (endpoint.startsWith("[") || colons == 1) {
			Optional<HostPort> split = GoLiterals.splitHostPort(endpoint);
			if (split.isEmpty()) {
				problem(path, "\"" + endpoint + "\" is not host:port with a port of 1 to 65535");
			}
			else if (!endpoint.startsWith("[") && !isHost(split.get().host())) {
				problem(path, "\"" + split.get().host() + "\" is neither an IP address nor a DNS subdomain");
			}
		}
		else if (colons > 1) {
			problem(path, "\"" + endpoint + "\": an IPv6 address goes in brackets with its port, as [fd00::10]:6443");
		}
		else if (!isHost(endpoint)) {
			problem(path, "\"" + endpoint + "\" is neither an IP address nor a DNS subdomain");
		}
	}

	/**
	 * The node share of a pod range is /24 (IPv4) or /64 (IPv6) unless the controller
	 * manager's node-cidr-mask-size flags say otherwise.
	 */
	private void podNodeMask(Cidr pod, boolean dualStack, Map<String, List<String>> controllerManagerArgs) {
		String flag = !dualStack ? "node-cidr-mask-size"
				: pod.family() == IpFamily.IPV4 ? "node-cidr-mask-size-ipv4" : "node-cidr-mask-size-ipv6";
		List<String> given = controllerManagerArgs.getOrDefault(flag, List.of());
		int nodeMask = given.isEmpty() || !given.get(given.size() - 1).matches("[0-9]{1,3}")
				? (pod.family() == IpFamily.IPV4 ? 24 : 64) : Integer.parseInt(given.get(given.size() - 1));
		String path = "ClusterConfiguration.networking.podSubnet";
		if (pod.prefix() > nodeMask) {
			problem(path, "/" + pod.prefix() + " is smaller than a node's share /" + nodeMask);
		}
		else if (nodeMask - pod.prefix() > MAX_POD_NODE_MASK_DIFFERENCE) {
			problem(path, "/" + pod.prefix() + " is more than 16 bits larger than a node's share /" + nodeMask);
		}
	}

	/**
	 * kube-apiserver refuses an advertise address of another family than the first
	 * service range; without one, kubeadm advertises the default route's address, IPv4 on
	 * a dual-stack host.
	 */
	private void advertiseAddressFamily(Map<String, Object> endpoint, IpFamily primary) {
		String path = "InitConfiguration.localAPIEndpoint.advertiseAddress";
		Optional<IpFamily> family = endpoint.get("advertiseAddress") instanceof String address ? GoLiterals.ip(address)
				: Optional.empty();
		if (family.isPresent() && family.get() != primary) {
			problem(path, "is " + family.get() + " but the first service range is " + primary
					+ ": kube-apiserver refuses to start");
		}
		else if (!endpoint.containsKey("advertiseAddress") && primary == IpFamily.IPV6) {
			problem(path, "is missing in an IPv6-first cluster: kubeadm would advertise the default route's IPv4"
					+ " address, and kube-apiserver refuses one of another family than the first service range");
		}
	}

	private void joinConfiguration(Map<String, Object> join) {
		Map<String, Object> discovery = fields(join.get("discovery"));
		if (discovery.containsKey("file")) {
			problem("JoinConfiguration.discovery.file",
					"is set: Stoker joins by bootstrap token, and kubeadm takes only one of bootstrapToken and file");
		}
		if (!discovery.containsKey("bootstrapToken")) {
			problem("JoinConfiguration.discovery.bootstrapToken", "is missing: kubeadm join needs a way to discover");
		}
		else {
			bootstrapTokenDiscovery(fields(discovery.get("bootstrapToken")));
		}
		if (discovery.get("tlsBootstrapToken") instanceof String token && !TOKEN.matcher(token).matches()) {
			problem("JoinConfiguration.discovery.tlsBootstrapToken", "is not a bootstrap token");
		}
		nodeRegistration(fields(join.get("nodeRegistration")), "JoinConfiguration.nodeRegistration");
		boolean hasControlPlane = join.containsKey("controlPlane");
		if (command == Command.JOIN && hasControlPlane) {
			problem("JoinConfiguration.controlPlane", "is set: this node would join as a control plane");
		}
		if (command == Command.JOIN_CONTROL_PLANE && !hasControlPlane) {
			problem("JoinConfiguration.controlPlane", "is missing: this node would join as a worker");
		}
		if (hasControlPlane) {
			Map<String, Object> controlPlane = fields(join.get("controlPlane"));
			certificateKey(controlPlane.get("certificateKey"), "JoinConfiguration.controlPlane.certificateKey");
			apiEndpoint(fields(controlPlane.get("localAPIEndpoint")),
					"JoinConfiguration.controlPlane.localAPIEndpoint");
		}
	}

	private void bootstrapTokenDiscovery(Map<String, Object> discovery) {
		String path = "JoinConfiguration.discovery.bootstrapToken";
		if (!(discovery.get("token") instanceof String token)) {
			problem(path + ".token", "is missing; kubeadm requires it");
		}
		else if (!TOKEN.matcher(token).matches()) {
			problem(path + ".token", "is not a bootstrap token: kubeadm wants [a-z0-9]{6}.[a-z0-9]{16}");
		}
		if (!(discovery.get("apiServerEndpoint") instanceof String endpoint)) {
			problem(path + ".apiServerEndpoint", "is missing; kubeadm requires it");
		}
		else {
			Optional<HostPort> split = GoLiterals.splitHostPort(endpoint);
			if (split.isEmpty()) {
				problem(path + ".apiServerEndpoint", "\"" + endpoint
						+ "\" is not host:port (kubeadm splits it with net.SplitHostPort; IPv6 in brackets)");
			}
			else if (!endpoint.startsWith("[") && !isHost(split.get().host())) {
				problem(path + ".apiServerEndpoint",
						"\"" + split.get().host() + "\" is neither an IP address nor a DNS subdomain");
			}
		}
		if (Boolean.TRUE.equals(discovery.get("unsafeSkipCAVerification"))) {
			problem(path + ".unsafeSkipCAVerification", "is true: every join pins the cluster CA (Stoker)");
		}
		List<Object> hashes = list(discovery.get("caCertHashes"));
		if (hashes.isEmpty()) {
			problem(path + ".caCertHashes", "is missing or empty: kubeadm refuses token discovery without a CA pin"
					+ " unless told to skip the verification, which Stoker never does");
		}
		strings(discovery.get("caCertHashes"), path + ".caCertHashes", hash -> CA_CERT_HASH.matcher(hash).matches(),
				"is not sha256: and 64 hex digits");
	}

	private void kubeletConfiguration(Map<String, Object> kubelet) {
		if (kubelet.get("cgroupDriver") instanceof String driver && !Set.of("systemd", "cgroupfs").contains(driver)) {
			problem("KubeletConfiguration.cgroupDriver", "\"" + driver + "\" is neither systemd nor cgroupfs");
		}
	}

	/**
	 * kubeadm lists patches.directory and applies the files whose names it knows; a
	 * relative directory would be read from wherever kubeadm runs.
	 */
	private void patches(Map<String, Object> patches, String path) {
		if (patches.get("directory") instanceof String directory && !directory.startsWith("/")) {
			problem(path + ".directory", "\"" + directory + "\" is not an absolute path");
		}
	}

	/**
	 * Every problem kubeadm or the kubelet would find in a kubeletconfiguration patch of
	 * type merge: JSON (or YAML) of a mapping whose fields are the kubelet's, of their
	 * types; the apiVersion and kind come from the configuration it patches.
	 */
	public static List<Problem> checkKubeletPatch(String patch) {
		KubeadmConfigCheck check = new KubeadmConfigCheck(KubeadmApiVersion.V1BETA4, Command.JOIN,
				ControlPlaneKeys.SHARED);
		List<Object> documents;
		try {
			documents = readYaml11(patch);
		}
		catch (YAMLException ex) {
			return List.of(new Problem("patch", "is not JSON or YAML kubeadm can read"));
		}
		if (documents.size() != 1 || !(documents.get(0) instanceof Map<?, ?>)) {
			return List.of(new Problem("patch", "must be one mapping of KubeletConfiguration fields"));
		}
		check.value(documents.get(0), KubeadmSchema.kubeletFields(), "kubeletconfiguration patch");
		if (fields(documents.get(0)).containsValue(null)) {
			check.problem("kubeletconfiguration patch", "has a null, which a merge patch reads as removing the field");
		}
		return List.copyOf(check.problems);
	}

	// ---- helpers ----

	/**
	 * The flags of an extraArgs field by name. v1beta4 lists {name, value} entries (a
	 * flag may repeat); v1beta3 maps names to values. Types were checked by the schema;
	 * this reads what has the right shape.
	 */
	private Map<String, List<String>> args(Object extraArgs, String path) {
		Map<String, List<String>> args = new LinkedHashMap<>();
		if (listArgs) {
			List<Object> entries = list(extraArgs);
			for (int i = 0; i < entries.size(); i++) {
				Map<String, Object> entry = fields(entries.get(i));
				if (!(entry.get("name") instanceof String name) || name.isEmpty()) {
					problem(path + "[" + i + "].name", "is missing or empty; kubeadm requires a flag name");
					continue;
				}
				if (!entry.containsKey("value")) {
					problem(path + "[" + i + "].value", "is missing; kubeadm requires a value");
				}
				if (entry.get("value") instanceof String value) {
					args.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
				}
			}
		}
		else {
			fields(extraArgs).forEach((name, value) -> {
				if (value instanceof String text) {
					args.computeIfAbsent(name, n -> new ArrayList<>()).add(text);
				}
			});
		}
		return args;
	}

	/** A flag the kubelet must get once: given twice, the last one silently wins. */
	private Optional<String> single(Map<String, List<String>> args, String flag, String path) {
		List<String> values = args.getOrDefault(flag, List.of());
		if (values.size() > 1) {
			problem(path + ".kubeletExtraArgs", flag + " is given " + values.size() + " times; give it once");
		}
		return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
	}

	/** A comma-separated CIDR list: at most one per family, so two are dual-stack. */
	private List<Cidr> cidrs(Object value, String path) {
		if (!(value instanceof String text)) {
			return List.of();
		}
		List<Cidr> cidrs = new ArrayList<>();
		for (String part : text.split(",", -1)) {
			Optional<Cidr> cidr = GoLiterals.cidr(part);
			if (cidr.isEmpty()) {
				problem(path, "\"" + part + "\" is not a CIDR");
				return List.of();
			}
			cidrs.add(cidr.get());
		}
		if (cidrs.size() > 2 || (cidrs.size() == 2 && cidrs.get(0).family() == cidrs.get(1).family())) {
			problem(path, "\"" + text + "\": kubeadm takes one CIDR, or one IPv4 and one IPv6 for dual-stack");
			return List.of();
		}
		return cidrs;
	}

	private void strings(Object value, String path, java.util.function.Predicate<String> valid, String complaint) {
		List<Object> items = list(value);
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i) instanceof String item && !valid.test(item)) {
				problem(path + "[" + i + "]", "\"" + item + "\" " + complaint);
			}
		}
	}

	private static boolean isHost(String host) {
		return GoLiterals.ip(host).isPresent() || GoLiterals.isDnsSubdomain(host);
	}

	/** prefix/name with a DNS-subdomain prefix, as label keys and taint keys are. */
	private static boolean isQualifiedName(String key) {
		int slash = key.indexOf('/');
		String name = slash < 0 ? key : key.substring(slash + 1);
		return (slash < 0 || GoLiterals.isDnsSubdomain(key.substring(0, slash))) && LABEL_NAME.matcher(name).matches();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> fields(Object value) {
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		return value instanceof List<?> items ? (List<Object>) items : List.of();
	}

	private void problem(String path, String message) {
		problems.add(new Problem(path, message));
	}

}
