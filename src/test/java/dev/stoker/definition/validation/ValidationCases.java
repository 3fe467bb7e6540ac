package dev.stoker.definition.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import tools.jackson.databind.node.ObjectNode;

import dev.stoker.json.Mappers;

/**
 * The table of validation cases: request bodies made from one valid definition by
 * changing one thing, each with the JSON Pointers the validator must report (none for a
 * valid body). Plain data, so that every layer that validates (the validator, the web
 * API) can run the same table. Most cases keep the cluster name prod-use1, so a test that
 * stores the valid ones must remove each before the next. What each refused case's errors
 * say is pinned in one golden file (see {@link ValidationReports}).
 */
public final class ValidationCases {

	/**
	 * One request body and the pointers of the errors it must produce, in any order (a
	 * pointer appears once per expected error).
	 */
	public record ValidationCase(String sentence, String json, List<String> pointers) {

		@Override
		public String toString() {
			return sentence;
		}

	}

	/**
	 * Generated once with ssh-keygen -t ed25519 for these tests; only the public half
	 * exists.
	 */
	public static final String ED25519_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPzEHLqj576nJpCnrFMW3s+RUmp2PzRFywQ/AoF+zevo ops@example";

	static final String ECDSA_P256_KEY = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBDCcDS/a8wMA4inPrdnFSHR9"
			+ "lb9QlYHG0lUNbJFD5dheNc8RV4JS3SjyGatnBRWtL1RgSPbuNyl/ZGpApqJyF7Y= ops@example";

	static final String RSA_3072_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQC9cbiqxV/wecFqiV83iyzYkur9hWUhqsVuIKkyBntNrAaKZti48YPyzPbg"
			+ "rYBX0zhw0+93QW6lh0uDjblHaMFpIZRtsQTadHCM1DS/oSg3DWiCqMdQvCjqtQ5wvt/8x17nntlglRFmuWDitpK1k5XTpkgI"
			+ "g6ygMppvRh2ltqT0KAQoslfwH0xjobckPFZUMzZ4sUmn8B5GrYbCqoRLDmg7yk/IcTLQNXj4KhFZ9bWGryn87pFWe0SEfBB9"
			+ "oFWACxvhOc+P3TvwjVWy0r0weHWu5uKEFkPywU6DX/nto8y0On+yu7ePnSKLBm2WC5ROvASF11jwI0EHwZC14cQdo0UjzYUD"
			+ "7CHg4zWwbkYWufRFUTxFO4qtOrquoz3pqInpzfDznxcfXgh2n6jW+I8hFvxPVDb5TmsJXLn+9nG1fSmvaBJFospf3ZhTk3Mq"
			+ "HVrjdNgKKklTiXijq4K0kL4tU+C2vAUSSMQREKDwPFTibYACUaGuv1T3Ri2yTpmrFttCJY8= ops@example";

	static final String RSA_1024_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC+xjyAp+yac4XAR1oQ7NiZkKebzyUFNWnFO/N44hCf06r1bX+fcfabNUfQ"
			+ "nF4mgPJ6wIXWDeTWZTOFJAHFxEOBb8Sjqt832x+rgclfIuiH6O+MWOYmcyd04gI/oXXqkUYLhL/suYiTvauQDskGADx2q7/R"
			+ "tNRVpckwds6cv8dWNQ== ops@example";

	private static final String ED25519_BLOB = ED25519_KEY.split(" ")[1];

	/**
	 * The dual-stack AWS cluster of the design document, with every optional field
	 * spelled out.
	 */
	private static final ObjectNode BASE = (ObjectNode) Mappers.json().readTree("""
			{
			  "name": "prod-use1",
			  "kubernetesVersion": "v1.33.2",
			  "kubeadmApiVersion": "v1beta4",
			  "platform": "aws",
			  "install": "sysext",
			  "architecture": "x86-64",
			  "butaneVersion": "1.0.0",
			  "controlPlaneEndpoint": {"host": "k8s-int.example.internal", "port": 6443},
			  "apiServer": {"certSANs": ["k8s.example.com"], "extraArgs": {}},
			  "controllerManager": {"extraArgs": {}},
			  "networking": {
			    "podSubnets": ["10.244.0.0/16", "fd00:10:244::/56"],
			    "serviceSubnets": ["10.96.0.0/16", "fd00:10:96::/112"],
			    "dnsDomain": "cluster.local",
			    "skipKubeProxy": true
			  },
			  "cloudProvider": "external",
			  "volumePluginDir": "/opt/libexec/kubernetes/kubelet-plugins/volume/exec/",
			  "ssh": {"user": "core", "authorizedKeys": ["%s"]},
			  "nodeGroups": [
			    {"name": "bootstrap", "role": "bootstrap"},
			    {"name": "control-plane", "role": "control-plane"},
			    {"name": "workers", "role": "worker", "labels": {"tier": "general"}, "taints": []}
			  ]
			}
			""".formatted(ED25519_KEY));

	private static final List<String> IPV4_PODS = List.of("10.244.0.0/16");

	private static final List<String> IPV4_SERVICES = List.of("10.96.0.0/16");

	private static final List<String> IPV6_PODS = List.of("fd00:10:244::/56");

	private static final List<String> IPV6_SERVICES = List.of("fd00:10:96::/112");

	private ValidationCases() {
	}

	/** A fresh copy of the valid base definition. */
	public static DefinitionJson base() {
		return DefinitionJson.copyOf(BASE);
	}

	/** The base definition without any optional field. */
	public static DefinitionJson requiredFieldsOnly() {
		return base().remove("/kubeadmApiVersion")
			.remove("/install")
			.remove("/architecture")
			.remove("/butaneVersion")
			.remove("/controlPlaneEndpoint/port")
			.remove("/apiServer")
			.remove("/controllerManager")
			.remove("/networking/dnsDomain")
			.remove("/networking/skipKubeProxy")
			.remove("/cloudProvider")
			.remove("/volumePluginDir")
			.remove("/ssh")
			.remove("/nodeGroups");
	}

	public static Stream<ValidationCase> valid() {
		return all().filter(c -> c.pointers().isEmpty());
	}

	public static Stream<ValidationCase> invalid() {
		return all().filter(c -> !c.pointers().isEmpty());
	}

	private static Stream<ValidationCase> all() {
		return Stream
			.of(name(), versions(), choices(), endpoint(), certSans(), extraArgs(), subnets(), subnetSizes(),
					addressSources(), nodeGroups(), labels(), taints(), ssh(), volumePluginDir(), staticNodes(),
					staticNodeAddresses(), unknownFields(), wrongTypes(), nullEntries(), severalProblems(), kubelet(),
					groupKubelet(), kubeadmOptions())
			.flatMap(Function.identity());
	}

