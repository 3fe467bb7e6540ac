package dev.stoker.flatcar;

import dev.stoker.net.IpFamily;

/**
 * A variable in an environment file on the node that holds one of its own addresses, and
 * the unit that writes the file: the kubeadm unit reads the file, waits for that unit,
 * and substitutes the variable into the kubeadm config.
 *
 * @param name the variable's name, as written into the kubeadm config ({@code $NAME})
 * @param file the environment file that holds it
 * @param writer the unit that writes the file
 * @param writerRetries whether that unit retries on its own until it has written the
 * variable
 */
public record HostVariable(String name, String file, String writer, boolean writerRetries) {

	/**
	 * Flatcar's unit that runs Afterburn and writes {@link NodePaths#AFTERBURN_METADATA}.
	 */
	public static final String AFTERBURN_UNIT = "coreos-metadata.service";

	/**
	 * The unit that finds the node's addresses on its interfaces and writes
	 * {@link NodePaths#NODE_ADDRESSES}.
	 */
	public static final String NODE_ADDRESSES_UNIT = "node-addresses.service";

	/** A variable of Flatcar's Afterburn metadata. */
	public static HostVariable afterburn(String name) {
		return new HostVariable(name, NodePaths.AFTERBURN_METADATA, AFTERBURN_UNIT, false);
	}

	/** The address of this family that the node-addresses unit found on an interface. */
	public static HostVariable fromInterfaces(IpFamily family) {
		return new HostVariable(family == IpFamily.IPV4 ? "NODE_ADDRESS_IPV4" : "NODE_ADDRESS_IPV6",
				NodePaths.NODE_ADDRESSES, NODE_ADDRESSES_UNIT, true);
	}

	/** Whether the node-addresses unit writes this variable. */
	public boolean isFromInterfaces() {
		return writer.equals(NODE_ADDRESSES_UNIT);
	}

}
