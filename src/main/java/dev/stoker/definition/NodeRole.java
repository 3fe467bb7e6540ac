package dev.stoker.definition;

import dev.stoker.json.WireEnum;

/**
 * What a node does at first boot: kubeadm init, kubeadm join --control-plane, or kubeadm
 * join.
 */
public enum NodeRole implements WireEnum {

	BOOTSTRAP("bootstrap"), CONTROL_PLANE("control-plane"), WORKER("worker");

	private final String wireName;

	NodeRole(String wireName) {
		this.wireName = wireName;
	}

	@Override
	public String wireName() {
		return wireName;
	}

}