	private static Stream<ValidationCase> kubelet() {
		return Stream.of(
				accepted("kubelet reservations, eviction thresholds and durations on the cluster are accepted",
						base().setJson("/kubelet",
								"""
										{"systemReserved": {"cpu": "250m", "memory": "512Mi"},
										 "kubeReserved": {"cpu": "0.5", "memory": "1Gi", "ephemeral-storage": "1e9"},
										 "evictionHard": {"memory.available": "200Mi", "nodefs.available": "10%"},
										 "evictionSoft": {"memory.available": "500Mi"},
										 "evictionSoftGracePeriod": {"memory.available": "1m30s"},
										 "shutdownGracePeriod": "60s", "maxPods": 250, "podPidsLimit": 4096,
										 "serverTLSBootstrap": true, "clusterDNS": ["169.254.20.10"],
										 "cpuManagerPolicy": "static", "featureGates": {"SomeGate": true},
										 "memoryThrottlingFactor": 0.9, "staticPodURLHeader": {"X-A": ["b", "c"]},
										 "logging": {"format": "json", "verbosity": 2, "vmodule": [{"filePattern": "kubelet*", "verbosity": 4}],
										             "options": {"json": {"infoBufferSize": "0"}}},
										 "shutdownGracePeriodByPodPriority": [{"priority": 100000, "shutdownGracePeriodSeconds": 30}],
										 "reservedMemory": [{"numaNode": 0, "limits": {"memory": "1Gi"}}],
										 "registerWithTaints": [{"key": "example.com/new", "effect": "NoSchedule"}],
										 "tracing": {"endpoint": "localhost:4317", "samplingRatePerMillion": 100}}
										""")),
				refused("an unknown kubelet field is refused", base().setJson("/kubelet", "{\"maxpods\": 110}"),
						"/kubelet/maxpods"),
				refused("an unknown field inside a kubelet object is refused",
						base().setJson("/kubelet", "{\"logging\": {\"level\": 2}}"), "/kubelet/logging/level"),
				refused("an unknown field in a kubelet list entry is refused",
						base().setJson("/kubelet", "{\"reservedMemory\": [{\"numa\": 0}]}"),
						"/kubelet/reservedMemory/0/numa"),
				refused("the kubelet's cgroupDriver, which Stoker sets, is refused",
						base().setJson("/kubelet", "{\"cgroupDriver\": \"cgroupfs\"}"), "/kubelet/cgroupDriver"),
				refused("the kubelet's volumePluginDir, which Stoker passes as a flag, is refused",
						base().setJson("/kubelet", "{\"volumePluginDir\": \"/opt/plugins\"}"),
						"/kubelet/volumePluginDir"),
				refused("the kubelet's staticPodPath, which kubeadm sets, is refused",
						base().setJson("/kubelet", "{\"staticPodPath\": \"/etc/manifests\"}"),
						"/kubelet/staticPodPath"),
				refused("the kubelet's authentication and authorization, which kubeadm sets, are refused",
						base().setJson("/kubelet", "{\"authentication\": {}, \"authorization\": {}}"),
						"/kubelet/authentication", "/kubelet/authorization"),
				refused("the kubelet's clusterDomain, which kubeadm takes from networking.dnsDomain, is refused",
						base().setJson("/kubelet", "{\"clusterDomain\": \"example.local\"}"), "/kubelet/clusterDomain"),
				refused("the kubelet's providerID, which names one machine, is refused",
						base().setJson("/kubelet", "{\"providerID\": \"aws:///i-1\"}"), "/kubelet/providerID"),
				refused("apiVersion and kind in the kubelet settings are refused",
						base().setJson("/kubelet", "{\"apiVersion\": \"v1\", \"kind\": \"KubeletConfiguration\"}"),
						"/kubelet/apiVersion", "/kubelet/kind"),
				refused("a kubelet field newer than the cluster's kubelet is refused",
						base().setJson("/kubelet", "{\"podLogsDir\": \"/var/log/pods\"}")
							.set("/kubernetesVersion", "v1.29.4")
							.set("/kubeadmApiVersion", "v1beta3"),
						"/kubelet/podLogsDir"),
				refused("a kubelet reservation written as a number is refused: the kubelet wants a string",
						base().setJson("/kubelet", "{\"systemReserved\": {\"cpu\": 1}}"),
						"/kubelet/systemReserved/cpu"),
				refused("a kubelet reservation that is no quantity is refused",
						base().setJson("/kubelet", "{\"kubeReserved\": {\"memory\": \"1 GB\"}}"),
						"/kubelet/kubeReserved/memory"),
				refused("an eviction threshold that is neither quantity nor percentage is refused",
						base().setJson("/kubelet", "{\"evictionHard\": {\"memory.available\": \"ten%\"}}"),
						"/kubelet/evictionHard/memory.available"),
				refused("a kubelet duration without a unit is refused",
						base().setJson("/kubelet", "{\"shutdownGracePeriod\": \"60\"}"),
						"/kubelet/shutdownGracePeriod"),
				refused("a kubelet duration written as a number is refused",
						base().setJson("/kubelet", "{\"syncFrequency\": 60}"), "/kubelet/syncFrequency"),
				refused("a kubelet int32 beyond its range is refused",
						base().setJson("/kubelet", "{\"maxPods\": 2147483648}"), "/kubelet/maxPods"),
				refused("a kubelet int32 written as a string is refused",
						base().setJson("/kubelet", "{\"maxPods\": \"110\"}"), "/kubelet/maxPods"),
				refused("a kubelet boolean written as a string is refused",
						base().setJson("/kubelet", "{\"serverTLSBootstrap\": \"true\"}"),
						"/kubelet/serverTLSBootstrap"),
				refused("a kubelet value outside its enumeration is refused",
						base().setJson("/kubelet", "{\"cpuManagerPolicy\": \"Static\"}"), "/kubelet/cpuManagerPolicy"),
				refused("a negative verbosity (uint32) is refused",
						base().setJson("/kubelet", "{\"logging\": {\"verbosity\": -1}}"), "/kubelet/logging/verbosity"),
				refused("a kubelet list given as a string is refused",
						base().setJson("/kubelet", "{\"clusterDNS\": \"169.254.20.10\"}"), "/kubelet/clusterDNS"),
				refused("a kubelet object given as a list is refused", base().setJson("/kubelet", "{\"tracing\": []}"),
						"/kubelet/tracing"),
				refused("a kubelet field of null is refused", base().setJson("/kubelet", "{\"maxPods\": null}"),
						"/kubelet/maxPods"),
				refused("a $ in a cluster kubelet string is refused: the node substitutes the kubeadm config",
						base().setJson("/kubelet", "{\"resolvConf\": \"$COREOS_EC2_IPV4_LOCAL\"}"),
						"/kubelet/resolvConf"),
				refused("a line break in a kubelet string is refused",
						base().setJson("/kubelet", "{\"resolvConf\": \"/etc/a\\nb: c\"}"), "/kubelet/resolvConf"),
				refused("every kubelet problem is reported at once",
						base().setJson("/kubelet", "{\"maxPods\": \"x\", \"cgroupDriver\": \"systemd\", \"nope\": 1}"),
						"/kubelet/maxPods", "/kubelet/cgroupDriver", "/kubelet/nope"));
	}

	private static Stream<ValidationCase> groupKubelet() {
		return Stream.of(
				accepted("a group's own kubelet fields and flags are accepted",
						base()
							.setJson("/nodeGroups/2/kubelet",
									"{\"maxPods\": 250, \"evictionHard\": {\"memory.available\": \"1Gi\"}}")
							.setJson("/nodeGroups/2/kubeletExtraArgs",
									"{\"image-credential-provider-config\": \"/etc/cp.yaml\"}")),
				accepted("a $ in a group's kubelet string, which lands in a patch file no envsubst reads, is accepted",
						base().setJson("/nodeGroups/2/kubelet", "{\"resolvConf\": \"/etc/resolv$.conf\"}")),
				refused("a group's unknown kubelet field is refused",
						base().setJson("/nodeGroups/2/kubelet", "{\"max-pods\": 250}"),
						"/nodeGroups/2/kubelet/max-pods"),
				refused("a group's cgroupDriver is refused",
						base().setJson("/nodeGroups/2/kubelet", "{\"cgroupDriver\": \"systemd\"}"),
						"/nodeGroups/2/kubelet/cgroupDriver"),
				refused("a group's kubelet fields before v1.25, whose kubeadm applies no kubelet patch, are refused",
						base().setJson("/nodeGroups/2/kubelet", "{\"maxPods\": 250}")
							.set("/kubernetesVersion", "v1.24.17")
							.set("/kubeadmApiVersion", "v1beta3")
							.set("/install", "binaries")
							.set("/cloudProvider", "none"),
						"/nodeGroups/2/kubelet"),
				refused("the kubelet flags Stoker writes are refused in a group's kubeletExtraArgs", base().setJson(
						"/nodeGroups/2/kubeletExtraArgs",
						"{\"node-ip\": \"10.0.0.1\", \"node-labels\": \"a=b\", \"cloud-provider\": \"external\", "
								+ "\"volume-plugin-dir\": \"/opt/p\", \"config\": \"/etc/k.yaml\"}"),
						"/nodeGroups/2/kubeletExtraArgs/node-ip", "/nodeGroups/2/kubeletExtraArgs/node-labels",
						"/nodeGroups/2/kubeletExtraArgs/cloud-provider",
						"/nodeGroups/2/kubeletExtraArgs/volume-plugin-dir", "/nodeGroups/2/kubeletExtraArgs/config"),
				refused("a kubelet flag with dashes or a $ in a group is refused",
						base().setJson("/nodeGroups/2/kubeletExtraArgs", "{\"--max-pods\": \"1\", \"v\": \"$X\"}"),
						"/nodeGroups/2/kubeletExtraArgs/--max-pods", "/nodeGroups/2/kubeletExtraArgs/v"));
	}

	private static Stream<ValidationCase> kubeadmOptions() {
		return Stream.of(accepted(
				"scheduler and etcd flags, etcd's data directory, extra volumes, feature gates and an image"
						+ " repository are accepted",
				base().setJson("/scheduler", "{\"extraArgs\": {\"profiling\": \"false\"}}")
					.setJson("/etcd",
							"{\"local\": {\"dataDir\": \"/var/lib/etcd-data\", \"extraArgs\": {\"quota-backend-bytes\": \"8589934592\"}}}")
					.setJson("/apiServer/extraVolumes",
							"[{\"name\": \"audit\", \"hostPath\": \"/var/log/kubernetes\","
									+ " \"mountPath\": \"/var/log/kubernetes\", \"pathType\": \"DirectoryOrCreate\"}]")
					.setJson("/controllerManager/extraVolumes",
							"[{\"name\": \"ca-trust\", \"hostPath\": \"/usr/share/ca-certificates\","
									+ " \"mountPath\": \"/usr/share/ca-certificates\", \"readOnly\": true, \"pathType\": \"Directory\"}]")
					.setJson("/featureGates", "{\"ControlPlaneKubeletLocalMode\": true}")
					.set("/imageRepository", "registry.example.com:5000/k8s")),
				accepted("kube-proxy's nftables mode from v1.31 is accepted",
						base().set("/networking/skipKubeProxy", false).set("/kubeProxy", Map.of("mode", "nftables"))),
				refused("kube-proxy's nftables mode before v1.31 is refused",
						base().set("/networking/skipKubeProxy", false)
							.set("/kubeProxy", Map.of("mode", "nftables"))
							.set("/kubernetesVersion", "v1.30.14")
							.set("/kubeadmApiVersion", "v1beta3"),
						"/kubeProxy/mode"),
				refused("a kube-proxy mode with kube-proxy skipped is refused",
						base().set("/kubeProxy", Map.of("mode", "ipvs")), "/kubeProxy/mode"),
				refused("a kube-proxy mode kube-proxy does not have on Linux is refused",
						base().set("/networking/skipKubeProxy", false).set("/kubeProxy", Map.of("mode", "kernelspace")),
						"/kubeProxy/mode"),
				refused("a writable or created host path under /usr is refused: /usr is read-only on Flatcar",
						base().setJson("/apiServer/extraVolumes",
								"[{\"name\": \"plugins\", \"hostPath\": \"/usr/libexec/x\","
										+ " \"mountPath\": \"/x\", \"pathType\": \"DirectoryOrCreate\"}]"),
						"/apiServer/extraVolumes/0/pathType", "/apiServer/extraVolumes/0/readOnly"),
				refused("an extra volume without a name, host path or mount path is refused",
						base().setJson("/controllerManager/extraVolumes", "[{\"readOnly\": true}]"),
						"/controllerManager/extraVolumes/0/name", "/controllerManager/extraVolumes/0/hostPath",
						"/controllerManager/extraVolumes/0/mountPath"),
				refused("extra volumes with relative paths, a repeated name or a name that is no DNS label are refused",
						base().setJson("/apiServer/extraVolumes",
								"[{\"name\": \"a\", \"hostPath\": \"var/log\", \"mountPath\": \"/a\"},"
										+ " {\"name\": \"a\", \"hostPath\": \"/b\", \"mountPath\": \"/b/../c\"},"
										+ " {\"name\": \"Audit_Log\", \"hostPath\": \"/c\", \"mountPath\": \"/c\"}]"),
						"/apiServer/extraVolumes/0/hostPath", "/apiServer/extraVolumes/1/name",
						"/apiServer/extraVolumes/1/mountPath", "/apiServer/extraVolumes/2/name"),
				refused("an extra volume's unknown pathType is refused",
						base().setJson("/apiServer/extraVolumes",
								"[{\"name\": \"a\", \"hostPath\": \"/a\", \"mountPath\": \"/a\","
										+ " \"pathType\": \"directory\"}]"),
						"/apiServer/extraVolumes/0/pathType"),
				refused("etcd's data directory under /usr is refused",
						base().setJson("/etcd", "{\"local\": {\"dataDir\": \"/usr/etcd\"}}"), "/etcd/local/dataDir"),
				refused("etcd's data directory that is no absolute path is refused",
						base().setJson("/etcd", "{\"local\": {\"dataDir\": \"var/lib/etcd\"}}"), "/etcd/local/dataDir"),
				refused("scheduler and etcd flags with dashes are refused",
						base().setJson("/scheduler", "{\"extraArgs\": {\"--v\": \"2\"}}")
							.setJson("/etcd", "{\"local\": {\"extraArgs\": {\"--snapshot-count\": \"1\"}}}"),
						"/scheduler/extraArgs/--v", "/etcd/local/extraArgs/--snapshot-count"),
				refused("a feature gate name that is no Go identifier is refused, as is a gate that is no boolean",
						base().setJson("/featureGates",
								"{\"control-plane-local\": true, \"EtcdLearnerMode\": \"yes\"}"),
						"/featureGates/control-plane-local", "/featureGates/EtcdLearnerMode"),
				refused("an image repository with a scheme or upper case is refused",
						base().set("/imageRepository", "https://Registry.example.com/k8s"), "/imageRepository"),
				refused("an unknown field of etcd.local is refused",
						base().setJson("/etcd", "{\"local\": {\"imageTag\": \"3.5\"}}"), "/etcd/local/imageTag"));
	}

