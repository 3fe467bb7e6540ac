package dev.stoker.definition;

import dev.stoker.json.WireEnum;

/** Whether the kubelet waits for an external cloud controller manager. */
public enum CloudProvider implements WireEnum {

	EXTERNAL("external"), NONE("none");

	private final String wireName;

	CloudProvider(String wireName) {
		this.wireName = wireName;
	}

	@Override
	public String wireName() {
		return wireName;
	}

}
