package dev.stoker.preview;

/**
 * Which secrets a cluster has, which decides which files and settings its documents hold,
 * not their values.
 *
 * @param uploadsCertificates control planes get their shared keys from certificates
 * uploaded at init (clusters stored before Stoker generated them)
 * @param keeper control planes get a join-token keeper (every cluster but one stored
 * before there were keepers whose credential was never rotated)
 */
record SecretShape(boolean uploadsCertificates, boolean keeper) {

	/** What a cluster created now has. */
	static final SecretShape NEW_CLUSTER = new SecretShape(false, true);

}