	private static Stream<ValidationCase> name() {
		return Stream.of(accepted("the example definition of the design document is accepted", base()),
				accepted("a cluster name of 63 characters is accepted", base().set("/name", "c".repeat(63))),
				accepted("a one-letter cluster name is accepted", base().set("/name", "c")),
				accepted("a cluster name starting with a digit is accepted", base().set("/name", "1st-cluster")),
				refused("a cluster name with upper-case letters is refused", base().set("/name", "Prod-Use1"), "/name"),
				refused("a cluster name of 64 characters is refused", base().set("/name", "c".repeat(64)), "/name"),
				refused("a cluster name ending in a dash is refused", base().set("/name", "prod-"), "/name"),
				refused("a cluster name with a dot is refused", base().set("/name", "prod.use1"), "/name"),
				refused("a cluster name with an underscore is refused", base().set("/name", "prod_use1"), "/name"),
				refused("an empty cluster name is refused", base().set("/name", ""), "/name"),
				refused("a definition without a name is refused", base().remove("/name"), "/name"),
				refused("a cluster name of null is refused", base().set("/name", null), "/name"));
	}

	private static Stream<ValidationCase> versions() {
		return Stream.of(accepted(
				"Kubernetes v1.22.0, the first release that reads kubeadm's v1beta3, with install binaries is accepted",
				base().set("/kubernetesVersion", "v1.22.0")
					.remove("/kubeadmApiVersion")
					.set("/cloudProvider", "none")
					.set("/install", "binaries")),
				accepted(
						"Kubernetes v1.27.0, the oldest minor in Flatcar's sysext bakery, with install sysext is accepted",
						base().set("/kubernetesVersion", "v1.27.0")
							.remove("/kubeadmApiVersion")
							.set("/cloudProvider", "none")),
				accepted("Kubernetes v1.99.0, a minor newer than Stoker knows, is accepted",
						base().set("/kubernetesVersion", "v1.99.0")),
				accepted("Kubernetes v1.33.99, a patch release that may not exist, is accepted",
						base().set("/kubernetesVersion", "v1.33.99")),
				accepted("patchUpdates true with install sysext is accepted", base().set("/patchUpdates", true)),
				refused("patchUpdates true with install binaries is refused",
						base().set("/patchUpdates", true).set("/install", "binaries"), "/patchUpdates"),
				refused("Kubernetes v2.0.0 is refused: there is no such major release",
						base().set("/kubernetesVersion", "v2.0.0"), "/kubernetesVersion"),
				refused("Kubernetes v0.33.2 is refused", base().set("/kubernetesVersion", "v0.33.2"),
						"/kubernetesVersion"),
				refused("Kubernetes v1.26.15 with install sysext is refused: the bakery has no image of it",
						base().set("/kubernetesVersion", "v1.26.15")
							.remove("/kubeadmApiVersion")
							.set("/cloudProvider", "none"),
						"/kubernetesVersion"),
				refused("Kubernetes v1.26.15 without install, which defaults to sysext, is refused",
						base().set("/kubernetesVersion", "v1.26.15")
							.remove("/kubeadmApiVersion")
							.remove("/install")
							.set("/cloudProvider", "none"),
						"/kubernetesVersion"),
				accepted("Kubernetes v1.30.14 with kubeadmApiVersion v1beta3 is accepted",
						base().set("/kubernetesVersion", "v1.30.14").set("/kubeadmApiVersion", "v1beta3")),
				accepted("Kubernetes v1.31.0 with kubeadmApiVersion v1beta4 is accepted",
						base().set("/kubernetesVersion", "v1.31.0").set("/kubeadmApiVersion", "v1beta4")),
				accepted("Kubernetes v1.33.2 with the older kubeadmApiVersion v1beta3 is accepted",
						base().set("/kubeadmApiVersion", "v1beta3")),
				accepted("Kubernetes v1.36.9 with kubeadmApiVersion v1beta3 is accepted",
						base().set("/kubernetesVersion", "v1.36.9").set("/kubeadmApiVersion", "v1beta3")),
				accepted("Kubernetes v1.37.0 without kubeadmApiVersion is accepted",
						base().set("/kubernetesVersion", "v1.37.0").remove("/kubeadmApiVersion")),
				refused("a Kubernetes version without the leading v is refused",
						base().set("/kubernetesVersion", "1.33.2"), "/kubernetesVersion"),
				refused("a Kubernetes version without a patch number is refused",
						base().set("/kubernetesVersion", "v1.33"), "/kubernetesVersion"),
				refused("a pre-release Kubernetes version is refused", base().set("/kubernetesVersion", "v1.34.0-rc.1"),
						"/kubernetesVersion"),
				refused("a Kubernetes version with a leading zero is refused",
						base().set("/kubernetesVersion", "v1.033.2"), "/kubernetesVersion"),
				refused("an empty Kubernetes version is refused", base().set("/kubernetesVersion", ""),
						"/kubernetesVersion"),
				refused("Kubernetes v1.21.14, older than kubeadm's v1beta3, is refused",
						base().set("/kubernetesVersion", "v1.21.14").remove("/kubeadmApiVersion"),
						"/kubernetesVersion"),
				refused("a Kubernetes release too old for Stoker is not also reported as a kubeadmApiVersion mismatch",
						base().set("/kubernetesVersion", "v1.21.0"), "/kubernetesVersion"),
				refused("a definition without kubernetesVersion is refused", base().remove("/kubernetesVersion"),
						"/kubernetesVersion"),
				refused("kubeadmApiVersion v1beta4 with Kubernetes v1.30.14 is refused",
						base().set("/kubernetesVersion", "v1.30.14"), "/kubeadmApiVersion"),
				refused("kubeadmApiVersion v1beta3 with Kubernetes v1.37.0 is refused",
						base().set("/kubernetesVersion", "v1.37.0").set("/kubeadmApiVersion", "v1beta3"),
						"/kubeadmApiVersion"),
				refused("an unknown kubeadmApiVersion is refused", base().set("/kubeadmApiVersion", "v1beta2"),
						"/kubeadmApiVersion"),
				refused("a kubeadmApiVersion with its group is refused",
						base().set("/kubeadmApiVersion", "kubeadm.k8s.io/v1beta4"), "/kubeadmApiVersion"));
	}

