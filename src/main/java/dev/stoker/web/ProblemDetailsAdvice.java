package dev.stoker.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

import dev.stoker.json.MalformedInput;
import dev.stoker.problem.FieldError;
import dev.stoker.problem.InvalidRequestException;
import dev.stoker.problem.ProblemResponses;
import dev.stoker.problem.ProblemType;
import dev.stoker.problem.RetryAfter;
import dev.stoker.secrets.StaleMasterKeyException;

/**
 * Answers every error as an RFC 9457 problem detail. Spring's own exceptions (404, 405,
 * 406, 415, ...) get their standard problem; the ones here add what an API client needs
 * and never echo a stack trace, a class name or the request body.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final String EMPTY_BODY = "The body is empty: send a JSON or YAML document, and its type in "
			+ "Content-Type.";

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (RequestSizeLimitFilter.isTooLarge(ex)) {
			return problem(ProblemType.BODY_TOO_LARGE.problem(RequestSizeLimitFilter.tooLargeDetail(request)));
		}
		return problem(ProblemType.MALFORMED_BODY.problem(malformed(ex, request)));
	}

	/**
	 * What is wrong with the body and where, in words of Stoker's own: the parsers'
	 * messages quote the body (see MalformedInput).
	 */
	private static String malformed(HttpMessageNotReadableException ex, WebRequest request) {
		boolean yaml = isYaml(request.getHeader(HttpHeaders.CONTENT_TYPE));
		if (ex.getCause() instanceof JacksonException parsing) {
			return MalformedInput.of(parsing, yaml).detail(yaml);
		}
		if (ex.getCause() == null && String.valueOf(ex.getMessage()).startsWith("Required request body is missing")) {
			return EMPTY_BODY;
		}
		return "The body is not well-formed " + (yaml ? "YAML" : "JSON") + ".";
	}

	private static boolean isYaml(String contentType) {
		try {
			return contentType != null && MediaType.parseMediaType(contentType).getSubtype().endsWith("yaml");
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/**
	 * Lists the types the endpoint reads, in the detail and in Accept, which RFC 9110
	 * (section 15.5.16) names for a 415 to say which media types would have been
	 * accepted. The Content-Type that was sent is not repeated: it is part of the
	 * request.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<MediaType> readable = ex.getSupportedMediaTypes()
			.stream()
			.filter((type) -> !type.isWildcardType() && !type.isWildcardSubtype())
			.distinct()
			.toList();
		String types = readable.stream().map(MediaType::toString).collect(Collectors.joining(", "));
		String sent = (request.getHeader(HttpHeaders.CONTENT_TYPE) == null) ? "The request has no Content-Type"
				: "The Content-Type is not one this endpoint reads";
		String detail = readable.isEmpty() ? sent + "; this endpoint reads no body."
				: sent + ": send the body as one of " + types + ", and say so in Content-Type.";
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers((answer) -> {
			if (!readable.isEmpty()) {
				answer.setAccept(readable);
			}
		}).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(detail));
	}

	/**
	 * A query parameter or header that is not of its type ({@code ?limit=abc}): Spring's
	 * own answer quotes the value, which may be a credential pasted into the wrong place.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
				: String.valueOf(ex.getPropertyName());
		String expected = expected(ex.getRequiredType());
		return invalidRequest(where(ex) + " " + name + " " + expected + ".", new FieldError(name, expected));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalidRequest("The query parameter " + ex.getParameterName() + " is required.",
				new FieldError(ex.getParameterName(), "is required"));
	}

	@Override
	protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex instanceof MissingRequestHeaderException header) {
			return invalidRequest("The header " + header.getHeaderName() + " is required.",
					new FieldError(header.getHeaderName(), "is required"));
		}
		return invalidRequest(
				"The request's parameters or headers cannot be read; see the API description at " + "/v3/api-docs.",
				new FieldError("", "cannot be read"));
	}

	private static String where(TypeMismatchException ex) {
		if (ex instanceof MethodArgumentTypeMismatchException argument) {
			if (argument.getParameter().hasParameterAnnotation(RequestHeader.class)) {
				return "The header";
			}
			if (argument.getParameter().hasParameterAnnotation(PathVariable.class)) {
				return "The path segment";
			}
		}
		return "The query parameter";
	}

	private static String expected(Class<?> type) {
		if (type == boolean.class || type == Boolean.class) {
			return "must be true or false";
		}
		if (type != null && (type.isPrimitive() || Number.class.isAssignableFrom(type))) {
			return "must be a whole number";
		}
		return "is not of the type it takes";
	}

	private static ResponseEntity<Object> invalidRequest(String detail, FieldError error) {
		return problem(new InvalidRequestException(detail, List.of(error)).getBody());
	}

	/**
	 * Written here rather than returned: the message converters would pick the body's
	 * type from the very Accept header that was refused (or could not be parsed, as
	 * {@code Accept: ;;;}), and answer no body at all. The problem is the answer whatever
	 * the client accepts (RFC 9110, section 15.5.7 allows it).
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		HttpServletResponse response = ((NativeWebRequest) request).getNativeResponse(HttpServletResponse.class);
		if (response == null || response.isCommitted()) {
			return null;
		}
		ProblemDetail problem = ProblemType.NOT_ACCEPTABLE
			.problem("This endpoint answers none of the types the Accept header allows (a type with q=0 is refused). "
					+ "Accept one of: " + acceptable(ex) + ".");
		try {
			ProblemResponses.write(response, problem);
		}
		catch (java.io.IOException io) {
			log.debug("Could not write the 406 answer: {}", io.getClass().getSimpleName());
		}
		return null;
	}

	private static String acceptable(HttpMediaTypeNotAcceptableException ex) {
		List<MediaType> types = ex.getSupportedMediaTypes();
		if (types.isEmpty()) {
			return "application/json, application/yaml";
		}
		return types.stream()
			.map(MediaType::toString)
			.filter((type) -> !type.contains("*"))
			.distinct()
			.collect(java.util.stream.Collectors.joining(", "));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return problem(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No endpoint answers this path; the API is described at /v3/api-docs."));
	}

	/**
	 * Every fault of the database that a retry can outlast: no connection (also when
	 * opening the transaction's, {@code CannotCreateTransactionException}), a connection
	 * lost inside a transaction ({@code TransactionSystemException} when its commit or
	 * rollback fails), timeouts and serialization failures. Ignition retries a 503, and
	 * an operator's tools and the metrics do not read it as a bug.
	 * <p>
	 * A connection lost inside a transaction ends as {@code TransactionSystemException}
	 * whatever statement it was lost at, COMMIT included: Hikari swaps a connection that
	 * failed with an SQLState of class 08 for a closed stand-in, whose rollback throws an
	 * {@code SQLException} without SQLState that Spring cannot translate, and
	 * {@code TransactionTemplate} throws that rollback failure instead of the
	 * statement's. PostgresTransactionCutTest cuts PostgreSQL at each stage of each
	 * endpoint's transaction.
	 */
	@ExceptionHandler({ CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessException.class, RecoverableDataAccessException.class,
			CannotCreateTransactionException.class, TransactionSystemException.class, QueryTimeoutException.class })
	ResponseEntity<Object> databaseUnavailable(Exception ex) {
		log.warn("Database unavailable: {}", ex.getClass().getSimpleName());
		return unavailable("The database cannot be reached; retry shortly.");
	}

	/**
	 * Another instance has rotated the master key since this one started: it must not
	 * write, and cannot read, until it is restarted with the new key. Readiness takes it
	 * out of the Service meanwhile; a retry reaches an instance that has the key.
	 */
	@ExceptionHandler(StaleMasterKeyException.class)
	ResponseEntity<Object> staleMasterKey(StaleMasterKeyException ex) {
		log.warn("{}", ex.getMessage());
		return unavailable(
				"This instance's master key is no longer the store's, which was rotated to another; retry shortly.");
	}

	private static ResponseEntity<Object> unavailable(String detail) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RetryAfter.SECONDS)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemType.UNAVAILABLE.problem(detail));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return problem(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"An unexpected error occurred; it has been logged."));
	}

	private static ResponseEntity<Object> problem(ProblemDetail body) {
		return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

}
