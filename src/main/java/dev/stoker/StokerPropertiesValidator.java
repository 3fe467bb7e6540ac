package dev.stoker;

import java.net.URI;
import java.util.Optional;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks Stoker's settings as Spring Boot binds them, so that a start with a setting that
 * cannot work stops with Boot's "Binding to target ... failed" report, which names the
 * property, where it came from and the reason below. Spring's own validator interface,
 * registered as the {@code configurationPropertiesValidator} bean: Boot applies that bean
 * to every {@code @ConfigurationProperties} type it supports, and needs no Bean
 * Validation library for it.
 */
final class StokerPropertiesValidator implements Validator {

	static final String SET_PUBLIC_URL = "set " + StokerProperties.PUBLIC_URL_TO_SET;

	@Override
	public boolean supports(Class<?> type) {
		return StokerProperties.class.equals(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		URI publicUrl = ((StokerProperties) target).publicUrl();
		if (publicUrl != null) {
			publicUrlProblem(publicUrl)
				.ifPresent((problem) -> errors.rejectValue("public-url", "stoker.public-url", problem));
		}
	}

	/**
	 * Pointers name {@code <public-url>/api/v1/...} as the source Ignition fetches with
	 * the fetch token in a header, and Ignition sends headers only over http and https
	 * (it refuses any other scheme, and a source without one, as "invalid url scheme"):
	 * anything else gives every machine a pointer it cannot use.
	 */
	static Optional<String> publicUrlProblem(URI url) {
		String scheme = url.getScheme();
		if (scheme == null) {
			return Optional.of("is not an absolute URL: it has no scheme; " + SET_PUBLIC_URL);
		}
		if (!scheme.equalsIgnoreCase("https") && !scheme.equalsIgnoreCase("http")) {
			return Optional.of("must be an http or https URL, not " + scheme + "; " + SET_PUBLIC_URL);
		}
		if (url.isOpaque() || url.getHost() == null) {
			return Optional.of("names no host; " + SET_PUBLIC_URL);
		}
		if (url.getRawUserInfo() != null) {
			return Optional.of("must not carry a user name or password: machines authenticate with their fetch "
					+ "token; " + SET_PUBLIC_URL);
		}
		if (url.getRawQuery() != null || url.getRawFragment() != null) {
			return Optional
				.of("must not have a query or fragment: the document paths are added after it; " + SET_PUBLIC_URL);
		}
		return Optional.empty();
	}

}
