package dev.stoker.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The cluster's kubelet settings and the kubeadm options beyond what Stoker sets itself,
 * each as validation accepted it. Empty values mean "not set": kubeadm's defaults apply.
 *
 * @param kubelet KubeletConfiguration fields every node runs with, in the order written
 * (values are strings, booleans, numbers, lists and maps, as read)
 * @param schedulerArgs extra kube-scheduler flags
 * @param etcdDataDir etcd's data directory, if not kubeadm's default
 * @param etcdArgs extra etcd flags
 * @param apiServerVolumes host paths mounted into kube-apiserver
 * @param controllerManagerVolumes host paths mounted into kube-controller-manager
 * @param featureGates kubeadm's own feature gates
 * @param imageRepository where control-plane images come from, if not registry.k8s.io
 * @param kubeProxyMode kube-proxy's mode, if not its default
 */
public record KubeadmOptions(Map<String, Object> kubelet, Map<String, String> schedulerArgs,
		Optional<String> etcdDataDir, Map<String, String> etcdArgs, List<HostPathMount> apiServerVolumes,
		List<HostPathMount> controllerManagerVolumes, Map<String, Boolean> featureGates,
		Optional<String> imageRepository, Optional<KubeProxyMode> kubeProxyMode) {

	/** No kubelet settings and no options: kubeadm's defaults throughout. */
	public static final KubeadmOptions NONE = new KubeadmOptions(Map.of(), Map.of(), Optional.empty(), Map.of(),
			List.of(), List.of(), Map.of(), Optional.empty(), Optional.empty());

	public KubeadmOptions {
		kubelet = Settings.freeze(kubelet);
		schedulerArgs = Ordered.copy(schedulerArgs);
		Objects.requireNonNull(etcdDataDir);
		etcdArgs = Ordered.copy(etcdArgs);
		apiServerVolumes = List.copyOf(apiServerVolumes);
		controllerManagerVolumes = List.copyOf(controllerManagerVolumes);
		featureGates = Collections.unmodifiableMap(new LinkedHashMap<>(featureGates));
		Objects.requireNonNull(imageRepository);
		Objects.requireNonNull(kubeProxyMode);
	}

	static KubeadmOptions of(ClusterDefinition d) {
		LocalEtcd etcd = d.etcd() == null ? null : d.etcd().local();
		return new KubeadmOptions(or(d.kubelet(), Map.of()),
				d.scheduler() == null ? Map.of() : or(d.scheduler().extraArgs(), Map.of()),
				Optional.ofNullable(etcd).map(LocalEtcd::dataDir),
				etcd == null ? Map.of() : or(etcd.extraArgs(), Map.of()),
				d.apiServer() == null ? List.of() : or(d.apiServer().extraVolumes(), List.of()),
				d.controllerManager() == null ? List.of() : or(d.controllerManager().extraVolumes(), List.of()),
				or(d.featureGates(), Map.of()), Optional.ofNullable(d.imageRepository()),
				Optional.ofNullable(d.kubeProxy()).map(KubeProxy::mode));
	}

	/** The kubelet settings as the definition holds them: none when empty. */
	Map<String, Object> kubeletDefinition() {
		return kubelet.isEmpty() ? null : kubelet;
	}

	Scheduler scheduler() {
		return schedulerArgs.isEmpty() ? null : new Scheduler(schedulerArgs);
	}

	Etcd etcd() {
		return etcdDataDir.isEmpty() && etcdArgs.isEmpty() ? null
				: new Etcd(new LocalEtcd(etcdDataDir.orElse(null), etcdArgs.isEmpty() ? null : etcdArgs));
	}

	static List<HostPathMount> volumes(List<HostPathMount> volumes) {
		return volumes.isEmpty() ? null : volumes;
	}

	Map<String, Boolean> featureGatesDefinition() {
		return featureGates.isEmpty() ? null : featureGates;
	}

	KubeProxy kubeProxy() {
		return kubeProxyMode.map(KubeProxy::new).orElse(null);
	}

	private static <T> T or(T value, T fallback) {
		return value == null ? fallback : value;
	}

}
