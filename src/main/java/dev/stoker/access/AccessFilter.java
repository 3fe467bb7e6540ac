package dev.stoker.access;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.stoker.audit.Requester;
import dev.stoker.problem.ProblemResponses;
import dev.stoker.secrets.FetchToken;
import dev.stoker.secrets.FetchTokens;
import dev.stoker.secrets.KeeperToken;
import dev.stoker.secrets.KeeperTokens;
import dev.stoker.secrets.ReportToken;
import dev.stoker.secrets.ReportTokens;
import dev.stoker.secrets.StaleMasterKeyException;

/**
 * Guards every path but the open ones: health, metrics, the API description and Swagger
 * UI. It judges the raw path, which {@code NormalFormUriFilter} has already made sure is
 * the path Spring routes (no escapes of plain characters, no {@code ;} parameters, no dot
 * or empty segments).
 * <ul>
 * <li>A credential in the query string is refused (400) before anything else: URLs end up
 * in logs.</li>
 * <li>The Authorization header must carry the admin token, a current fetch token or a
 * current keeper credential or a current report credential (401).</li>
 * <li>A fetch token opens GET of its own group's butane, ignition and kubeadm documents,
 * and of its cluster's static nodes' documents, which the renderer narrows to the group's
 * nodes; a keeper credential its own cluster's join-token list and check-ins; a report
 * credential POST of its own group's machine reports; anything else is 403, whether it
 * exists or not.</li>
 * </ul>
 * Every request gets an id (a well-formed {@code X-Request-Id} it came with, or a new
 * one), answered in {@code X-Request-Id} and named in the audit log.
 * <p>
 * Ordered after Spring's own filters (the last of which, the request context filter, is
 * at -105) and ahead of the filter that serves node documents, which is the last.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class AccessFilter extends OncePerRequestFilter {

	static final String REQUEST_ID = "X-Request-Id";

	/** The challenge of every 401. */
	static final String CHALLENGE = "Bearer realm=\"stoker\"";

	private static final String BEARER = "bearer ";

	private static final Pattern WELL_FORMED_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	/** Names under which a credential is commonly put in a URL. */
	private static final Set<String> CREDENTIAL_PARAMETERS = Set.of("access_token", "token", "fetch_token",
			"fetchtoken", "admin_token", "authorization", "bearer", "api_key", "apikey");

	private final AdminToken adminToken;

	private final FetchTokens fetchTokens;

	private final FetchTokenScope fetchTokenScope;

	private final KeeperTokens keeperTokens;

	private final KeeperTokenScope keeperTokenScope;

	private final ReportTokens reportTokens;

	private final ReportTokenScope reportTokenScope;

	AccessFilter(AdminToken adminToken, FetchTokens fetchTokens, FetchTokenScope fetchTokenScope,
			KeeperTokens keeperTokens, KeeperTokenScope keeperTokenScope, ReportTokens reportTokens,
			ReportTokenScope reportTokenScope) {
		this.reportTokens = reportTokens;
		this.reportTokenScope = reportTokenScope;
		this.adminToken = adminToken;
		this.fetchTokens = fetchTokens;
		this.fetchTokenScope = fetchTokenScope;
		this.keeperTokens = keeperTokens;
		this.keeperTokenScope = keeperTokenScope;
	}

	/**
	 * The paths answered without a credential, matched exactly or, for the API
	 * description and Swagger UI's files, as a prefix. Everything else, unknown paths
	 * included, needs a credential: the allow-list is short so that a new endpoint is
	 * guarded by default.
	 */
	private static final Set<String> OPEN_PATHS = Set.of("/actuator/health", "/actuator/health/liveness",
			"/actuator/health/readiness", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs.yaml",
			"/swagger-ui.html");

	private static final List<String> OPEN_PREFIXES = List.of("/v3/api-docs/", "/swagger-ui/");

	static boolean isOpen(String path) {
		return OPEN_PATHS.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = requestId(request);
		response.setHeader(REQUEST_ID, requestId);
		MDC.put("requestId", requestId);
		try {
			if (hasCredentialInQuery(request)) {
				ProblemResponses.write(response, AccessProblems.credentialInUrl());
				return;
			}
			if (isOpen(request.getRequestURI().substring(request.getContextPath().length()))) {
				chain.doFilter(request, response);
				return;
			}
			Optional<Credential> credential;
			boolean allowed;
			try {
				credential = authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
				allowed = credential.isPresent() && allowed(credential.get(), request);
				if (!allowed && credential.orElse(null) instanceof Credential.Fetch fetch
						&& !fetchTokens.stillCurrent(fetch.holder())) {
					// kept in memory as verified, and rotated on another replica since:
					// refused as the unknown token it now is
					credential = Optional.empty();
				}
			}
			catch (StaleMasterKeyException ex) {
				// never 401: the token may be good, and Ignition would not ask again
				logger.warn(ex.getMessage());
				ProblemResponses.write(response, AccessProblems.staleMasterKey());
				return;
			}
			catch (DataAccessException | TransactionException ex) {
				logger.warn("Cannot check a credential, the database is unavailable: " + ex.getClass().getSimpleName());
				ProblemResponses.write(response, AccessProblems.unavailable());
				return;
			}
			if (credential.isEmpty()) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
				ProblemResponses.write(response, AccessProblems.unauthorized());
				return;
			}
			if (!allowed) {
				ProblemResponses.write(response, AccessProblems.forbidden());
				return;
			}
			request.setAttribute(Credential.ATTRIBUTE, credential.get());
			request.setAttribute(Requester.ATTRIBUTE, requester(credential.get(), request, requestId));
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("requestId");
		}
	}

	private Optional<Credential> authenticate(String authorization) {
		if (authorization == null || authorization.length() <= BEARER.length()
				|| !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Optional.empty();
		}
		String presented = authorization.substring(BEARER.length()).strip();
		if (adminToken.matches(presented)) {
			return Optional.of(new Credential.Admin());
		}
		Optional<FetchToken> fetch = FetchToken.parse(presented);
		if (fetch.isPresent()) {
			// from memory when verified before: a fetch token opens node documents only,
			// whose audit row checks the token again before the answer leaves
			return fetch.flatMap(fetchTokens::recognize).map(Credential.Fetch::new);
		}
		Optional<ReportToken> report = ReportToken.parse(presented);
		if (report.isPresent()) {
			return report.flatMap(reportTokens::authenticate).map(Credential.Report::new);
		}
		return KeeperToken.parse(presented).flatMap(keeperTokens::authenticate).map(Credential.Keeper::new);
	}

	/**
	 * The admin token opens everything; a fetch token what its scope allows. The path is
	 * the raw one, which NormalFormUriFilter has made sure is the path Spring routes.
	 */
	private boolean allowed(Credential credential, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (credential instanceof Credential.Fetch fetch) {
			return fetchTokenScope.opens(fetch.holder(), request.getMethod(), path);
		}
		if (credential instanceof Credential.Keeper keeper) {
			return keeperTokenScope.opens(keeper.holder(), request.getMethod(), path);
		}
		if (credential instanceof Credential.Report report) {
			return reportTokenScope.opens(report.holder(), request.getMethod(), path);
		}
		return true;

	}

	/**
	 * Reads the query string itself rather than the request's parameters, which for a
	 * form body would mean reading the body too.
	 */
	private boolean hasCredentialInQuery(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null) {
			return false;
		}
		for (String parameter : query.split("&")) {
			int equals = parameter.indexOf('=');
			String name = decode((equals < 0) ? parameter : parameter.substring(0, equals));
			String value = (equals < 0) ? "" : decode(parameter.substring(equals + 1));
			if (CREDENTIAL_PARAMETERS.contains(name.toLowerCase(Locale.ROOT)) || FetchToken.looksLikeOne(value)
					|| KeeperToken.looksLikeOne(value) || ReportToken.looksLikeOne(value)
					|| (!value.isBlank() && adminToken.matches(value.strip()))) {
				return true;
			}
		}
		return false;
	}

	/** A malformed escape is judged as written. */
	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	private static Requester requester(Credential credential, HttpServletRequest request, String requestId) {
		if (credential instanceof Credential.Fetch fetch) {
			return new Requester("fetch-token", fetch.holder().tokenId(), request.getRemoteAddr(), requestId);
		}
		if (credential instanceof Credential.Keeper keeper) {
			return new Requester("keeper-token", keeper.holder().tokenId(), request.getRemoteAddr(), requestId);
		}
		if (credential instanceof Credential.Report report) {
			return new Requester("report-token", report.holder().tokenId(), request.getRemoteAddr(), requestId);
		}
		return new Requester("admin", null, request.getRemoteAddr(), requestId);
	}

	/**
	 * A random (version 4) UUID from the thread's own generator: a request id only has to
	 * be unique, not unguessable, and {@link UUID#randomUUID} draws from one shared
	 * SecureRandom that every request thread queued for under load.
	 */
	static UUID newRequestId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
		return new UUID(high, low);
	}

	private static String requestId(HttpServletRequest request) {
		String given = request.getHeader(REQUEST_ID);
		if (given != null && WELL_FORMED_REQUEST_ID.matcher(given).matches()) {
			return given;
		}
		return newRequestId().toString();
	}

}
