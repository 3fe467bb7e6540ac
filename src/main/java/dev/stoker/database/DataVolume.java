package dev.stoker.database;

/**
 * Whether the volume under the embedded database takes a write now. Liveness asks it to
 * tell a full (or read-only) disk, which a restart cannot cure, from an embedded database
 * that cannot write although the disk can.
 */
@FunctionalInterface
interface DataVolume {

	boolean takesWrites();

}
