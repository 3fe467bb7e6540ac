package dev.stoker.machines;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import dev.stoker.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** One bucket per credential: a burst of a minute's reports, then the steady rate. */
class ReportRateLimitTest {

	private final MutableClock clock = new MutableClock();

	private final ReportRateLimit limit = new ReportRateLimit(
			new MachineSettings(Duration.ofMinutes(30), Duration.ofDays(30), 10000, 60), clock);

	@Test
	void aBurstIsTakenThenEachReportWaitsItsTurn() {
		clock.set(Instant.parse("2026-12-01T10:00:00Z"));
		for (int i = 0; i < 60; i++) {
			limit.take("abcdefghijkl");
		}
		TooManyReportsException refused = catchThrowableOfType(TooManyReportsException.class,
				() -> limit.take("abcdefghijkl"));
		assertThat(refused.getStatusCode().value()).isEqualTo(429);
		assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(refused.getBody().getDetail()).isEqualTo("This node group's machines sent more reports than"
				+ " Stoker takes (60 a minute, stoker.machines.reports-per-minute); retry after the seconds in"
				+ " Retry-After.");
		// another group's credential has a bucket of its own
		assertThatCode(() -> limit.take("mnopqrstuvwx")).doesNotThrowAnyException();
		clock.advance(Duration.ofSeconds(1));
		assertThatCode(() -> limit.take("abcdefghijkl")).doesNotThrowAnyException();
		assertThat(catchThrowableOfType(TooManyReportsException.class, () -> limit.take("abcdefghijkl"))).isNotNull();
		clock.advance(Duration.ofMinutes(5));
		for (int i = 0; i < 60; i++) {
			limit.take("abcdefghijkl");
		}
	}

}
