package dev.stoker.secrets;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.stoker.StokerApplication;
import dev.stoker.TestDefinitions;
import dev.stoker.TestRequester;
import dev.stoker.cluster.ClusterService;
import dev.stoker.json.Mappers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data directory started with another valid master key: the start stops with both key
 * ids named, nothing is written, and the right key still opens everything.
 * <p>
 * It starts applications of its own rather than using the shared one: restarting on one
 * data directory is the test.
 */
class WrongMasterKeyStartTest {

	private static final String RIGHT = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String WRONG = Base64.getEncoder()
		.encodeToString("another key of thirty-two bytes!".getBytes());

	@TempDir
	Path dataDir;

	private ConfigurableApplicationContext start(String masterKey) {
		SpringApplication application = new SpringApplication(StokerApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run("--stoker.data-dir=" + dataDir, "--stoker.admin.token=wrong-master-key-test-token",
				"--stoker.master.key=" + masterKey, "--spring.main.banner-mode=off");
	}

	@Test
	void anotherKeyStopsTheStartAndWritesNothing() {
		String rightId = new MasterKey(Base64.getDecoder().decode(RIGHT)).id();
		String wrongId = new MasterKey(Base64.getDecoder().decode(WRONG)).id();
		long auditRows;
		try (ConfigurableApplicationContext context = start(RIGHT)) {
			context.getBean(ClusterService.class)
				.create(Mappers.json().readTree(TestDefinitions.dualStackAws("kept")), TestRequester.ADMIN);
			auditRows = rows(context, "audit_event");
			assertThat(JdbcClient.create(context.getBean(javax.sql.DataSource.class))
				.sql("SELECT key_id FROM master_key")
				.query(String.class)
				.single()).isEqualTo(rightId);
		}

		assertThatThrownBy(() -> start(WRONG).close()).rootCause()
			.isInstanceOf(StoredMasterKey.WrongMasterKeyException.class)
			.hasMessageStartingWith("The stored secrets are encrypted under master key " + rightId
					+ ", but the configured master key is " + wrongId + ". Set stoker.master.key (STOKER_MASTER_KEY)")
			.message()
			.doesNotContain(RIGHT)
			.doesNotContain(WRONG);

		try (ConfigurableApplicationContext context = start(RIGHT)) {
			assertThat(rows(context, "audit_event")).as("nothing written under the wrong key").isEqualTo(auditRows);
			assertThat(context.getBean(ClusterSecrets.class).load("kept")).isPresent();
		}
	}

	private static long rows(ConfigurableApplicationContext context, String table) {
		return JdbcClient.create(context.getBean(javax.sql.DataSource.class))
			.sql("SELECT count(*) FROM " + table)
			.query(Long.class)
			.single();
	}

}
