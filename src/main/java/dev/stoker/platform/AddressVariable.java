package dev.stoker.platform;

/**
 * One variable of {@code /run/metadata/flatcar} that holds a node address, and the first
 * Afterburn release that writes it.
 */
public record AddressVariable(String name, AfterburnVersion since) {

	/** Whether the Afterburn that Flatcar ships today writes this variable. */
	public boolean isShipped() {
		return since.compareTo(AfterburnVersion.SHIPPED_BY_FLATCAR) <= 0;
	}

}
