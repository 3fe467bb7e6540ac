package dev.stoker;

import dev.stoker.audit.Requester;

/** Who asks, in tests that call the services directly rather than over HTTP. */
public final class TestRequester {

	public static final Requester ADMIN = new Requester("admin", null, "127.0.0.1", "test-request");

	private TestRequester() {
	}

}
