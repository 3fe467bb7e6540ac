package dev.stoker.access;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.stoker.json.Mappers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Guards everything under /api/ with the admin bearer token. Health, the API description
 * and Swagger UI stay open. A refusal is one fixed problem body that echoes nothing of
 * the request.
 */
@Component
class AdminAuthenticationFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final AdminToken adminToken;

	AdminAuthenticationFilter(AdminToken adminToken) {
		this.adminToken = adminToken;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
				&& adminToken.matches(authorization.substring(BEARER.length()).strip())) {
			chain.doFilter(request, response);
			return;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"Send the admin token as 'Authorization: Bearer <token>'.");
		problem.setType(URI.create("urn:stoker:problem:unauthorized"));
		problem.setTitle("Unauthorized");
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"stoker\"");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		Mappers.json().writeValue(response.getOutputStream(), problem);
	}

}
