package dev.stoker.web;

import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.stoker.problem.RetryAfter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of fault a database outage raises is answered 503 with Retry-After, never
 * 500: Ignition retries a 5xx, but an operator's tools and the metrics read 500 as a bug.
 * Spring raises {@code CannotCreateTransactionException} when the transaction's
 * connection cannot be had, and {@code TransactionSystemException} when the connection is
 * lost by the time of its commit or rollback.
 */
class TransientFaultsTest {

	static Stream<Supplier<RuntimeException>> faults() {
		return Stream.of(() -> new CannotCreateTransactionException("no connection"),
				() -> new TransactionSystemException("rollback failed"),
				() -> new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001")),
				() -> new DataAccessResourceFailureException("connection reset"),
				() -> new QueryTimeoutException("socket timeout"), () -> new CannotAcquireLockException("lock timeout"),
				() -> new RecoverableDataAccessException("reconnect"));
	}

	@ParameterizedTest
	@MethodSource("faults")
	void answer503WithRetryAfter(Supplier<RuntimeException> fault) throws Exception {
		MockMvcTester mvc = MockMvcTester.of(java.util.List.of(new Failing(fault.get())),
				(builder) -> builder.setControllerAdvice(new ProblemDetailsAdvice()).build());
		MvcTestResult result = mvc.get().uri("/fails").exchange();

		assertThat(result).hasStatus(503).hasHeader("Retry-After", RetryAfter.SECONDS);
		assertThat(result.getResponse().getContentAsString()).contains("\"type\":\"urn:stoker:problem:unavailable\"")
			.contains("The database cannot be reached; retry shortly.");
	}

	@RestController
	static class Failing {

		private final RuntimeException fault;

		Failing(RuntimeException fault) {
			this.fault = fault;
		}

		@GetMapping("/fails")
		String fail() {
			throw fault;
		}

	}

}
