package dev.stoker.definition;

import dev.stoker.json.WireEnum;

/** kube-proxy's Linux proxy modes (KubeProxyConfiguration mode). */
public enum KubeProxyMode implements WireEnum {

	IPTABLES("iptables"), IPVS("ipvs"), NFTABLES("nftables");

	private final String wireName;

	KubeProxyMode(String wireName) {
		this.wireName = wireName;
	}

	@Override
	public String wireName() {
		return wireName;
	}

}
