package dev.stoker.machines;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import dev.stoker.definition.validation.FieldErrors;
import dev.stoker.definition.validation.StrictReader;
import dev.stoker.problem.InvalidRequestException;

/**
 * What a machine reports. Everything in it came from a node: read strictly, each field
 * checked against a narrow pattern and a bound, and refused at its pointer without being
 * echoed. The journal travels as base64 (the node's script has no JSON encoder); it is
 * decoded here, cut to its last {@link #MAX_JOURNAL_LINES} lines, and stripped of control
 * characters.
 */
@Schema(name = "MachineReport", description = "What a machine reports of its join")
record MachineReport(
		@Schema(description = "The machine's /etc/machine-id: 32 lower-case hex digits",
				example = "4c4c4544003510358052b4c04f4b3332") String machineId,
		@Schema(description = "The cloud's instance id, where Afterburn gives one",
				example = "i-0123456789abcdef0") String instanceId,
		@Schema(description = "The revision of the document the machine booted with", example = "3") Long revision,
		@Schema(description = "ignition-done, kubeadm-started, joined or failed", example = "joined") String phase,
		@Schema(description = "With joined: the name of the machine's Node",
				example = "ip-10-0-1-5.ec2.internal") String node,
		@Schema(description = "With joined: the Node's addresses, as the cluster registered them") List<Address> addresses,
		@Schema(description = "With failed: kubeadm's exit status", example = "1") Integer exitStatus,
		@Schema(description = "With failed: base64 of the last lines of kubeadm.service's journal") String journal) {

	/** One address of a Node's status. */
	@Schema(name = "MachineAddress")
	record Address(@Schema(example = "InternalIP") String type, @Schema(example = "10.0.1.5") String address) {

	}

	/** A report read and checked, with the journal decoded. */
	record Checked(String machineId, String instanceId, long revision, MachinePhase phase, String node,
			List<Address> addresses, Integer exitStatus, List<String> journal) {

	}

	static final int MAX_JOURNAL_LINES = 50;

	static final int MAX_LINE = 500;

	/** Decoded bytes; the node sends the last 50 lines cut to 16 KiB. */
	static final int MAX_JOURNAL_BYTES = 16 * 1024;

	static final int MAX_ADDRESSES = 16;

	private static final StrictReader<MachineReport> READER = new StrictReader<>(MachineReport.class,
			"must be a JSON object such as {\"machineId\": \"4c4c4544003510358052b4c04f4b3332\", \"revision\": 3,"
					+ " \"phase\": \"ignition-done\"}");

	private static final Pattern MACHINE_ID = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final Pattern NODE = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");

	private static final Pattern ADDRESS_TYPE = Pattern.compile("[A-Za-z]{1,32}");

	private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.:-]{1,253}");

	private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");

	static Checked read(JsonNode body) {
		FieldErrors problems = new FieldErrors();
		MachineReport report = READER.read(body, problems);
		if (report == null) {
			throw refused(problems);
		}
		if (report.machineId() == null) {
			problems.required("/machineId");
		}
		else if (!MACHINE_ID.matcher(report.machineId()).matches()) {
			problems.add("/machineId", "must be the machine's /etc/machine-id: 32 lower-case hex digits");
		}
		if (report.instanceId() != null && !INSTANCE_ID.matcher(report.instanceId()).matches()) {
			problems.add("/instanceId", "must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
		}
		if (report.revision() == null) {
			problems.required("/revision");
		}
		else if (report.revision() < 1) {
			problems.add("/revision", "must be a revision of the cluster: 1 or more");
		}
		MachinePhase phase = null;
		if (report.phase() == null) {
			problems.required("/phase");
		}
		else {
			phase = MachinePhase.of(report.phase()).orElse(null);
			if (phase == null) {
				problems.add("/phase", "must be one of ignition-done, kubeadm-started, joined, failed");
			}
		}
		checkJoined(report, phase, problems);
		List<String> journal = checkFailed(report, phase, problems);
		if (!problems.isEmpty()) {
			throw refused(problems);
		}
		return new Checked(report.machineId(), report.instanceId(), report.revision(), phase, report.node(),
				(report.addresses() != null) ? List.copyOf(report.addresses()) : List.of(), report.exitStatus(),
				journal);
	}

	private static void checkJoined(MachineReport report, MachinePhase phase, FieldErrors problems) {
		boolean joined = phase == MachinePhase.JOINED;
		if (report.node() != null && !joined) {
			problems.add("/node", "is sent with phase joined only");
		}
		else if (report.node() == null && joined) {
			problems.required("/node", "must name the machine's Node when it reports joined");
		}
		else if (joined && !NODE.matcher(report.node()).matches()) {
			problems.add("/node", "must be a Node name: lower-case letters, digits, '.' and '-', at most 253");
		}
		if (report.addresses() == null) {
			return;
		}
		if (!joined) {
			problems.add("/addresses", "is sent with phase joined only");
			return;
		}
		if (report.addresses().size() > MAX_ADDRESSES) {
			problems.add("/addresses", "must list at most " + MAX_ADDRESSES + " addresses");
			return;
		}
		for (int i = 0; i < report.addresses().size(); i++) {
			Address address = report.addresses().get(i);
			String at = "/addresses/" + i;
			if (address == null) {
				problems.add(at, "must be an object with type and address");
				continue;
			}
			if (address.type() == null || !ADDRESS_TYPE.matcher(address.type()).matches()) {
				problems.add(at + "/type", "must be a Node address type such as InternalIP: 1 to 32 letters");
			}
			if (address.address() == null || !ADDRESS.matcher(address.address()).matches()) {
				problems.add(at + "/address",
						"must be an IP address or host name: letters, digits, '.', ':' and '-', at most 253");
			}
		}
	}

	private static List<String> checkFailed(MachineReport report, MachinePhase phase, FieldErrors problems) {
		boolean failed = phase == MachinePhase.FAILED;
		if (report.exitStatus() != null && !failed) {
			problems.add("/exitStatus", "is sent with phase failed only");
		}
		else if (report.exitStatus() == null && failed) {
			problems.required("/exitStatus", "must be kubeadm's exit status when the machine reports failed");
		}
		else if (failed && (report.exitStatus() < 0 || report.exitStatus() > 255)) {
			problems.add("/exitStatus", "must be an exit status: 0 to 255");
		}
		if (report.journal() == null) {
			return List.of();
		}
		if (!failed) {
			problems.add("/journal", "is sent with phase failed only");
			return List.of();
		}
		byte[] decoded = decode(report.journal());
		if (decoded == null) {
			problems.add("/journal", "must be base64 (RFC 4648, with padding)");
			return List.of();
		}
		if (decoded.length > MAX_JOURNAL_BYTES) {
			problems.add("/journal", "must decode to at most " + MAX_JOURNAL_BYTES + " bytes: send the last "
					+ MAX_JOURNAL_LINES + " lines");
			return List.of();
		}
		return lines(decoded);
	}

	/** Null when it is not base64, or longer than any journal accepted could be. */
	private static byte[] decode(String base64) {
		if (base64.length() > (MAX_JOURNAL_BYTES / 3 + 1) * 4 || !BASE64.matcher(base64).matches()) {
			return null;
		}
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The last lines, each cut to {@link #MAX_LINE} characters, with control characters
	 * (ANSI colour codes, carriage returns) and anything that is not UTF-8 replaced: they
	 * are shown to an operator, and a terminal would obey them.
	 */
	static List<String> lines(byte[] journal) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)
				.decode(ByteBuffer.wrap(journal))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalStateException("a replacing decoder cannot fail", ex);
		}
		List<String> lines = new ArrayList<>();
		for (String line : text.split("\n", -1)) {
			StringBuilder clean = new StringBuilder();
			line.codePoints()
				.map((c) -> (Character.isISOControl(c) && c != '\t') ? '\uFFFD' : c)
				.forEach(clean::appendCodePoint);
			lines.add((clean.codePointCount(0, clean.length()) > MAX_LINE)
					? clean.substring(0, clean.offsetByCodePoints(0, MAX_LINE)) : clean.toString());
		}
		while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		int from = Math.max(0, lines.size() - MAX_JOURNAL_LINES);
		return List.copyOf(lines.subList(from, lines.size()));
	}

	private static InvalidRequestException refused(FieldErrors problems) {
		return new InvalidRequestException("The report was not recorded; see errors.", problems.list());
	}

}
