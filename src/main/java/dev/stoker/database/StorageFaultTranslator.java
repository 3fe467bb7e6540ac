package dev.stoker.database;

import java.io.IOException;
import java.sql.SQLException;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.stereotype.Component;

/**
 * Spring's default translation of SQL exceptions, plus one case it does not know: a
 * statement that failed because the database could not write (or read) its files. H2
 * reports a write its file refused, as on a full disk, as error 50000 "General error"
 * (SQLState HY000) with the {@code IOException} at the end of its causes, which Spring
 * leaves uncategorized, so that a statement committing by itself (a delete, outside a
 * transaction) answered 500. As a resource failure it answers 503 with Retry-After, like
 * a commit that fails the same way. Spring Boot gives this translator, the only one, to
 * the application's {@code JdbcTemplate} and {@code JdbcClient}.
 */
@Component
class StorageFaultTranslator extends SQLExceptionSubclassTranslator {

	StorageFaultTranslator() {
		setCustomTranslator(StorageFaultTranslator::storageFault);
	}

	private static DataAccessException storageFault(String task, String sql, SQLException ex) {
		IOException io = ioCause(ex);
		if (io == null) {
			return null;
		}
		return new DataAccessResourceFailureException(task + "; the database could not use its files", ex);
	}

	/** The I/O failure among the causes of {@code ex}, or null. */
	static IOException ioCause(Throwable ex) {
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof IOException io) {
				return io;
			}
		}
		return null;
	}

}
