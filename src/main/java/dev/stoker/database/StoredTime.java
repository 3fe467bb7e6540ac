package dev.stoker.database;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants as both databases keep them. Microseconds are the finest both H2 and
 * PostgreSQL store, so a timestamp answered before it is written reads back equal. They
 * travel as OffsetDateTime at UTC, never as java.sql.Timestamp: a Timestamp passes
 * through the local time zone, and H2 then stores an instant in the hour that repeats
 * when daylight saving ends an hour off.
 */
public final class StoredTime {

	private StoredTime() {
	}

	/** Now, to the microsecond. */
	public static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** A column value for an instant, to the microsecond. */
	public static OffsetDateTime column(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

}
