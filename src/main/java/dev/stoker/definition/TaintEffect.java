package dev.stoker.definition;

import dev.stoker.json.WireEnum;

/** A Kubernetes taint effect. */
public enum TaintEffect implements WireEnum {

	NO_SCHEDULE("NoSchedule"), PREFER_NO_SCHEDULE("PreferNoSchedule"), NO_EXECUTE("NoExecute");

	private final String wireName;

	TaintEffect(String wireName) {
		this.wireName = wireName;
	}

	@Override
	public String wireName() {
		return wireName;
	}

}