	/**
	 * The enumerations: platform, install, architecture, butaneVersion, cloudProvider.
	 */
	private static Stream<ValidationCase> choices() {
		return Stream.of(
				accepted("a dual-stack cluster on digitalocean is accepted", base().set("/platform", "digitalocean")),
				accepted("a dual-stack cluster on packet is accepted", base().set("/platform", "packet")),
				accepted("a dual-stack cluster on proxmoxve is accepted", base().set("/platform", "proxmoxve")),
				accepted("a dual-stack cluster on scaleway is accepted", base().set("/platform", "scaleway")),
				accepted("a dual-stack cluster on the custom platform is accepted", base().set("/platform", "custom")),
				refused("an unknown platform is refused", base().set("/platform", "ec2"), "/platform"),
				refused("a platform in upper case is refused", base().set("/platform", "AWS"), "/platform"),
				refused("a definition without a platform is refused", base().remove("/platform"), "/platform"),
				accepted("install binaries is accepted", base().set("/install", "binaries")),
				refused("an unknown install method is refused", base().set("/install", "rpm"), "/install"),
				accepted("architecture arm64 is accepted", base().set("/architecture", "arm64")),
				refused("the architecture amd64, which Flatcar calls x86-64, is refused",
						base().set("/architecture", "amd64"), "/architecture"),
				accepted("butaneVersion 1.1.0 is accepted", base().set("/butaneVersion", "1.1.0")),
				refused("an unknown butaneVersion is refused", base().set("/butaneVersion", "2.0.0"), "/butaneVersion"),
				accepted("cloudProvider none is accepted", base().set("/cloudProvider", "none")),
				refused("cloudProvider external in a dual-stack cluster on Kubernetes v1.28 is refused: its kubelet"
						+ " refuses a dual-stack node-ip with a cloud provider",
						base().set("/kubernetesVersion", "v1.28.15").remove("/kubeadmApiVersion"), "/cloudProvider"),
				accepted("cloudProvider external in a dual-stack cluster on Kubernetes v1.29.0 is accepted",
						base().set("/kubernetesVersion", "v1.29.0").remove("/kubeadmApiVersion")),
				accepted("cloudProvider external in an IPv4-only cluster on Kubernetes v1.28 is accepted",
						base().set("/kubernetesVersion", "v1.28.15")
							.remove("/kubeadmApiVersion")
							.set("/networking/podSubnets", IPV4_PODS)
							.set("/networking/serviceSubnets", IPV4_SERVICES)),
				accepted("a dual-stack cluster on Kubernetes v1.28 without a cloud provider is accepted",
						base().set("/kubernetesVersion", "v1.28.15")
							.remove("/kubeadmApiVersion")
							.set("/cloudProvider", "none")),
				refused("a cloudProvider naming a cloud is refused", base().set("/cloudProvider", "aws"),
						"/cloudProvider"),
				accepted("explicit nulls for optional fields are accepted",
						base().set("/kubeadmApiVersion", null)
							.set("/install", null)
							.set("/architecture", null)
							.set("/butaneVersion", null)
							.set("/cloudProvider", null)
							.set("/volumePluginDir", null)
							.set("/apiServer", null)
							.set("/ssh", null)
							.set("/nodeGroups", null)
							.set("/nodes", null)),
				accepted("a definition with only the required fields is accepted", requiredFieldsOnly()));
	}

	private static Stream<ValidationCase> endpoint() {
		String host = "/controlPlaneEndpoint/host";
		String port = "/controlPlaneEndpoint/port";
		return Stream.of(
				accepted("an IPv4 address as controlPlaneEndpoint host is accepted", base().set(host, "10.0.0.10")),
				accepted("an IPv6 address as controlPlaneEndpoint host is accepted", base().set(host, "fd00:1::10")),
				accepted("a single-label controlPlaneEndpoint host is accepted", base().set(host, "k8s")),
				accepted("controlPlaneEndpoint port 1 is accepted", base().set(port, 1)),
				accepted("controlPlaneEndpoint port 65535 is accepted", base().set(port, 65535)),
				accepted("a controlPlaneEndpoint without a port is accepted", base().remove(port)),
				refused("a controlPlaneEndpoint host with an underscore is refused",
						base().set(host, "k8s_int.example"), host),
				refused("a controlPlaneEndpoint host with upper-case letters is refused",
						base().set(host, "K8s.Example.internal"), host),
				refused("a controlPlaneEndpoint host with the port in it is refused",
						base().set(host, "k8s-int.example.internal:6443"), host),
				refused("a bracketed IPv6 controlPlaneEndpoint host is refused", base().set(host, "[fd00:1::10]"),
						host),
				refused("a wildcard controlPlaneEndpoint host is refused", base().set(host, "*.example.internal"),
						host),
				refused("an IPv6 controlPlaneEndpoint host with a zone id is refused",
						base().set(host, "fe80::10%eth0"), host),
				refused("a controlPlaneEndpoint host with an octet above 255 is refused",
						base().set(host, "10.0.0.256"), host),
				refused("a controlPlaneEndpoint host with a leading zero in an octet is refused",
						base().set(host, "010.0.0.10"), host),
				refused("an empty controlPlaneEndpoint host is refused", base().set(host, ""), host),
				refused("controlPlaneEndpoint port 0 is refused", base().set(port, 0), port),
				refused("controlPlaneEndpoint port 65536 is refused", base().set(port, 65536), port),
				refused("a negative controlPlaneEndpoint port is refused", base().set(port, -1), port),
				refused("a definition without controlPlaneEndpoint is refused", base().remove("/controlPlaneEndpoint"),
						"/controlPlaneEndpoint"),
				refused("a controlPlaneEndpoint without a host is refused", base().remove(host), host));
	}

	private static Stream<ValidationCase> certSans() {
		String next = "/apiServer/certSANs/1";
		return Stream.of(accepted("a wildcard certSAN is accepted", base().set(next, "*.k8s.example.com")),
				accepted("an IPv4 certSAN is accepted", base().set(next, "203.0.113.10")),
				accepted("an IPv6 certSAN is accepted", base().set(next, "2001:db8::10")),
				accepted("an empty certSANs list is accepted", base().set("/apiServer/certSANs", List.of())),
				refused("a certSAN with a wildcard inside the name is refused", base().set(next, "k8s.*.example.com"),
						next),
				refused("a certSAN of a bare wildcard is refused", base().set(next, "*"), next),
				refused("a certSAN with upper-case letters is refused", base().set(next, "K8s.Example.com"), next),
				refused("a certSAN that is a URL is refused", base().set(next, "https://k8s.example.com"), next),
				refused("a certSAN that is a CIDR range is refused", base().set(next, "10.0.0.0/8"), next),
				refused("a certSAN with a trailing dot is refused", base().set(next, "k8s.example.com."), next),
				refused("a certSAN with an octet above 255 is refused", base().set(next, "203.0.113.256"), next));
	}

	private static Stream<ValidationCase> extraArgs() {
		String api = "/apiServer/extraArgs";
		return Stream.of(
				accepted("apiServer extraArgs with flag names and values are accepted",
						base().set(api,
								Map.of("audit-log-path", "/var/log/kubernetes/audit.log", "feature-gates",
										"A=true,B=false"))),
				accepted("controllerManager extraArgs are accepted",
						base().set("/controllerManager/extraArgs", Map.of("terminated-pod-gc-threshold", "100"))),
				accepted("an extraArgs value with quotes, percent signs and YAML syntax is accepted",
						base().set(api, Map.of("oidc-username-prefix", "'oidc:' \"x\" #y - {a: b} %z"))),
				refused("an extraArgs value with a Unicode line separator is refused, since YAML 1.1 reads it as a line break",
						base().set(api, Map.of("oidc-username-prefix", "a\u2028b")), api + "/oidc-username-prefix"),
				refused("an extraArgs value with a C1 control character (NEL) is refused",
						base().set(api, Map.of("oidc-username-prefix", "a\u0085b")), api + "/oidc-username-prefix"),
				refused("an extraArgs value with a $ is refused, since the node runs its kubeadm config through envsubst",
						base().set(api, Map.of("oidc-username-prefix", "$COREOS_EC2_IPV6")),
						api + "/oidc-username-prefix"),
				refused("a controllerManager extraArgs value with ${...} is refused",
						base().set("/controllerManager/extraArgs", Map.of("v", "${COREOS_EC2_IPV4_LOCAL}")),
						"/controllerManager/extraArgs/v"),
				accepted("an empty extraArgs value is accepted", base().set(api, Map.of("oidc-username-prefix", ""))),
				refused("an extraArgs flag name with leading dashes is refused", base().set(api, Map.of("--v", "4")),
						api + "/--v"),
				refused("an extraArgs flag name with upper-case letters is refused",
						base().set(api, Map.of("Audit-Log-Path", "/x")), api + "/Audit-Log-Path"),
				refused("an extraArgs flag name with its value after '=' is refused",
						base().set(api, Map.of("v=4", "")), api + "/v=4"),
				refused("an extraArgs flag name with a slash is refused, pointed at with ~1",
						base().set(api, Map.of("a/b", "c")), api + "/a~1b"),
				refused("an empty extraArgs flag name is refused", base().set(api, Map.of("", "c")), api + "/"),
				refused("an extraArgs value with a line break is refused",
						base().set(api, Map.of("v", "4\n--anonymous-auth=true")), api + "/v"),
				refused("a controllerManager extraArgs value with a tab is refused",
						base().set("/controllerManager/extraArgs", Map.of("v", "4\t")),
						"/controllerManager/extraArgs/v"),
				refused("an extraArgs value with a DEL character is refused", base().set(api, Map.of("v", "4\u007f")),
						api + "/v"),
				refused("an extraArgs value of null is refused", base().setJson(api, "{\"v\": null}"), api + "/v"));
	}

