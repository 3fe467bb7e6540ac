package dev.stoker.problem;

/**
 * The Retry-After of every 503 Stoker answers (database unreachable, audit row not
 * written, shutting down). Short: these pass quickly, and Ignition retries with its own
 * backoff anyway.
 */
public final class RetryAfter {

	public static final String SECONDS = "5";

	private RetryAfter() {
	}

}
