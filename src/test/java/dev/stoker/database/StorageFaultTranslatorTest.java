package dev.stoker.database;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement the disk refused is a resource failure (503); everything else is translated
 * as Spring does by default.
 */
class StorageFaultTranslatorTest {

	private final StorageFaultTranslator translator = new StorageFaultTranslator();

	@Test
	void aWriteTheDiskRefusedIsAResourceFailure() {
		SQLException refused = new SQLException("General error: Writing to stoker.mv.db failed [50000-232]", "HY000",
				50000, new IllegalStateException("Writing failed", new IOException("No space left on device")));

		assertThat(translator.translate("PreparedStatementCallback", "DELETE FROM cluster", refused))
			.isInstanceOf(DataAccessResourceFailureException.class)
			.hasMessage("PreparedStatementCallback; the database could not use its files")
			.hasCause(refused);
	}

	@Test
	void aGeneralErrorWithoutAnIoFailureStaysUncategorized() {
		assertThat(translator.translate("task", null, new SQLException("General error", "HY000", 50000))).isNull();
	}

	@Test
	void otherFaultsAreTranslatedAsBefore() {
		assertThat(translator.translate("task", null,
				new SQLIntegrityConstraintViolationException("Unique index", "23505", 23505)))
			.isInstanceOf(DuplicateKeyException.class);
		assertThat(translator.translate("task", null,
				new SQLNonTransientConnectionException("The database has been closed", "90098", 90098)))
			.isInstanceOf(DataAccessResourceFailureException.class);
	}

}