	private static Stream<ValidationCase> subnets() {
		String pods = "/networking/podSubnets";
		String services = "/networking/serviceSubnets";
		return Stream.of(
				accepted("an IPv4-only cluster is accepted", base().set(pods, IPV4_PODS).set(services, IPV4_SERVICES)),
				accepted("an IPv6-only cluster is accepted", base().set(pods, IPV6_PODS).set(services, IPV6_SERVICES)),
				accepted("an IPv6-first dual-stack cluster is accepted",
						base().set(pods, List.of("fd00:10:244::/56", "10.244.0.0/16"))
							.set(services, List.of("fd00:10:96::/112", "10.96.0.0/16"))),
				accepted("dnsDomain corp.example is accepted", base().set("/networking/dnsDomain", "corp.example")),
				accepted("skipKubeProxy false is accepted", base().set("/networking/skipKubeProxy", false)),
				refused("an empty podSubnets list is refused", base().set(pods, List.of()), pods),
				refused("three podSubnets are refused",
						base().set(pods, List.of("10.244.0.0/16", "fd00:10:244::/56", "10.245.0.0/16")), pods),
				refused("two IPv4 podSubnets are refused", base().set(pods, List.of("10.244.0.0/16", "10.245.0.0/16")),
						pods + "/1"),
				refused("two IPv6 serviceSubnets are refused",
						base().set(services, List.of("fd00:10:96::/112", "fd00:10:97::/112")), services + "/1"),
				refused("serviceSubnets in the other family order than podSubnets are refused",
						base().set(services, List.of("fd00:10:96::/112", "10.96.0.0/16")), services + "/0",
						services + "/1"),
				refused("one serviceSubnet for a dual-stack cluster is refused", base().set(services, IPV4_SERVICES),
						services),
				refused("two serviceSubnets for a single-stack cluster are refused", base().set(pods, IPV4_PODS),
						services),
				refused("a service range inside the pod range is refused",
						base().set(services, List.of("10.244.128.0/20", "fd00:10:96::/112")), services + "/0"),
				refused("a pod range containing the service range is refused",
						base().set(pods, List.of("10.0.0.0/8", "fd00:10:244::/56")), services + "/0"),
				refused("an IPv6 service range inside the IPv6 pod range is refused",
						base().set(services, List.of("10.96.0.0/16", "fd00:10:244::/112")), services + "/1"),
				refused("a pod range with host bits set is refused",
						base().set(pods, List.of("10.244.0.1/16", "fd00:10:244::/56")), pods + "/0"),
				refused("an IPv6 service range with host bits set is refused",
						base().set(services, List.of("10.96.0.0/16", "fd00:10:96::1/112")), services + "/1"),
				refused("a pod range without a prefix length is refused",
						base().set(pods, List.of("10.244.0.0", "fd00:10:244::/56")), pods + "/0"),
				refused("a pod range named by a host name is refused",
						base().set(pods, List.of("pods.example/16", "fd00:10:244::/56")), pods + "/0"),
				refused("a prefix length above 32 for IPv4 is refused",
						base().set(pods, List.of("10.244.0.0/33", "fd00:10:244::/56")), pods + "/0"),
				refused("a prefix length with a leading zero is refused",
						base().set(pods, List.of("10.244.0.0/016", "fd00:10:244::/56")), pods + "/0"),
				refused("a definition without podSubnets is refused", base().remove(pods), pods),
				refused("a definition without serviceSubnets is refused", base().remove(services), services),
				refused("a definition without networking is refused", base().remove("/networking"), "/networking"),
				refused("a dnsDomain with upper-case letters is refused",
						base().set("/networking/dnsDomain", "Cluster.Local"), "/networking/dnsDomain"),
				refused("a dnsDomain with a trailing dot is refused",
						base().set("/networking/dnsDomain", "cluster.local."), "/networking/dnsDomain"),
				refused("a dnsDomain with an underscore is refused",
						base().set("/networking/dnsDomain", "cluster_local"), "/networking/dnsDomain"),
				refused("an empty dnsDomain is refused", base().set("/networking/dnsDomain", ""),
						"/networking/dnsDomain"));
	}

	/**
	 * The range sizes kube-apiserver and kube-controller-manager accept, at both ends.
	 */
	private static Stream<ValidationCase> subnetSizes() {
		String pods = "/networking/podSubnets";
		String services = "/networking/serviceSubnets";
		return Stream.of(
				accepted("an IPv4 pod range of /8 is accepted",
						base().set(pods, List.of("10.0.0.0/8", "fd00:10:244::/56"))
							.set(services, List.of("172.16.0.0/16", "fd00:10:96::/112"))),
				accepted("an IPv4 pod range of /24 is accepted",
						base().set(pods, List.of("10.244.0.0/24", "fd00:10:244::/56"))),
				accepted("an IPv6 pod range of /48 is accepted",
						base().set(pods, List.of("10.244.0.0/16", "fd00:10:244::/48"))),
				accepted("an IPv6 pod range of /64 is accepted",
						base().set(pods, List.of("10.244.0.0/16", "fd00:10:244::/64"))),
				accepted("an IPv4 service range of /12 is accepted",
						base().set(services, List.of("10.96.0.0/12", "fd00:10:96::/112"))),
				accepted("an IPv4 service range of /28 is accepted",
						base().set(services, List.of("10.96.0.0/28", "fd00:10:96::/112"))),
				accepted("an IPv6 service range of /108 is accepted",
						base().set(services, List.of("10.96.0.0/16", "fd00:10:96::/108"))),
				accepted("an IPv6 service range of /124 is accepted",
						base().set(services, List.of("10.96.0.0/16", "fd00:10:96::/124"))),
				refused("an IPv4 pod range of /7 is refused",
						base().set(pods, List.of("12.0.0.0/7", "fd00:10:244::/56")), pods + "/0"),
				refused("an IPv4 pod range of /25 is refused",
						base().set(pods, List.of("10.244.0.0/25", "fd00:10:244::/56")), pods + "/0"),
				refused("an IPv6 pod range of /47 is refused",
						base().set(pods, List.of("10.244.0.0/16", "fd00:10::/47")), pods + "/1"),
				refused("an IPv6 pod range of /65 is refused",
						base().set(pods, List.of("10.244.0.0/16", "fd00:10:244::/65")), pods + "/1"),
				refused("an IPv4 service range of /11 is refused",
						base().set(services, List.of("10.96.0.0/11", "fd00:10:96::/112")), services + "/0"),
				refused("an IPv4 service range of /29 is refused",
						base().set(services, List.of("10.96.0.0/29", "fd00:10:96::/112")), services + "/0"),
				refused("an IPv6 service range of /107 is refused",
						base().set(services, List.of("10.96.0.0/16", "fd00:10:96::/107")), services + "/1"),
				refused("an IPv6 service range of /125 is refused",
						base().set(services, List.of("10.96.0.0/16", "fd00:10:96::/125")), services + "/1"));
	}

	/**
	 * Where nodes learn their addresses: Afterburn's metadata, the node's interfaces, or
	 * static nodes entries; by default whatever the platform allows.
	 */
	private static Stream<ValidationCase> addressSources() {
		List<Map<String, String>> nodes = List.of(node("cp-1", "bootstrap", "10.100.0.2", "fd00:1:2:3::2"));
		String source = "/networking/addressSource";
		String subnets = "/networking/nodeSubnets";
		return Stream.of(
				accepted("a dual-stack cluster on azure, with IPv6 from the interfaces, is accepted",
						base().set("/platform", "azure")),
				accepted("a dual-stack cluster on gcp is accepted", base().set("/platform", "gcp")),
				accepted("a dual-stack cluster on openstack is accepted", base().set("/platform", "openstack")),
				accepted("an IPv6-only cluster on gcp is accepted", ipv6Only().set("/platform", "gcp")),
				accepted("a dual-stack cluster on hetzner, while Flatcar's Afterburn has no Hetzner IPv6, is accepted",
						base().set("/platform", "hetzner")),
				accepted("an IPv4-only cluster on kubevirt is accepted", ipv4Only().set("/platform", "kubevirt")),
				accepted("an IPv4-only cluster on vultr is accepted", ipv4Only().set("/platform", "vultr")),
				accepted("an IPv4-only cluster on akamai is accepted", ipv4Only().set("/platform", "akamai")),
				accepted("a metal cluster without nodes is accepted", base().set("/platform", "metal")),
				accepted("a metal cluster with an empty nodes list is accepted",
						base().set("/platform", "metal").set("/nodes", List.of())),
				accepted("a metal cluster with its machines under nodes is accepted",
						base().set("/platform", "metal").set("/nodes", nodes)),
				accepted("a dual-stack cluster on azure with its machines under nodes is accepted",
						base().set("/platform", "azure").set("/nodes", nodes)),
				accepted("addressSource interfaces on aws is accepted", base().set(source, "interfaces")),
				accepted("addressSource mixed on aws is accepted", base().set(source, "mixed")),
				accepted("addressSource nodes with machines under nodes is accepted",
						base().set("/platform", "azure").set(source, "nodes").set("/nodes", nodes)),
				refused("addressSource afterburn on a dual-stack azure cluster is refused",
						base().set("/platform", "azure").set(source, "afterburn"), source),
				refused("addressSource afterburn on an IPv6-only gcp cluster is refused",
						ipv6Only().set("/platform", "gcp").set(source, "afterburn"), source),
				refused("addressSource afterburn on hetzner is refused while Flatcar's Afterburn has no Hetzner IPv6",
						base().set("/platform", "hetzner").set(source, "afterburn"), source),
				refused("addressSource afterburn on kubevirt is refused once per missing family",
						base().set("/platform", "kubevirt").set(source, "afterburn"), source, source),
				refused("addressSource afterburn on vultr, whose Afterburn data has no address, is refused",
						ipv4Only().set("/platform", "vultr").set(source, "afterburn"), source),
				refused("addressSource afterburn on akamai, whose Afterburn addresses carry a prefix length, is refused",
						ipv4Only().set("/platform", "akamai").set(source, "afterburn"), source),
				refused("addressSource afterburn on metal is refused",
						base().set("/platform", "metal").set(source, "afterburn"), source),
				refused("addressSource mixed in an IPv4-only cluster is refused", ipv4Only().set(source, "mixed"),
						source),
				refused("addressSource mixed on vultr, whose Afterburn data has no IPv4 address, is refused",
						base().set("/platform", "vultr").set(source, "mixed"), source),
				refused("addressSource nodes without machines under nodes is refused", base().set(source, "nodes"),
						"/nodes"),
				refused("an unknown addressSource is refused", base().set(source, "dhcp"), source),
				accepted("node subnets of both families with interfaces are accepted",
						base().set(source, "interfaces").set(subnets, List.of("10.0.0.0/16", "2001:db8::/64"))),
				accepted("several IPv6 node subnets on azure are accepted",
						base().set("/platform", "azure").set(subnets, List.of("2001:db8::/64", "2001:db8:1::/64"))),
				refused("a node subnet that overlaps the pod range is refused",
						base().set(source, "interfaces").set(subnets, List.of("10.244.1.0/24")), subnets + "/0"),
				refused("a node subnet that overlaps the service range is refused",
						base().set(source, "interfaces").set(subnets, List.of("10.0.0.0/16", "fd00:10:96::/64")),
						subnets + "/1"),
				refused("an IPv6 node subnet in an IPv4-only cluster is refused",
						ipv4Only().set(source, "interfaces").set(subnets, List.of("2001:db8::/64")), subnets + "/0"),
				refused("an IPv4 node subnet with addressSource mixed is refused",
						base().set("/platform", "azure").set(subnets, List.of("10.0.0.0/16")), subnets + "/0"),
				accepted("an empty nodeSubnets list with addressSource afterburn, as stored, is accepted",
						base().set(source, "afterburn").set(subnets, List.of())),
				refused("node subnets with addressSource afterburn are refused",
						base().set(subnets, List.of("10.0.0.0/16")), subnets),
				refused("a node subnet that is no CIDR is refused",
						base().set(source, "interfaces").set(subnets, List.of("10.0.0.0")), subnets + "/0"),
				refused("a node subnet with host bits set is refused",
						base().set(source, "interfaces").set(subnets, List.of("10.0.0.1/16")), subnets + "/0"));
	}

