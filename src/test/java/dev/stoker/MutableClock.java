package dev.stoker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test can move: it reads the system clock until the test sets or advances it,
 * and from then on stands still until it is moved again. The shared application (see
 * {@link SharedApplication}) has it as its {@code @Primary} clock, so that every
 * component taking a {@link Clock} reads this one; it follows the system clock again
 * before each test class.
 */
public final class MutableClock extends Clock {

	/** Where the clock stands, or null while it follows the system clock. */
	private volatile Instant stopped;

	/** Stops the clock at the given instant. */
	public void set(Instant instant) {
		stopped = instant;
	}

	/**
	 * Stops the clock this much later than it reads now (earlier, with a negative
	 * duration).
	 */
	public void advance(Duration duration) {
		stopped = instant().plus(duration);
	}

	/** Lets the clock follow the system clock again. */
	public void followSystemClock() {
		stopped = null;
	}

	@Override
	public Instant instant() {
		Instant instant = stopped;
		return (instant != null) ? instant : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		if (ZoneOffset.UTC.equals(zone)) {
			return this;
		}
		throw new UnsupportedOperationException("a MutableClock keeps UTC");
	}

}
