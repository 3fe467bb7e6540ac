package dev.stoker;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A public URL that Ignition could not fetch from stops the start, with Spring Boot's
 * report naming the property and what to set it to.
 * <p>
 * The last test starts an application of its own rather than using the shared one: the
 * start failing is the test.
 */
@ExtendWith(OutputCaptureExtension.class)
class StokerPropertiesValidatorTest {

	private static final String SET = "; set stoker.public-url (environment variable STOKER_PUBLICURL) to the https "
			+ "URL machines reach Stoker at, such as https://stoker.example.com";

	@TempDir
	Path dataDir;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					stoker.example.com                  | is not an absolute URL: it has no scheme
					/stoker                             | is not an absolute URL: it has no scheme
					ftp://stoker.example.com            | must be an http or https URL, not ftp
					tftp://10.0.0.1/                    | must be an http or https URL, not tftp
					https:stoker.example.com            | names no host
					https:///api                        | names no host
					https://ops:secret@stoker.example.com | must not carry a user name or password: machines authenticate with their fetch token
					https://stoker.example.com/?a=b     | must not have a query or fragment: the document paths are added after it
					https://stoker.example.com/#top     | must not have a query or fragment: the document paths are added after it
					""")
	void refusedWithWhatToSet(String url, String problem) {
		assertThat(StokerPropertiesValidator.publicUrlProblem(URI.create(url))).contains(problem + SET);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "https://stoker.example.com", "https://stoker.example.com/", "http://10.0.0.5:8080",
			"HTTPS://stoker.example.com/base/path", "https://[fd00::5]:8443" })
	void accepted(String url) {
		assertThat(StokerPropertiesValidator.publicUrlProblem(URI.create(url))).isEmpty();
	}

	@Test
	void aPublicUrlWithoutSchemeStopsTheStartWithBootsReport(CapturedOutput output) {
		SpringApplication application = new SpringApplication(StokerApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatException().isThrownBy(
				() -> application
					.run("--stoker.data-dir=" + dataDir, "--stoker.public-url=stoker.example.com",
							"--spring.main.banner-mode=off")
					.close());

		assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
			.contains("Property: stoker.public-url")
			.contains("Value: \"stoker.example.com\"")
			.contains("Reason: is not an absolute URL: it has no scheme" + SET);
	}

}
