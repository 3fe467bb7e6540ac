package dev.stoker.json;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum whose JSON/YAML spelling differs from its Java constant name ({@code x86-64},
 * {@code control-plane}). Jackson reads and writes the wire name; validation lists the
 * wire names when a value is not one of them.
 */
public interface WireEnum {

	@JsonValue
	String wireName();

	static String choices(Class<?> enumType) {
		StringBuilder names = new StringBuilder();
		for (Object constant : enumType.getEnumConstants()) {
			if (!names.isEmpty()) {
				names.append(", ");
			}
			names.append(constant instanceof WireEnum wire ? wire.wireName() : constant.toString());
		}
		return names.toString();
	}

}
