package dev.stoker.definition;

import dev.stoker.json.WireEnum;

/**
 * How Kubernetes gets onto a node: Flatcar's sysext image with sysupdate, or kubeadm,
 * kubelet and kubectl binaries in /opt/bin.
 */
public enum Install implements WireEnum {

	SYSEXT("sysext"), BINARIES("binaries");

	private final String wireName;

	Install(String wireName) {
		this.wireName = wireName;
	}

	@Override
	public String wireName() {
		return wireName;
	}

}
