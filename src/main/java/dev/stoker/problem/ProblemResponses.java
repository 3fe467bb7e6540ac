package dev.stoker.problem;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import dev.stoker.json.Mappers;

/**
 * Writes a problem as the whole answer, for the filters and handlers that answer before
 * or outside Spring MVC's message converters. Never cached; a 503 with Retry-After.
 */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, RetryAfter.SECONDS);
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		Mappers.json().writeValue(response.getOutputStream(), problem);
	}

}