	private static Stream<ValidationCase> nodeGroups() {
		return Stream.of(accepted("a definition without nodeGroups is accepted", base().remove("/nodeGroups")),
				accepted("a single bootstrap group is accepted",
						base().set("/nodeGroups", List.of(Map.of("name", "bootstrap", "role", "bootstrap")))),
				accepted("node groups with names of the operator's choice are accepted",
						base().set("/nodeGroups/0/name", "init").set("/nodeGroups/2/name", "gpu-workers-2")),
				accepted("a node group name of 63 characters is accepted",
						base().set("/nodeGroups/2/name", "w".repeat(63))),
				accepted("several worker groups are accepted",
						base().set("/nodeGroups/3", Map.of("name", "gpu", "role", "worker"))),
				refused("an empty nodeGroups list is refused", base().set("/nodeGroups", List.of()), "/nodeGroups"),
				refused("a node group name with upper-case letters is refused",
						base().set("/nodeGroups/1/name", "Control-Plane"), "/nodeGroups/1/name"),
				refused("a node group name of 64 characters is refused",
						base().set("/nodeGroups/2/name", "w".repeat(64)), "/nodeGroups/2/name"),
				refused("a node group name with a dot is refused", base().set("/nodeGroups/2/name", "workers.gpu"),
						"/nodeGroups/2/name"),
				refused("two node groups with the same name are refused",
						base().set("/nodeGroups/2/name", "control-plane"), "/nodeGroups/2/name"),
				refused("two bootstrap groups are refused", base().set("/nodeGroups/1/role", "bootstrap"),
						"/nodeGroups/1/role"),
				refused("node groups without a bootstrap group are refused", base().set("/nodeGroups/0/role", "worker"),
						"/nodeGroups"),
				refused("a node group without a name is refused", base().remove("/nodeGroups/1/name"),
						"/nodeGroups/1/name"),
				refused("a node group without a role is refused", base().remove("/nodeGroups/1/role"),
						"/nodeGroups/1/role"),
				refused("the role master is refused", base().set("/nodeGroups/1/role", "master"), "/nodeGroups/1/role"),
				refused("the role control_plane is refused", base().set("/nodeGroups/1/role", "control_plane"),
						"/nodeGroups/1/role"));
	}

	private static Stream<ValidationCase> labels() {
		String labels = "/nodeGroups/2/labels";
		return Stream.of(
				accepted("the label topology.kubernetes.io/zone is accepted",
						base().set(labels, Map.of("topology.kubernetes.io/zone", "us-east-1a"))),
				accepted("a label under node.kubernetes.io/ is accepted",
						base().set(labels, Map.of("node.kubernetes.io/pool", "general"))),
				accepted("a label under kubelet.kubernetes.io/ is accepted",
						base().set(labels, Map.of("kubelet.kubernetes.io/managed", "true"))),
				accepted("a label under a subdomain of node.kubernetes.io is accepted",
						base().set(labels, Map.of("pool.node.kubernetes.io/name", "general"))),
				accepted("the well-known label kubernetes.io/arch is accepted",
						base().set(labels, Map.of("kubernetes.io/arch", "amd64"))),
				accepted("the well-known label node.kubernetes.io/instance-type is accepted",
						base().set(labels, Map.of("node.kubernetes.io/instance-type", "m7i.large"))),
				accepted("a label under the operator's own domain is accepted",
						base().set(labels, Map.of("example.com/tier", "general"))),
				accepted("an empty label value is accepted", base().set(labels, Map.of("gpu", ""))),
				accepted("a label value of 63 characters with dots, dashes and underscores is accepted",
						base().set(labels, Map.of("tier", "v1.2_3-" + "x".repeat(56)))),
				refused("the label node-role.kubernetes.io/worker is refused",
						base().set(labels, Map.of("node-role.kubernetes.io/worker", "")),
						labels + "/node-role.kubernetes.io~1worker"),
				refused("a label in the kubernetes.io namespace is refused",
						base().set(labels, Map.of("kubernetes.io/tier", "general")), labels + "/kubernetes.io~1tier"),
				refused("a label under node-restriction.kubernetes.io/ is refused",
						base().set(labels, Map.of("node-restriction.kubernetes.io/pool", "a")),
						labels + "/node-restriction.kubernetes.io~1pool"),
				refused("a label in the k8s.io namespace is refused", base().set(labels, Map.of("k8s.io/tier", "a")),
						labels + "/k8s.io~1tier"),
				refused("a label in a subdomain of k8s.io is refused",
						base().set(labels, Map.of("sig.k8s.io/tier", "a")), labels + "/sig.k8s.io~1tier"),
				accepted("a label under x-k8s.io, which is not a subdomain of k8s.io, is accepted",
						base().set(labels, Map.of("cluster.x-k8s.io/pool", "a"))),
				refused("a label key with a space is refused", base().set(labels, Map.of("my tier", "a")),
						labels + "/my tier"),
				refused("a label key with an upper-case prefix is refused",
						base().set(labels, Map.of("Example.com/tier", "a")), labels + "/Example.com~1tier"),
				refused("a label key with two slashes is refused", base().set(labels, Map.of("example.com/a/b", "a")),
						labels + "/example.com~1a~1b"),
				refused("a label key whose name is longer than 63 characters is refused",
						base().set(labels, Map.of("example.com/" + "n".repeat(64), "a")),
						labels + "/example.com~1" + "n".repeat(64)),
				refused("an empty label key is refused", base().set(labels, Map.of("", "a")), labels + "/"),
				refused("a label value with a space is refused", base().set(labels, Map.of("tier", "general purpose")),
						labels + "/tier"),
				refused("a label value of 64 characters is refused", base().set(labels, Map.of("tier", "x".repeat(64))),
						labels + "/tier"),
				refused("a label value starting with a dash is refused", base().set(labels, Map.of("tier", "-general")),
						labels + "/tier"),
				refused("a label value of null is refused", base().setJson(labels, "{\"tier\": null}"),
						labels + "/tier"),
				refused("a label with a bad key and a bad value is refused twice",
						base().set(labels, Map.of("bad key", "bad value")), labels + "/bad key", labels + "/bad key"));
	}

	private static Stream<ValidationCase> taints() {
		String taints = "/nodeGroups/2/taints";
		return Stream.of(
				accepted("a taint with a prefixed key and no value is accepted",
						base().set(taints, List.of(taint("example.com/dedicated", null, "NoSchedule")))),
				accepted("the same taint key with two effects is accepted",
						base().set(taints,
								List.of(taint("dedicated", "gpu", "NoSchedule"),
										taint("dedicated", "gpu", "NoExecute")))),
				accepted("the taint effect PreferNoSchedule is accepted",
						base().set(taints, List.of(taint("spot", "true", "PreferNoSchedule")))),
				accepted("an explicit empty taints list on a control-plane group is accepted",
						base().set("/nodeGroups/1/taints", List.of())),
				accepted("a group without taints is accepted", base().remove(taints)),
				refused("a taint key with a space is refused",
						base().set(taints, List.of(taint("bad key", null, "NoSchedule"))), taints + "/0/key"),
				refused("a taint value with a space is refused",
						base().set(taints, List.of(taint("dedicated", "bad value", "NoSchedule"))),
						taints + "/0/value"),
				refused("an unknown taint effect is refused",
						base().set(taints, List.of(taint("dedicated", null, "Never"))), taints + "/0/effect"),
				refused("a taint effect in lower case is refused",
						base().set(taints, List.of(taint("dedicated", null, "noschedule"))), taints + "/0/effect"),
				refused("a taint without an effect is refused",
						base().set(taints, List.of(taint("dedicated", "gpu", null))), taints + "/0/effect"),
				refused("a taint without a key is refused",
						base().set(taints, List.of(taint(null, "gpu", "NoSchedule"))), taints + "/0/key"),
				refused("an empty taint key is refused", base().set(taints, List.of(taint("", "gpu", "NoSchedule"))),
						taints + "/0/key"),
				refused("two taints with the same key and effect are refused", base().set(taints,
						List.of(taint("dedicated", "gpu", "NoSchedule"), taint("dedicated", "cpu", "NoSchedule"))),
						taints + "/1"));
	}

