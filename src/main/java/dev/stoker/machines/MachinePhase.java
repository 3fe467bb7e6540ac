package dev.stoker.machines;

import java.util.Optional;

import dev.stoker.json.WireEnum;

/** How far a machine got, as it last reported. */
enum MachinePhase implements WireEnum {

	/** Booted from its Ignition (the first boot's units run). */
	IGNITION_DONE("ignition-done"),
	/** kubeadm.service started an attempt at init or join. */
	KUBEADM_STARTED("kubeadm-started"),
	/** kubeadm succeeded and the cluster holds a Node for the machine. */
	JOINED("joined"),
	/** An attempt of kubeadm.service failed; kubeadm.service tries again by itself. */
	FAILED("failed");

	private final String wireName;

	MachinePhase(String wireName) {
		this.wireName = wireName;
	}

	@Override
	public String wireName() {
		return wireName;
	}

	static Optional<MachinePhase> of(String wireName) {
		for (MachinePhase phase : values()) {
			if (phase.wireName.equals(wireName)) {
				return Optional.of(phase);
			}
		}
		return Optional.empty();
	}

}
