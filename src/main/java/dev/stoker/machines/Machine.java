package dev.stoker.machines;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** A machine as Stoker last heard of it. Every value came from the machine. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Machine", description = "A machine of a node group and its last report")
record Machine(@Schema(description = "Its /etc/machine-id") String machineId,
		@Schema(description = "The cloud's instance id, where Afterburn gives one") String instanceId,
		@Schema(description = "The phase it last reported") MachinePhase phase,
		@Schema(description = "When it reported this phase first (RFC 3339)") Instant since,
		@Schema(description = "When it first reported") Instant firstSeen,
		@Schema(description = "When it last reported") Instant lastReport,
		@Schema(description = "The revision of the document it booted with") long revision,
		@Schema(description = "Not joined, and its phase has not changed for longer than stuckAfterSeconds") boolean stuck,
		@Schema(description = "Joined: the name of its Node") String node,
		@Schema(description = "Joined: its Node's addresses") List<MachineReport.Address> addresses,
		@Schema(description = "Failed: kubeadm's exit status") Integer exitStatus,
		@Schema(description = "Failed: the last lines of kubeadm.service's journal, control characters replaced") List<String> journal) {

}
