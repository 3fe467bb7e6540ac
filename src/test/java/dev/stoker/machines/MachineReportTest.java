package dev.stoker.machines;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.stoker.json.Mappers;
import dev.stoker.problem.FieldError;
import dev.stoker.problem.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The exact words a node's refused report is answered with, one field at a time. */
class MachineReportTest {

	private static final String ID = "\"machineId\":\"4c4c4544003510358052b4c04f4b3332\",\"revision\":1";

	@ParameterizedTest(name = "{0} is refused at {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"revision":1,"phase":"joined","node":"n","addresses":[]}                    | /machineId   | is required
					{"machineId":"4C4C","revision":1,"phase":"ignition-done"}                   | /machineId   | must be the machine's /etc/machine-id: 32 lower-case hex digits
					{ID,"instanceId":"i 0","phase":"ignition-done"}                             | /instanceId  | must be 1 to 64 letters, digits, '.', '_', ':' or '-'
					{"machineId":"4c4c4544003510358052b4c04f4b3332","phase":"ignition-done"}     | /revision    | is required
					{"machineId":"4c4c4544003510358052b4c04f4b3332","revision":0,"phase":"failed","exitStatus":1} | /revision | must be a revision of the cluster: 1 or more
					{ID,"phase":"booting"}                                                      | /phase       | must be one of ignition-done, kubeadm-started, joined, failed
					{ID,"phase":"joined"}                                                       | /node        | must name the machine's Node when it reports joined
					{ID,"phase":"ignition-done","node":"n"}                                     | /node        | is sent with phase joined only
					{ID,"phase":"joined","node":"Node_1"}                                       | /node        | must be a Node name: lower-case letters, digits, '.' and '-', at most 253
					{ID,"phase":"failed","exitStatus":1,"addresses":[]}                         | /addresses   | is sent with phase joined only
					{ID,"phase":"joined","node":"n","addresses":[{"type":"Internal IP","address":"10.0.0.1"}]} | /addresses/0/type | must be a Node address type such as InternalIP: 1 to 32 letters
					{ID,"phase":"joined","node":"n","addresses":[{"type":"InternalIP","address":"10.0.0.1/8"}]} | /addresses/0/address | must be an IP address or host name: letters, digits, '.', ':' and '-', at most 253
					{ID,"phase":"failed"}                                                       | /exitStatus  | must be kubeadm's exit status when the machine reports failed
					{ID,"phase":"failed","exitStatus":256}                                      | /exitStatus  | must be an exit status: 0 to 255
					{ID,"phase":"joined","node":"n","exitStatus":1}                             | /exitStatus  | is sent with phase failed only
					{ID,"phase":"failed","exitStatus":1,"journal":"not base64!"}                | /journal     | must be base64 (RFC 4648, with padding)
					{ID,"phase":"kubeadm-started","journal":"AAAA"}                             | /journal     | is sent with phase failed only
					""")
	void aFieldThatIsWrongIsNamedAndNotEchoed(String body, String pointer, String detail) {
		InvalidRequestException refused = refuse(body.replace("ID", ID));
		assertThat(errors(refused)).containsExactly(new FieldError(pointer, detail));
		assertThat(refused.getBody().getDetail()).isEqualTo("The report was not recorded; see errors.");
	}

	@Test
	void everyWrongFieldIsNamedAtOnce() {
		InvalidRequestException refused = refuse("{\"machineId\":\"x\",\"revision\":-1,\"phase\":\"up\"}");
		assertThat(errors(refused)).extracting(FieldError::pointer)
			.containsExactly("/machineId", "/revision", "/phase");
	}

	@Test
	void anUnknownFieldIsRefused() {
		assertThat(errors(refuse("{" + ID + ",\"phase\":\"ignition-done\",\"group\":\"control-plane\"}")))
			.extracting(FieldError::pointer)
			.containsExactly("/group");
	}

	@Test
	void aJournalOverSixteenKibibytesIsRefused() {
		String journal = Base64.getEncoder().encodeToString(new byte[16 * 1024 + 1]);
		assertThat(errors(refuse("{" + ID + ",\"phase\":\"failed\",\"exitStatus\":1,\"journal\":\"" + journal + "\"}")))
			.containsExactly(new FieldError("/journal", "must decode to at most 16384 bytes: send the last 50 lines"));
	}

	@Test
	void journalLinesAreCutAndCleaned() {
		String text = "a\r\n" + "é".repeat(600) + "\n\u0007bell\tand tab\n\n\n";
		assertThat(MachineReport.lines(text.getBytes(StandardCharsets.UTF_8))).containsExactly("a\uFFFD",
				"é".repeat(500), "\uFFFDbell\tand tab");
		assertThat(MachineReport.lines(new byte[] { 'o', 'k', (byte) 0xff })).containsExactly("ok\uFFFD");
	}

	@Test
	void aGoodReportIsRead() {
		MachineReport.Checked report = MachineReport.read(Mappers.json()
			.readTree("{" + ID + ",\"phase\":\"joined\",\"node\":\"ip-10-0-1-5.ec2.internal\","
					+ "\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"fd00::5\"}]}"));
		assertThat(report.phase()).isEqualTo(MachinePhase.JOINED);
		assertThat(report.addresses()).containsExactly(new MachineReport.Address("InternalIP", "fd00::5"));
		assertThat(report.journal()).isEqualTo(List.of());
	}

	@SuppressWarnings("unchecked")
	private static List<FieldError> errors(InvalidRequestException refused) {
		return (List<FieldError>) refused.getBody().getProperties().get("errors");
	}

	private static InvalidRequestException refuse(String body) {
		return catchThrowableOfType(InvalidRequestException.class,
				() -> MachineReport.read(Mappers.json().readTree(body)));
	}

}