	private static Stream<ValidationCase> ssh() {
		String key = "/ssh/authorizedKeys/0";
		String user = "/ssh/user";
		return Stream.of(accepted("an ECDSA P-256 key is accepted", base().set(key, ECDSA_P256_KEY)),
				accepted("an RSA key of 3072 bits is accepted", base().set(key, RSA_3072_KEY)),
				accepted("a key without a comment is accepted", base().set(key, "ssh-ed25519 " + ED25519_BLOB)),
				accepted("a key with spaces around it is accepted", base().set(key, "  " + ED25519_KEY + " ")),
				accepted("several keys are accepted",
						base().set("/ssh/authorizedKeys", List.of(ED25519_KEY, ECDSA_P256_KEY, RSA_3072_KEY))),
				accepted("an empty authorizedKeys list is accepted", base().set("/ssh/authorizedKeys", List.of())),
				accepted("a definition without ssh is accepted", base().remove("/ssh")),
				refused("an RSA key of 1024 bits is refused", base().set(key, RSA_1024_KEY), key),
				refused("a key whose blob holds another key type is refused",
						base().set(key, "ssh-rsa " + ED25519_BLOB + " ops@example"), key),
				refused("a key that is not base64 is refused", base().set(key, "ssh-ed25519 AAAA!!!! ops@example"),
						key),
				refused("a truncated key is refused", base().set(key, "ssh-ed25519 " + ED25519_BLOB.substring(0, 40)),
						key),
				refused("a key with trailing bytes is refused", base().set(key, "ssh-ed25519 " + ED25519_BLOB + "AAAA"),
						key),
				refused("a key with authorized_keys options is refused", base().set(key, "no-pty " + ED25519_KEY), key),
				refused("a key with a forced command is refused",
						base().set(key, "command=\"/bin/true\" " + ED25519_KEY), key),
				refused("two keys on one line break are refused", base().set(key, ED25519_KEY + "\n" + ECDSA_P256_KEY),
						key),
				refused("a key ending in a carriage return is refused", base().set(key, ED25519_KEY + "\r"), key),
				refused("an empty key is refused", base().set(key, ""), key),
				refused("a key type without its key is refused", base().set(key, "ssh-ed25519"), key),
				refused("a DSA key is refused", base().set(key, "ssh-dss AAAAB3NzaC1kc3MAAACBAP ops@example"), key),
				accepted("the ssh user _core is accepted", base().set(user, "_core")),
				accepted("an ssh user of 32 characters is accepted", base().set(user, "u".repeat(32))),
				refused("an ssh user with upper-case letters is refused", base().set(user, "Core"), user),
				refused("an ssh user starting with a digit is refused", base().set(user, "1core"), user),
				refused("an ssh user with a space is refused", base().set(user, "core user"), user),
				refused("an ssh user of 33 characters is refused", base().set(user, "u".repeat(33)), user),
				refused("an empty ssh user is refused", base().set(user, ""), user));
	}

	private static Stream<ValidationCase> volumePluginDir() {
		String dir = "/volumePluginDir";
		return Stream.of(
				accepted("volumePluginDir under /var is accepted", base().set(dir, "/var/lib/kubelet/volumeplugins")),
				accepted("volumePluginDir without a trailing slash is accepted",
						base().set(dir, "/opt/volume-plugins")),
				accepted("volumePluginDir in a directory whose name starts with usr is accepted",
						base().set(dir, "/usrdata/plugins")),
				refused("a relative volumePluginDir is refused", base().set(dir, "opt/volume-plugins"), dir),
				refused("a volumePluginDir that climbs into /usr with .. is refused",
						base().set(dir, "/opt/../usr/plugins"), dir),
				refused("a volumePluginDir ending in .. is refused", base().set(dir, "/opt/plugins/.."), dir),
				refused("a volumePluginDir with a . segment is refused", base().set(dir, "/opt/./plugins"), dir),
				refused("kubelet's default volumePluginDir under /usr is refused",
						base().set(dir, "/usr/libexec/kubernetes/kubelet-plugins/volume/exec/"), dir),
				refused("volumePluginDir /usr is refused", base().set(dir, "/usr"), dir),
				refused("a volumePluginDir with a space is refused", base().set(dir, "/opt/volume plugins"), dir),
				refused("volumePluginDir / is refused", base().set(dir, "/"), dir),
				refused("a volumePluginDir with an empty segment is refused", base().set(dir, "/opt//plugins"), dir));
	}

	private static Stream<ValidationCase> staticNodes() {
		return Stream.of(accepted("static nodes in each default group are accepted", withNodes()),
				accepted("several static nodes in the control-plane group are accepted",
						withNodes().set("/nodes/3", node("cp-3", "control-plane", "10.100.0.5", "fd00:1:2:3::5"))),
				accepted("a static node in a group the definition declares is accepted",
						withNodes().set("/nodeGroups/3", Map.of("name", "gpu", "role", "worker"))
							.set("/nodes/2/group", "gpu")),
				accepted("static nodes of a cluster with the default node groups are accepted",
						withNodes().remove("/nodeGroups")),
				refused("a static node name with upper-case letters is refused",
						withNodes().set("/nodes/1/name", "CP-2"), "/nodes/1/name"),
				refused("a static node name of 64 characters is refused",
						withNodes().set("/nodes/1/name", "n".repeat(64)), "/nodes/1/name"),
				refused("two static nodes with the same name are refused", withNodes().set("/nodes/1/name", "cp-1"),
						"/nodes/1/name"),
				refused("a static node without a name is refused", withNodes().remove("/nodes/1/name"),
						"/nodes/1/name"),
				refused("a static node in an unknown group is refused", withNodes().set("/nodes/2/group", "gpu"),
						"/nodes/2/group"),
				refused("a static node in a default group the definition does not declare is refused",
						withNodes().set("/nodeGroups/2/name", "gpu"), "/nodes/2/group"),
				refused("a static node without a group is refused", withNodes().remove("/nodes/2/group"),
						"/nodes/2/group"),
				refused("a second static node in the bootstrap group is refused",
						withNodes().set("/nodes/1/group", "bootstrap"), "/nodes/1/group"),
				refused("static nodes with an empty nodeGroups list are refused for the groups only",
						withNodes().set("/nodeGroups", List.of()), "/nodeGroups"));
	}

	private static Stream<ValidationCase> staticNodeAddresses() {
		return Stream.of(
				accepted("static nodes of an IPv4-only cluster with only IPv4 addresses are accepted",
						withNodes().set("/networking/podSubnets", IPV4_PODS)
							.set("/networking/serviceSubnets", IPV4_SERVICES)
							.remove("/nodes/0/ipv6")
							.remove("/nodes/1/ipv6")
							.remove("/nodes/2/ipv6")),
				accepted("static nodes of an IPv6-only cluster with only IPv6 addresses are accepted",
						withNodes().set("/networking/podSubnets", IPV6_PODS)
							.set("/networking/serviceSubnets", IPV6_SERVICES)
							.remove("/nodes/0/ipv4")
							.remove("/nodes/1/ipv4")
							.remove("/nodes/2/ipv4")),
				refused("a static node of a dual-stack cluster without an IPv6 address is refused",
						withNodes().remove("/nodes/1/ipv6"), "/nodes/1/ipv6"),
				refused("a static node of a dual-stack cluster without an IPv4 address is refused",
						withNodes().remove("/nodes/1/ipv4"), "/nodes/1/ipv4"),
				refused("IPv6 addresses on the static nodes of an IPv4-only cluster are refused",
						withNodes().set("/networking/podSubnets", IPV4_PODS)
							.set("/networking/serviceSubnets", IPV4_SERVICES)
							.remove("/nodes/0/ipv6")
							.remove("/nodes/1/ipv6"),
						"/nodes/2/ipv6"),
				refused("IPv4 addresses on the static nodes of an IPv6-only cluster are refused",
						withNodes().set("/networking/podSubnets", IPV6_PODS)
							.set("/networking/serviceSubnets", IPV6_SERVICES),
						"/nodes/0/ipv4", "/nodes/1/ipv4", "/nodes/2/ipv4"),
				refused("an IPv6 address in a static node's ipv4 is refused",
						withNodes().set("/nodes/1/ipv4", "fd00::3"), "/nodes/1/ipv4"),
				refused("an IPv4 address in a static node's ipv6 is refused",
						withNodes().set("/nodes/1/ipv6", "10.100.0.3"), "/nodes/1/ipv6"),
				refused("a static node IPv4 address with a leading zero is refused",
						withNodes().set("/nodes/1/ipv4", "10.100.0.03"), "/nodes/1/ipv4"),
				refused("a static node IPv4 address with a prefix length is refused",
						withNodes().set("/nodes/1/ipv4", "10.100.0.3/24"), "/nodes/1/ipv4"),
				refused("a host name as a static node address is refused",
						withNodes().set("/nodes/1/ipv4", "cp-2.example.internal"), "/nodes/1/ipv4"),
				refused("a static node IPv6 address with a zone id is refused",
						withNodes().set("/nodes/1/ipv6", "fe80::3%eth0"), "/nodes/1/ipv6"),
				refused("an IPv4-mapped IPv6 address as a static node's ipv6 is refused",
						withNodes().set("/nodes/1/ipv6", "::ffff:10.100.0.3"), "/nodes/1/ipv6"),
				refused("two static nodes with the same IPv4 address are refused",
						withNodes().set("/nodes/1/ipv4", "10.100.0.2"), "/nodes/1/ipv4"),
				refused("two static nodes with the same IPv6 address written differently are refused",
						withNodes().set("/nodes/1/ipv6", "FD00:1:2:3:0:0:0:2"), "/nodes/1/ipv6"));
	}

	private static Stream<ValidationCase> unknownFields() {
		return Stream.of(refused("an unknown field at the root is refused", base().set("/replicas", 3), "/replicas"),
				refused("an unknown object-valued field at the root is refused",
						base().set("/metadata", Map.of("labels", Map.of("a", "b"))), "/metadata"),
				refused("an unknown list-valued field at the root is refused",
						base().set("/workers", List.of("w-1", Map.of("name", "w-2"))), "/workers"),
				refused("an unknown field in controlPlaneEndpoint is refused",
						base().set("/controlPlaneEndpoint/scheme", "https"), "/controlPlaneEndpoint/scheme"),
				refused("a misspelt field is refused along with the field it misses",
						base().remove("/controlPlaneEndpoint/host")
							.set("/controlPlaneEndpoint/hots", "k8s.example.com"),
						"/controlPlaneEndpoint/hots", "/controlPlaneEndpoint/host"),
				refused("the kubeadm spelling podSubnet is refused",
						base().set("/networking/podSubnet", "10.244.0.0/16"), "/networking/podSubnet"),
				refused("an unknown list-valued field in apiServer is refused",
						base().set("/apiServer/extraEnvs", List.of(Map.of("name", "audit"))), "/apiServer/extraEnvs"),
				refused("an unknown list-valued field in ssh is refused", base().set("/ssh/keys", List.of(ED25519_KEY)),
						"/ssh/keys"),
				refused("an unknown field in a node group is refused", base().set("/nodeGroups/2/count", 3),
						"/nodeGroups/2/count"),
				refused("an unknown field in a taint is refused",
						base().set("/nodeGroups/2/taints",
								List.of(Map.of("key", "a", "effect", "NoSchedule", "operator", "Exists"))),
						"/nodeGroups/2/taints/0/operator"),
				refused("an unknown object-valued field in a static node is refused",
						withNodes().set("/nodes/1/interfaces", Map.of("eth0", "10.100.0.3")), "/nodes/1/interfaces"),
				refused("an unknown field whose name has a slash is refused, pointed at with ~1",
						base().set("/a~1b", 1), "/a~1b"),
				refused("an unknown field whose name has a tilde is refused, pointed at with ~0",
						base().set("/a~0b", 1), "/a~0b"));
	}

