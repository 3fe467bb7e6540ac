package dev.stoker.butane;

import java.util.List;

import dev.stoker.Golden;
import dev.stoker.butane.ButaneConfig.Directory;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Storage;
import dev.stoker.json.Mappers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ButaneYamlTest {

	@Test
	void everyOptionSurvivesARoundTripThroughYaml() {
		ButaneConfig config = ButaneExamples.everything();

		assertThat(ButaneYaml.read(ButaneYaml.write(config))).isEqualTo(config);
	}

	@Test
	void aNodeConfigReadsAsButaneUsersWriteIt() throws Exception {
		Golden.assertMatches(ButaneYaml.write(ButaneExamples.node("1.0.0")), "butane/node.yaml");
	}

	@Test
	void modesAreWrittenAsTheirDecimalValueAndReadBackAsTheSameMode() {
		ButaneConfig config = ButaneConfig.flatcar("1.0.0",
				new Storage(List.of(new File("/etc/secret", null, null, null, 0600, null, null)),
						List.of(new Directory("/etc/d", null, 0755, null, null)), null),
				null, null);

		String yaml = ButaneYaml.write(config);

		assertThat(yaml).contains("mode: 384\n").contains("mode: 493\n").doesNotContain("600").doesNotContain("755");
		ButaneConfig back = ButaneYaml.read(yaml);
		assertThat(back.storage().files().get(0).mode()).isEqualTo(0600);
		assertThat(back.storage().directories().get(0).mode()).isEqualTo(0755);
	}

	@Test
	void anOctalLookingModeMeansSixHundredToAYaml12Reader() {
		// why Stoker never writes "mode: 0600": Butane would read 384, this reader 600
		ButaneConfig read = ButaneYaml.read("""
				variant: flatcar
				version: 1.0.0
				storage:
				  files:
				    - path: /etc/secret
				      mode: 0600
				""");

		assertThat(read.storage().files().get(0).mode()).isEqualTo(600).isNotEqualTo(0600);
	}

	@Test
	void fieldNamesAreButanesSnakeCase() {
		String yaml = ButaneYaml.write(ButaneExamples.everything());

		assertThat(yaml).contains("ssh_authorized_keys:", "password_hash:", "home_dir:", "no_create_home:",
				"primary_group:", "no_user_group:", "no_log_init:", "should_exist:", "http_headers:",
				"http_response_headers:", "http_total:", "certificate_authorities:", "http_proxy:", "https_proxy:",
				"no_proxy:", "wipe_table:", "size_mib:", "start_mib:", "type_guid:", "wipe_partition_entry:",
				"wipe_filesystem:", "mount_options:", "with_mount_unit:", "key_file:", "wipe_volume:",
				"kernel_arguments:", "should_not_exist:");
		assertThat(Mappers.butaneYaml().readTree(yaml).toString()).doesNotContainPattern("\"[a-z]+[A-Z]");
	}

	@Test
	void unitContentsAreLiteralBlocks() {
		String yaml = ButaneYaml.write(ButaneExamples.node("1.0.0"));

		assertThat(yaml).contains("contents: |\n").contains("\n      [Install]\n");
	}

}
