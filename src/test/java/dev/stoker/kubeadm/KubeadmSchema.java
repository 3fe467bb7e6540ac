package dev.stoker.kubeadm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The field trees kubeadm decodes, per apiVersion and kind, with the type of every field
 * as the JSON decoder behind kubeadm sees it. Written from the config API reference
 * (kubernetes/website content/en/docs/reference/config-api/kubeadm-config.v1beta3.md,
 * kubeadm-config.v1beta4.md and kubelet-config.v1beta1.md): every field Stoker writes,
 * every sibling of those, and below them as deep as a mistake could plausibly go. A field
 * whose inside is not modelled is {@link Scalar#OBJECT}: any mapping.
 *
 * <p>
 * KubeletConfiguration lists the fields of the newest kubelet (the union of all
 * releases); kubeadm hands the document to the kubelet, which knows its own release's
 * subset. KubeProxyConfiguration (kubeproxy.config.k8s.io/v1alpha1) is the union of
 * kube-proxy's config/v1alpha1/types.go from v1.22 to v1.37 (kubernetes/kube-proxy),
 * nested settings as mappings.
 */
final class KubeadmSchema {

	static final String KUBEADM_GROUP = "kubeadm.k8s.io/";

	static final String V1BETA3 = KUBEADM_GROUP + "v1beta3";

	static final String V1BETA4 = KUBEADM_GROUP + "v1beta4";

	static final String KUBELET_V1BETA1 = "kubelet.config.k8s.io/v1beta1";

	static final String KUBE_PROXY_V1ALPHA1 = "kubeproxy.config.k8s.io/v1alpha1";

	private KubeadmSchema() {
	}

	/** The type of a field's value. */
	sealed interface Type permits Scalar, ListOf, MapOf, Struct {

		/** How a problem message names the type. */
		String describe();

	}

	enum Scalar implements Type {

		STRING("a string"), INT32("an integer (int32)"), INT64("an integer (int64)"), BOOL("a boolean"),
		FLOAT("a number"),
		/** meta/v1.Duration: a string Go's time.ParseDuration reads, such as 24h0m0s. */
		DURATION("a duration string such as 24h0m0s"),
		/** meta/v1.Time: an RFC 3339 timestamp. */
		TIME("an RFC 3339 timestamp"),
		/** A mapping whose inside this schema does not model. */
		OBJECT("a mapping");

		private final String description;

		Scalar(String description) {
			this.description = description;
		}

		@Override
		public String describe() {
			return description;
		}

	}

	record ListOf(Type element) implements Type {

		@Override
		public String describe() {
			return "a list";
		}

	}

	/** A map with string keys, as Go's map[string]T. */
	record MapOf(Type value) implements Type {

		@Override
		public String describe() {
			return "a mapping of names to values";
		}

	}

	/** A Go struct: these fields and no others (kubeadm decodes strictly). */
	record Struct(String name, Map<String, Type> fields) implements Type {

		@Override
		public String describe() {
			return "a mapping (" + name + ")";
		}

	}

	/** Alternating field names and types. */
	private static Struct struct(String name, Object... fieldsAndTypes) {
		if (fieldsAndTypes.length % 2 != 0) {
			throw new IllegalArgumentException(name + ": a field without a type");
		}
		Map<String, Type> fields = new LinkedHashMap<>();
		for (int i = 0; i < fieldsAndTypes.length; i += 2) {
			if (fields.put((String) fieldsAndTypes[i], (Type) fieldsAndTypes[i + 1]) != null) {
				throw new IllegalArgumentException(name + ": " + fieldsAndTypes[i] + " twice");
			}
		}
		return new Struct(name, Map.copyOf(fields));
	}

	private static final Type STRINGS = new ListOf(Scalar.STRING);

	private static final Type STRING_MAP = new MapOf(Scalar.STRING);

	/** v1beta3 passes flags as map[string]string. */
	private static final Type MAP_ARGS = STRING_MAP;

	/** v1beta4 passes flags as []Arg, which allows a flag more than once. */
	private static final Type LIST_ARGS = new ListOf(struct("Arg", "name", Scalar.STRING, "value", Scalar.STRING));

	/** core/v1.Taint. */
	private static final Struct TAINT = struct("Taint", "key", Scalar.STRING, "value", Scalar.STRING, "effect",
			Scalar.STRING, "timeAdded", Scalar.TIME);

	private static final Struct BOOTSTRAP_TOKEN = struct("BootstrapToken", "token", Scalar.STRING, "description",
			Scalar.STRING, "ttl", Scalar.DURATION, "expires", Scalar.TIME, "usages", STRINGS, "groups", STRINGS);

	private static final Struct API_ENDPOINT = struct("APIEndpoint", "advertiseAddress", Scalar.STRING, "bindPort",
			Scalar.INT32);

	private static final Struct PATCHES = struct("Patches", "directory", Scalar.STRING);

	private static final Struct HOST_PATH_MOUNT = struct("HostPathMount", "name", Scalar.STRING, "hostPath",
			Scalar.STRING, "mountPath", Scalar.STRING, "readOnly", Scalar.BOOL, "pathType", Scalar.STRING);

	/** core/v1.EnvVar. */
	private static final Struct ENV_VAR = struct("EnvVar", "name", Scalar.STRING, "value", Scalar.STRING, "valueFrom",
			Scalar.OBJECT);

	private static final Struct BOOTSTRAP_TOKEN_DISCOVERY = struct("BootstrapTokenDiscovery", "token", Scalar.STRING,
			"apiServerEndpoint", Scalar.STRING, "caCertHashes", STRINGS, "unsafeSkipCAVerification", Scalar.BOOL);

	private static final Struct FILE_DISCOVERY = struct("FileDiscovery", "kubeConfigPath", Scalar.STRING);

	private static final Struct EXTERNAL_ETCD = struct("ExternalEtcd", "endpoints", STRINGS, "caFile", Scalar.STRING,
			"certFile", Scalar.STRING, "keyFile", Scalar.STRING);

	private static final Struct NETWORKING = struct("Networking", "serviceSubnet", Scalar.STRING, "podSubnet",
			Scalar.STRING, "dnsDomain", Scalar.STRING);

	private static final Struct JOIN_CONTROL_PLANE = struct("JoinControlPlane", "localAPIEndpoint", API_ENDPOINT,
			"certificateKey", Scalar.STRING);

	private static final Map<String, Struct> V1BETA3_KINDS = v1beta3();

	private static final Map<String, Struct> V1BETA4_KINDS = v1beta4();

	private static final Map<String, Struct> KUBELET_KINDS = Map.of("KubeletConfiguration", kubeletConfiguration());

	private static final Map<String, Struct> KUBE_PROXY_KINDS = Map.of("KubeProxyConfiguration",
			kubeProxyConfiguration());

	/** The kubelet's fields, without apiVersion and kind: what a patch of it may name. */
	static Struct kubeletFields() {
		Map<String, Type> fields = new LinkedHashMap<>(kubeletConfiguration().fields());
		fields.remove("apiVersion");
		fields.remove("kind");
		return new Struct("KubeletConfiguration", Map.copyOf(fields));
	}

	private static Struct kubeProxyConfiguration() {
		return struct("KubeProxyConfiguration", "apiVersion", Scalar.STRING, "kind", Scalar.STRING, "featureGates",
				new MapOf(Scalar.BOOL), "clientConnection", Scalar.OBJECT, "logging", Scalar.OBJECT, "hostnameOverride",
				Scalar.STRING, "bindAddress", Scalar.STRING, "healthzBindAddress", Scalar.STRING, "metricsBindAddress",
				Scalar.STRING, "bindAddressHardFail", Scalar.BOOL, "enableProfiling", Scalar.BOOL,
				"showHiddenMetricsForVersion", Scalar.STRING, "mode", Scalar.STRING, "iptables", Scalar.OBJECT, "ipvs",
				Scalar.OBJECT, "nftables", Scalar.OBJECT, "winkernel", Scalar.OBJECT, "detectLocalMode", Scalar.STRING,
				"detectLocal", Scalar.OBJECT, "clusterCIDR", Scalar.STRING, "nodePortAddresses", STRINGS, "oomScoreAdj",
				Scalar.INT32, "conntrack", Scalar.OBJECT, "configSyncPeriod", Scalar.DURATION, "portRange",
				Scalar.STRING, "udpIdleTimeout", Scalar.DURATION, "windowsRunAsService", Scalar.BOOL);
	}

	private static Map<String, Struct> v1beta3() {
		Struct nodeRegistration = struct("NodeRegistrationOptions", "name", Scalar.STRING, "criSocket", Scalar.STRING,
				"taints", new ListOf(TAINT), "kubeletExtraArgs", MAP_ARGS, "ignorePreflightErrors", STRINGS,
				"imagePullPolicy", Scalar.STRING);
		Struct component = struct("ControlPlaneComponent", "extraArgs", MAP_ARGS, "extraVolumes",
				new ListOf(HOST_PATH_MOUNT));
		Struct apiServer = struct("APIServer", "extraArgs", MAP_ARGS, "extraVolumes", new ListOf(HOST_PATH_MOUNT),
				"certSANs", STRINGS, "timeoutForControlPlane", Scalar.DURATION);
		Struct localEtcd = struct("LocalEtcd", "imageRepository", Scalar.STRING, "imageTag", Scalar.STRING, "dataDir",
				Scalar.STRING, "extraArgs", MAP_ARGS, "serverCertSANs", STRINGS, "peerCertSANs", STRINGS);
		Struct init = struct("InitConfiguration", "apiVersion", Scalar.STRING, "kind", Scalar.STRING, "bootstrapTokens",
				new ListOf(BOOTSTRAP_TOKEN), "nodeRegistration", nodeRegistration, "localAPIEndpoint", API_ENDPOINT,
				"certificateKey", Scalar.STRING, "skipPhases", STRINGS, "patches", PATCHES);
		Struct cluster = struct("ClusterConfiguration", "apiVersion", Scalar.STRING, "kind", Scalar.STRING, "etcd",
				struct("Etcd", "local", localEtcd, "external", EXTERNAL_ETCD), "networking", NETWORKING,
				"kubernetesVersion", Scalar.STRING, "controlPlaneEndpoint", Scalar.STRING, "apiServer", apiServer,
				"controllerManager", component, "scheduler", component, "dns",
				struct("DNS", "imageRepository", Scalar.STRING, "imageTag", Scalar.STRING), "certificatesDir",
				Scalar.STRING, "imageRepository", Scalar.STRING, "featureGates", new MapOf(Scalar.BOOL), "clusterName",
				Scalar.STRING);
		Struct join = struct("JoinConfiguration", "apiVersion", Scalar.STRING, "kind", Scalar.STRING,
				"nodeRegistration", nodeRegistration, "caCertPath", Scalar.STRING, "discovery",
				struct("Discovery", "bootstrapToken", BOOTSTRAP_TOKEN_DISCOVERY, "file", FILE_DISCOVERY,
						"tlsBootstrapToken", Scalar.STRING, "timeout", Scalar.DURATION),
				"controlPlane", JOIN_CONTROL_PLANE, "skipPhases", STRINGS, "patches", PATCHES);
		return Map.of("InitConfiguration", init, "ClusterConfiguration", cluster, "JoinConfiguration", join);
	}

	private static Map<String, Struct> v1beta4() {
		Struct nodeRegistration = struct("NodeRegistrationOptions", "name", Scalar.STRING, "criSocket", Scalar.STRING,
				"taints", new ListOf(TAINT), "kubeletExtraArgs", LIST_ARGS, "ignorePreflightErrors", STRINGS,
				"imagePullPolicy", Scalar.STRING, "imagePullSerial", Scalar.BOOL);
		Struct component = struct("ControlPlaneComponent", "extraArgs", LIST_ARGS, "extraVolumes",
				new ListOf(HOST_PATH_MOUNT), "extraEnvs", new ListOf(ENV_VAR));
		// timeoutForControlPlane moved to InitConfiguration.timeouts
		Struct apiServer = struct("APIServer", "extraArgs", LIST_ARGS, "extraVolumes", new ListOf(HOST_PATH_MOUNT),
				"extraEnvs", new ListOf(ENV_VAR), "certSANs", STRINGS);
		Struct localEtcd = struct("LocalEtcd", "imageRepository", Scalar.STRING, "imageTag", Scalar.STRING, "dataDir",
				Scalar.STRING, "extraArgs", LIST_ARGS, "extraEnvs", new ListOf(ENV_VAR), "serverCertSANs", STRINGS,
				"peerCertSANs", STRINGS);
		Struct timeouts = struct("Timeouts", "controlPlaneComponentHealthCheck", Scalar.DURATION, "kubeletHealthCheck",
				Scalar.DURATION, "kubernetesAPICall", Scalar.DURATION, "etcdAPICall", Scalar.DURATION, "tlsBootstrap",
				Scalar.DURATION, "discovery", Scalar.DURATION, "upgradeManifests", Scalar.DURATION);
		Struct init = struct("InitConfiguration", "apiVersion", Scalar.STRING, "kind", Scalar.STRING, "bootstrapTokens",
				new ListOf(BOOTSTRAP_TOKEN), "dryRun", Scalar.BOOL, "nodeRegistration", nodeRegistration,
				"localAPIEndpoint", API_ENDPOINT, "certificateKey", Scalar.STRING, "skipPhases", STRINGS, "patches",
				PATCHES, "timeouts", timeouts);
		Struct cluster = struct("ClusterConfiguration", "apiVersion", Scalar.STRING, "kind", Scalar.STRING, "etcd",
				struct("Etcd", "local", localEtcd, "external", EXTERNAL_ETCD), "networking", NETWORKING,
				"kubernetesVersion", Scalar.STRING, "controlPlaneEndpoint", Scalar.STRING, "apiServer", apiServer,
				"controllerManager", component, "scheduler", component, "dns",
				struct("DNS", "imageRepository", Scalar.STRING, "imageTag", Scalar.STRING, "disabled", Scalar.BOOL),
				"proxy", struct("Proxy", "disabled", Scalar.BOOL), "certificatesDir", Scalar.STRING, "imageRepository",
				Scalar.STRING, "featureGates", new MapOf(Scalar.BOOL), "clusterName", Scalar.STRING,
				"encryptionAlgorithm", Scalar.STRING, "certificateValidityPeriod", Scalar.DURATION,
				"caCertificateValidityPeriod", Scalar.DURATION);
		// the discovery timeout moved to JoinConfiguration.timeouts.discovery
		Struct join = struct("JoinConfiguration", "apiVersion", Scalar.STRING, "kind", Scalar.STRING, "dryRun",
				Scalar.BOOL, "nodeRegistration", nodeRegistration, "caCertPath", Scalar.STRING, "discovery",
				struct("Discovery", "bootstrapToken", BOOTSTRAP_TOKEN_DISCOVERY, "file", FILE_DISCOVERY,
						"tlsBootstrapToken", Scalar.STRING),
				"controlPlane", JOIN_CONTROL_PLANE, "skipPhases", STRINGS, "patches", PATCHES, "timeouts", timeouts);
		Struct reset = struct("ResetConfiguration", "apiVersion", Scalar.STRING, "kind", Scalar.STRING, "cleanupTmpDir",
				Scalar.BOOL, "certificatesDir", Scalar.STRING, "criSocket", Scalar.STRING, "dryRun", Scalar.BOOL,
				"force", Scalar.BOOL, "ignorePreflightErrors", STRINGS, "skipPhases", STRINGS, "unmountFlags", STRINGS,
				"timeouts", timeouts);
		Struct upgrade = struct("UpgradeConfiguration", "apiVersion", Scalar.STRING, "kind", Scalar.STRING, "apply",
				Scalar.OBJECT, "diff", Scalar.OBJECT, "node", Scalar.OBJECT, "plan", Scalar.OBJECT, "timeouts",
				timeouts);
		return Map.of("InitConfiguration", init, "ClusterConfiguration", cluster, "JoinConfiguration", join,
				"ResetConfiguration", reset, "UpgradeConfiguration", upgrade);
	}

	private static Struct kubeletConfiguration() {
		Type duration = Scalar.DURATION;
		return struct("KubeletConfiguration", "apiVersion", Scalar.STRING, "kind", Scalar.STRING, "enableServer",
				Scalar.BOOL, "staticPodPath", Scalar.STRING, "podLogsDir", Scalar.STRING, "syncFrequency", duration,
				"fileCheckFrequency", duration, "httpCheckFrequency", duration, "staticPodURL", Scalar.STRING,
				"staticPodURLHeader", new MapOf(STRINGS), "address", Scalar.STRING, "port", Scalar.INT32,
				"readOnlyPort", Scalar.INT32, "tlsCertFile", Scalar.STRING, "tlsPrivateKeyFile", Scalar.STRING,
				"tlsCipherSuites", STRINGS, "tlsMinVersion", Scalar.STRING, "rotateCertificates", Scalar.BOOL,
				"serverTLSBootstrap", Scalar.BOOL, "authentication", Scalar.OBJECT, "authorization", Scalar.OBJECT,
				"registryPullQPS", Scalar.INT32, "registryBurst", Scalar.INT32,
				"imagePullCredentialsVerificationPolicy", Scalar.STRING, "preloadedImagesVerificationAllowlist",
				STRINGS, "eventRecordQPS", Scalar.INT32, "eventBurst", Scalar.INT32, "enableDebuggingHandlers",
				Scalar.BOOL, "enableContentionProfiling", Scalar.BOOL, "healthzPort", Scalar.INT32,
				"healthzBindAddress", Scalar.STRING, "oomScoreAdj", Scalar.INT32, "clusterDomain", Scalar.STRING,
				"clusterDNS", STRINGS, "streamingConnectionIdleTimeout", duration, "nodeStatusUpdateFrequency",
				duration, "nodeStatusReportFrequency", duration, "nodeLeaseDurationSeconds", Scalar.INT32,
				"imageMinimumGCAge", duration, "imageMaximumGCAge", duration, "imageGCHighThresholdPercent",
				Scalar.INT32, "imageGCLowThresholdPercent", Scalar.INT32, "volumeStatsAggPeriod", duration,
				"kubeletCgroups", Scalar.STRING, "systemCgroups", Scalar.STRING, "cgroupRoot", Scalar.STRING,
				"cgroupsPerQOS", Scalar.BOOL, "cgroupDriver", Scalar.STRING, "cpuManagerPolicy", Scalar.STRING,
				"singleProcessOOMKill", Scalar.BOOL, "cpuManagerPolicyOptions", STRING_MAP, "cpuManagerReconcilePeriod",
				duration, "memoryManagerPolicy", Scalar.STRING, "topologyManagerPolicy", Scalar.STRING,
				"topologyManagerScope", Scalar.STRING, "topologyManagerPolicyOptions", STRING_MAP, "qosReserved",
				STRING_MAP, "runtimeRequestTimeout", duration, "hairpinMode", Scalar.STRING, "maxPods", Scalar.INT32,
				"podCIDR", Scalar.STRING, "podPidsLimit", Scalar.INT64, "resolvConf", Scalar.STRING, "runOnce",
				Scalar.BOOL, "cpuCFSQuota", Scalar.BOOL, "cpuCFSQuotaPeriod", duration, "nodeStatusMaxImages",
				Scalar.INT32, "maxOpenFiles", Scalar.INT64, "contentType", Scalar.STRING, "kubeAPIQPS", Scalar.INT32,
				"kubeAPIBurst", Scalar.INT32, "serializeImagePulls", Scalar.BOOL, "maxParallelImagePulls", Scalar.INT32,
				"evictionHard", STRING_MAP, "evictionSoft", STRING_MAP, "evictionSoftGracePeriod", STRING_MAP,
				"evictionPressureTransitionPeriod", duration, "evictionMaxPodGracePeriod", Scalar.INT32,
				"evictionMinimumReclaim", STRING_MAP, "mergeDefaultEvictionSettings", Scalar.BOOL, "podsPerCore",
				Scalar.INT32, "enableControllerAttachDetach", Scalar.BOOL, "protectKernelDefaults", Scalar.BOOL,
				"makeIPTablesUtilChains", Scalar.BOOL, "iptablesMasqueradeBit", Scalar.INT32, "iptablesDropBit",
				Scalar.INT32, "featureGates", new MapOf(Scalar.BOOL), "failSwapOn", Scalar.BOOL, "memorySwap",
				Scalar.OBJECT, "containerLogMaxSize", Scalar.STRING, "containerLogMaxFiles", Scalar.INT32,
				"containerLogMaxWorkers", Scalar.INT32, "containerLogMonitorInterval", duration,
				"configMapAndSecretChangeDetectionStrategy", Scalar.STRING, "systemReserved", STRING_MAP,
				"kubeReserved", STRING_MAP, "reservedSystemCPUs", Scalar.STRING, "showHiddenMetricsForVersion",
				Scalar.STRING, "systemReservedCgroup", Scalar.STRING, "kubeReservedCgroup", Scalar.STRING,
				"enforceNodeAllocatable", STRINGS, "allowedUnsafeSysctls", STRINGS, "volumePluginDir", Scalar.STRING,
				"providerID", Scalar.STRING, "kernelMemcgNotification", Scalar.BOOL, "logging", Scalar.OBJECT,
				"enableSystemLogHandler", Scalar.BOOL, "enableSystemLogQuery", Scalar.BOOL, "shutdownGracePeriod",
				duration, "shutdownGracePeriodCriticalPods", duration, "shutdownGracePeriodByPodPriority",
				new ListOf(Scalar.OBJECT), "crashLoopBackOff", Scalar.OBJECT, "reservedMemory",
				new ListOf(Scalar.OBJECT), "enableProfilingHandler", Scalar.BOOL, "enableDebugFlagsHandler",
				Scalar.BOOL, "seccompDefault", Scalar.BOOL, "memoryThrottlingFactor", Scalar.FLOAT,
				"registerWithTaints", new ListOf(TAINT), "registerNode", Scalar.BOOL, "tracing",
				struct("TracingConfiguration", "endpoint", Scalar.STRING, "samplingRatePerMillion", Scalar.INT32),
				"localStorageCapacityIsolation", Scalar.BOOL, "containerRuntimeEndpoint", Scalar.STRING,
				"imageServiceEndpoint", Scalar.STRING, "failCgroupV1", Scalar.BOOL, "userNamespaces", Scalar.OBJECT,
				"tlsCurvePreferences", new ListOf(Scalar.INT32), "defaultPodSysctls", STRING_MAP,
				"memoryReservationPolicy", Scalar.STRING);
	}

	/** The apiVersions a kubeadm config file may hold that this schema knows. */
	static Set<String> apiVersions() {
		return Set.of(V1BETA3, V1BETA4, KUBELET_V1BETA1, KUBE_PROXY_V1ALPHA1);
	}

	/** The kinds an apiVersion has. */
	static Set<String> kinds(String apiVersion) {
		return kindsOf(apiVersion).keySet();
	}

	/** The field tree of a kind, if the apiVersion has that kind. */
	static Optional<Struct> kind(String apiVersion, String kind) {
		return Optional.ofNullable(kindsOf(apiVersion).get(kind));
	}

	private static Map<String, Struct> kindsOf(String apiVersion) {
		return switch (apiVersion) {
			case V1BETA3 -> V1BETA3_KINDS;
			case V1BETA4 -> V1BETA4_KINDS;
			case KUBELET_V1BETA1 -> KUBELET_KINDS;
			case KUBE_PROXY_V1ALPHA1 -> KUBE_PROXY_KINDS;
			default -> Map.of();
		};
	}

}
