package dev.stoker.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.ProblemDetail;

import dev.stoker.json.Mappers;

/**
 * Tomcat answers some requests before Spring sees them (a malformed URL, headers over the
 * limit). Its default is an HTML page; this valve answers an RFC 9457 problem detail
 * instead, so a client gets the same kind of error from every layer.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String body = Mappers.json().writeValueAsString(ProblemDetail.forStatus(status));
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write(body);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response is already closed: nothing left
			// to tell it
		}
	}

}
