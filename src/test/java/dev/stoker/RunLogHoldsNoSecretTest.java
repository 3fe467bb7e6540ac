package dev.stoker;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs in a JVM of its own after all the other tests of the run, Jupiter and jqwik alike
 * (a Surefire execution of its own), and searches all they logged for anything shaped
 * like a bootstrap token, certificate key, fetch token, keeper credential, generated
 * admin token, master key or PEM private key. The whole suite creates clusters, renders
 * and rotates secrets, fails authentication and database writes, some of it with TRACE
 * logging: none of it may leave a secret in a log line.
 */
class RunLogHoldsNoSecretTest {

	@Test
	void theScanFindsEachShapeOfSecret() {
		String leaks = String.join("\n", "token abcdef.0123456789abcdef joined",
				"key 0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
				"Bearer stf.k3v9q0a1b2c3.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
				"Bearer stj.k3v9q0a1b2c3.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
				"admin stk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "-----BEGIN EC PRIVATE KEY-----",
				"previous key q0Rf2pDq8u5xV9eLk6jTb3YwN1cZ7aHs4mGv0iUoXyE= given");
		assertThat(RunLog.secretShapedLines(leaks)).hasSize(7);
		assertThat(RunLog.secretShapedLines(
				"Started StokerApplication in 3.2 seconds; dev.stoker.serving.NodeDocuments sha256:abc token [redacted]"))
			.isEmpty();
	}

	/**
	 * Under ./mvnw verify every other test ran before this one and wrote this file. The
	 * marker line proves that the run log is written as this test reads it.
	 */
	@Test
	void noLogLineOfTheWholeRunHoldsASecret() {
		String marker = "run log check " + UUID.randomUUID();
		LoggerFactory.getLogger(RunLogHoldsNoSecretTest.class).info(marker);
		String log = RunLog.read();
		assertThat(log).as("the run log captures log lines").contains(marker);
		assertThat(RunLog.secretShapedLines(log)).isEmpty();
	}

}
