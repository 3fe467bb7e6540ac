package dev.stoker.definition;

import dev.stoker.json.WireEnum;

/** Butane flatcar variant version. */
public enum ButaneVersion implements WireEnum {

	V1_0_0("1.0.0"), V1_1_0("1.1.0");

	private final String wireName;

	ButaneVersion(String wireName) {
		this.wireName = wireName;
	}

	@Override
	public String wireName() {
		return wireName;
	}

}
