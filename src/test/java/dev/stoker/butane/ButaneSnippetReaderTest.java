package dev.stoker.butane;

import java.util.List;
import java.util.stream.Stream;

import dev.stoker.butane.ButaneLint.Finding;
import dev.stoker.json.Mappers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/** A snippet is read field by field; what cannot be read is a problem at its pointer. */
class ButaneSnippetReaderTest {

	private static final String NO_FILES_DIRECTORY = "needs a files directory, which a server does not have: use inline or source";

	private static final String UNKNOWN = "is not a field of the Butane flatcar variant (1.0.0 and 1.1.0): check its spelling and level";

	@ParameterizedTest(name = "{argumentSetName}")
	@MethodSource("refusals")
	void reportsWhatItCannotRead(String yaml, List<Finding> expected) {
		ButaneSnippetReader.Read read = ButaneSnippetReader.read(Mappers.yaml().readTree(yaml));

		assertThat(read.problems()).containsExactlyElementsOf(expected);
		assertThat(read.config()).isNotNull();
	}

	static Stream<Arguments> refusals() {
		return Stream.of(
				argumentSet("local contents, of a file, an appended fragment and a CA bundle", """
						storage:
						  files:
						    - path: /etc/a
						      contents:
						        local: a.conf
						      append:
						        - local: b.conf
						ignition:
						  security:
						    tls:
						      certificate_authorities:
						        - local: ca.pem
						""",
						List.of(finding("/storage/files/0/contents/local", NO_FILES_DIRECTORY),
								finding("/storage/files/0/append/0/local", NO_FILES_DIRECTORY),
								finding("/ignition/security/tls/certificate_authorities/0/local", NO_FILES_DIRECTORY))),
				argumentSet("contents_local of a unit and a drop-in, ssh_authorized_keys_local, trees", """
						version: 1.1.0
						systemd:
						  units:
						    - name: a.service
						      contents_local: a.service
						      dropins:
						        - name: a.conf
						          contents_local: a.conf
						passwd:
						  users:
						    - name: core
						      ssh_authorized_keys_local: [id.pub]
						storage:
						  trees:
						    - local: tree
						""",
						List.of(finding("/systemd/units/0/contents_local", NO_FILES_DIRECTORY),
								finding("/systemd/units/0/dropins/0/contents_local", NO_FILES_DIRECTORY),
								finding("/passwd/users/0/ssh_authorized_keys_local", NO_FILES_DIRECTORY),
								finding("/storage/trees", NO_FILES_DIRECTORY))),
				argumentSet("clevis, which butane refuses for flatcar (ErrClevisSupport)", """
						storage:
						  luks:
						    - name: data
						      device: /dev/sdb
						      clevis:
						        tpm2: true
						""", List.of(finding("/storage/luks/0/clevis",
						"butane refuses clevis for the flatcar variant: open the volume with a key_file, or leave it without one (a random key)"))),
				argumentSet("spec 1.1.0 fields under version 1.0.0", """
						variant: flatcar
						version: 1.0.0
						storage:
						  luks:
						    - name: data
						      device: /dev/sdb
						      discard: true
						      open_options: [--perf-no_read_workqueue]
						""",
						List.of(finding("/storage/luks/0/discard",
								"is a field of Butane flatcar 1.1.0: set version 1.1.0 or remove it"),
								finding("/storage/luks/0/open_options",
										"is a field of Butane flatcar 1.1.0: set version 1.1.0 or remove it"))),
				argumentSet("fields of other variants and misspelt fields", """
						boot_device:
						  mirror:
						    devices: [/dev/sda]
						storage:
						  files:
						    - path: /etc/a
						      mdoe: 420
						""", List.of(finding("/boot_device", UNKNOWN), finding("/storage/files/0/mdoe", UNKNOWN))),
				argumentSet("values of the wrong type, each at its pointer", """
						storage:
						  files:
						    - path: /etc/a
						      mode: "0644"
						      overwrite: "yes"
						    - path: 42
						  disks:
						    - device: /dev/sdb
						      partitions:
						        - number: 1
						          size_mib: 1.5
						          start_mib: 10000000000
						  directories: /etc/d
						passwd: core
						systemd:
						  units:
						    - "a.service"
						""", List.of(finding("/storage/files/0/mode", "must be a whole number"),
						finding("/storage/files/0/overwrite", "must be true or false"),
						finding("/storage/files/1/path", "must be a string"),
						finding("/storage/disks/0/partitions/0/size_mib", "must be a whole number"),
						finding("/storage/disks/0/partitions/0/start_mib", "is out of range"),
						finding("/storage/directories", "must be a list"), finding("/passwd", "must be an object"),
						finding("/systemd/units/0", "must be an object"))),
				argumentSet("inline and source both set (butane's ErrTooManyResourceSources)", """
						storage:
						  files:
						    - path: /etc/a
						      contents:
						        inline: a
						        source: https://example.com/a
						""", List.of(finding("/storage/files/0/contents/source",
						"cannot be set with inline: give the contents inline or a source to fetch them from, not both"))),
				argumentSet("an empty entry in a list", """
						passwd:
						  users:
						    - name: core
						      ssh_authorized_keys: [~]
						""", List.of(finding("/passwd/users/0/ssh_authorized_keys/0",
						"must not be empty: remove the entry or give it a value"))));
	}

	@Test
	void aSnippetThatIsNotAnObjectIsUnreadable() {
		ButaneSnippetReader.Read read = ButaneSnippetReader.read(Mappers.yaml().readTree("- a\n"));

		assertThat(read.config()).isNull();
		assertThat(read.problems()).containsExactly(finding("", "must be a Butane config: an object"));
	}

	@Test
	void everyFieldOfTheModelReadsBackAsWritten() {
		ButaneConfig everything = ButaneExamples.everything();
		JsonNode tree = Mappers.butaneYaml().readTree(ButaneYaml.write(everything));

		ButaneSnippetReader.Read read = ButaneSnippetReader.read(tree);

		assertThat(read.problems()).isEmpty();
		assertThat(read.config()).isEqualTo(everything);
	}

	@Test
	void aSnippetMayLeaveOutVariantAndVersion() {
		ButaneSnippetReader.Read read = ButaneSnippetReader
			.read(Mappers.yaml().readTree("storage:\n  files:\n    - path: /etc/a\n      mode: 420\n"));

		assertThat(read.problems()).isEmpty();
		assertThat(read.config().variant()).isNull();
		assertThat(read.config().storage().files().get(0).mode()).isEqualTo(0644);
	}

	private static Finding finding(String pointer, String message) {
		return new Finding(pointer, message);
	}

}
