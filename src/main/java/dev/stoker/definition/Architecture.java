package dev.stoker.definition;

import dev.stoker.json.WireEnum;

/** CPU architecture, in Flatcar's spelling. */
public enum Architecture implements WireEnum {

	X86_64("x86-64"), ARM64("arm64");

	private final String wireName;

	Architecture(String wireName) {
		this.wireName = wireName;
	}

	@Override
	public String wireName() {
		return wireName;
	}

}
