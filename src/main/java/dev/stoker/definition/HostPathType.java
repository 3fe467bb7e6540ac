package dev.stoker.definition;

import dev.stoker.json.WireEnum;

/**
 * What a host path must be before the pod starts (core/v1 HostPathType); the two OrCreate
 * types make the kubelet create it when it is missing.
 */
public enum HostPathType implements WireEnum {

	DIRECTORY_OR_CREATE("DirectoryOrCreate", true), DIRECTORY("Directory", false), FILE_OR_CREATE("FileOrCreate", true),
	FILE("File", false), SOCKET("Socket", false), CHAR_DEVICE("CharDevice", false), BLOCK_DEVICE("BlockDevice", false);

	private final String wireName;

	private final boolean creates;

	HostPathType(String wireName, boolean creates) {
		this.wireName = wireName;
		this.creates = creates;
	}

	@Override
	public String wireName() {
		return wireName;
	}

	/** Whether the kubelet creates the path when it is missing. */
	public boolean creates() {
		return creates;
	}

}
