package dev.stoker.machines;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A cluster's machines by node group. */
@Schema(name = "Machines", description = "A cluster's machines by node group, with their last reports")
record MachineList(@Schema(description = "Cluster name", example = "prod-use1") String cluster, @Schema(
		description = "A machine whose phase has not changed for longer than this, and has not joined, is stuck",
		example = "1800") long stuckAfterSeconds,
		@Schema(description = "The definition's groups in its order, then groups it no longer has whose machines"
				+ " are still kept") List<Group> groups) {

	/** One node group's machines, newest report first. */
	@Schema(name = "MachineGroup")
	record Group(@Schema(example = "workers") String name, List<Machine> machines) {

	}

}