	private static Stream<ValidationCase> wrongTypes() {
		return Stream.of(
				refused("a string where controlPlaneEndpoint's object belongs is refused",
						base().set("/controlPlaneEndpoint", "k8s.example.com:6443"), "/controlPlaneEndpoint"),
				refused("a string where the ssh object belongs is refused", base().set("/ssh", ED25519_KEY), "/ssh"),
				refused("a string where the networking object belongs is refused",
						base().set("/networking", "dual-stack"), "/networking"),
				refused("an object where the name belongs is refused", base().set("/name", Map.of("value", "prod")),
						"/name"),
				refused("an object where an SSH key belongs is refused",
						base().set("/ssh/authorizedKeys/0", Map.of("key", ED25519_KEY)), "/ssh/authorizedKeys/0"),
				refused("an object where a label value belongs is refused",
						base().set("/nodeGroups/2/labels/tier", Map.of("value", "general")),
						"/nodeGroups/2/labels/tier"),
				refused("a number where the platform belongs is refused", base().set("/platform", 1), "/platform"),
				refused("a number too large for any type where the platform belongs is refused",
						base().setJson("/platform", "99999999999"), "/platform"),
				refused("a number where a node role belongs is refused", base().set("/nodeGroups/1/role", 2),
						"/nodeGroups/1/role"),
				refused("a boolean where the install method belongs is refused", base().set("/install", true),
						"/install"),
				refused("the string true where skipKubeProxy's boolean belongs is refused",
						base().set("/networking/skipKubeProxy", "true"), "/networking/skipKubeProxy"),
				refused("the string yes where skipKubeProxy's boolean belongs is refused",
						base().set("/networking/skipKubeProxy", "yes"), "/networking/skipKubeProxy"),
				refused("the number 1 where skipKubeProxy's boolean belongs is refused",
						base().set("/networking/skipKubeProxy", 1), "/networking/skipKubeProxy"),
				refused("a list where the labels map belongs is refused",
						base().set("/nodeGroups/2/labels", List.of("tier=general")), "/nodeGroups/2/labels"),
				refused("a list where the extraArgs map belongs is refused",
						base().set("/apiServer/extraArgs", List.of("--v=4")), "/apiServer/extraArgs"),
				refused("a map where the certSANs list belongs is refused",
						base().set("/apiServer/certSANs", Map.of("dns", "k8s.example.com")), "/apiServer/certSANs"),
				refused("a map where the nodeGroups list belongs is refused",
						base().set("/nodeGroups", Map.of("bootstrap", Map.of("role", "bootstrap"))), "/nodeGroups"),
				refused("a string where the podSubnets list belongs is refused",
						base().set("/networking/podSubnets", "10.244.0.0/16"), "/networking/podSubnets"),
				refused("a string where a static node object belongs is refused", base().set("/nodes", List.of("cp-1")),
						"/nodes/0"),
				refused("a list where the name belongs is refused", base().set("/name", List.of("prod")), "/name"),
				refused("a list inside the list of SSH keys is refused",
						base().set("/ssh/authorizedKeys/0", List.of("ssh-ed25519", ED25519_BLOB)),
						"/ssh/authorizedKeys/0"),
				refused("a list inside the list of certSANs is refused",
						base().set("/apiServer/certSANs/0", List.of("k8s.example.com")), "/apiServer/certSANs/0"),
				refused("a number where the name belongs is refused", base().set("/name", 123), "/name"),
				refused("a number where the Kubernetes version belongs is refused",
						base().setJson("/kubernetesVersion", "1.33"), "/kubernetesVersion"),
				refused("a number where a label value belongs is refused, since YAML would turn 1.10 into 1.1",
						base().setJson("/nodeGroups/2/labels/version", "1.10"), "/nodeGroups/2/labels/version"),
				refused("a boolean where a label value belongs is refused",
						base().set("/nodeGroups/2/labels/gpu", true), "/nodeGroups/2/labels/gpu"),
				refused("a number where an extraArgs value belongs is refused", base().set("/apiServer/extraArgs/v", 4),
						"/apiServer/extraArgs/v"),
				refused("a string where the port number belongs is refused",
						base().set("/controlPlaneEndpoint/port", "6443"), "/controlPlaneEndpoint/port"),
				refused("a fraction where the port number belongs is refused",
						base().setJson("/controlPlaneEndpoint/port", "6443.5"), "/controlPlaneEndpoint/port"),
				refused("a port too large for a whole number is refused",
						base().setJson("/controlPlaneEndpoint/port", "99999999999"), "/controlPlaneEndpoint/port"),
				new ValidationCase("a body that is a list instead of an object is refused", "[]", List.of("")));
	}

	private static Stream<ValidationCase> nullEntries() {
		return Stream.of(refused("a null node group is refused", base().set("/nodeGroups/1", null), "/nodeGroups/1"),
				refused("a null static node is refused", base().set("/nodes", List.of()).set("/nodes/0", null),
						"/nodes/0"),
				refused("a null certSAN is refused", base().set("/apiServer/certSANs/0", null),
						"/apiServer/certSANs/0"),
				refused("a null SSH key is refused", base().set("/ssh/authorizedKeys/0", null),
						"/ssh/authorizedKeys/0"),
				refused("a null pod range is refused", base().set("/networking/podSubnets/0", null),
						"/networking/podSubnets/0"),
				refused("a null service range is refused", base().set("/networking/serviceSubnets/1", null),
						"/networking/serviceSubnets/1"),
				refused("a null taint is refused", base().set("/nodeGroups/2/taints/0", null),
						"/nodeGroups/2/taints/0"));
	}

	private static Stream<ValidationCase> severalProblems() {
		return Stream.of(
				refused("a definition with several problems has each of them reported at once",
						base().set("/name", "Prod")
							.set("/networking/serviceSubnets/0", "10.244.16.0/20")
							.set("/replicas", 3)
							.set("/nodeGroups/0/role", "worker")
							.set("/nodeGroups/2/labels/kubernetes.io~1role", "worker")
							.set("/ssh/authorizedKeys/0", RSA_1024_KEY)
							.set("/volumePluginDir", "/usr/libexec/kubernetes")
							.set("/controlPlaneEndpoint/port", "6443"),
						"/name", "/networking/serviceSubnets/0", "/replicas", "/nodeGroups",
						"/nodeGroups/2/labels/kubernetes.io~1role", "/ssh/authorizedKeys/0", "/volumePluginDir",
						"/controlPlaneEndpoint/port"),
				refused("a missing bootstrap group is reported next to a bad label of another group",
						base().set("/nodeGroups/0/role", "worker").set("/nodeGroups/2/labels/Bad Key", "x"),
						"/nodeGroups", "/nodeGroups/2/labels/Bad Key"),
				refused("wrong types, unknown fields and semantic problems are reported together",
						base().set("/install", 3)
							.set("/ssh/user", List.of("core"))
							.set("/controlPlaneEndpoint/tls", true)
							.set("/networking/dnsDomain", "Cluster.Local")
							.set("/nodeGroups/1/name", "bootstrap"),
						"/install", "/ssh/user", "/controlPlaneEndpoint/tls", "/networking/dnsDomain",
						"/nodeGroups/1/name"));
	}

	private static DefinitionJson ipv4Only() {
		return base().set("/networking/podSubnets", IPV4_PODS).set("/networking/serviceSubnets", IPV4_SERVICES);
	}

	private static DefinitionJson ipv6Only() {
		return base().set("/networking/podSubnets", IPV6_PODS).set("/networking/serviceSubnets", IPV6_SERVICES);
	}

	/** The base definition with a static node in each of its three groups. */
	private static DefinitionJson withNodes() {
		return base().set("/nodes",
				List.of(node("cp-1", "bootstrap", "10.100.0.2", "fd00:1:2:3::2"),
						node("cp-2", "control-plane", "10.100.0.3", "fd00:1:2:3::3"),
						node("w-1", "workers", "10.100.0.4", "fd00:1:2:3::4")));
	}

	private static Map<String, String> node(String name, String group, String ipv4, String ipv6) {
		Map<String, String> node = new LinkedHashMap<>();
		node.put("name", name);
		node.put("group", group);
		node.put("ipv4", ipv4);
		node.put("ipv6", ipv6);
		return node;
	}

	/** A taint; a null argument leaves its field out. */
	private static Map<String, String> taint(String key, String value, String effect) {
		Map<String, String> taint = new LinkedHashMap<>();
		if (key != null) {
			taint.put("key", key);
		}
		if (value != null) {
			taint.put("value", value);
		}
		if (effect != null) {
			taint.put("effect", effect);
		}
		return taint;
	}

	private static ValidationCase accepted(String sentence, DefinitionJson body) {
		return new ValidationCase(sentence, body.json(), List.of());
	}

	private static ValidationCase refused(String sentence, DefinitionJson body, String... pointers) {
		if (pointers.length == 0) {
			throw new IllegalArgumentException("a refused case names the pointers it expects: " + sentence);
		}
		return new ValidationCase(sentence, body.json(), List.of(pointers));
	}

}
