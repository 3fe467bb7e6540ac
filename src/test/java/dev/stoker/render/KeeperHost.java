package dev.stoker.render;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.stoker.definition.ValidCluster;

/**
 * A control plane for the join-token keeper, simulated over a timeline: the real script
 * and the real bash and curl, a stand-in Stoker on a local port, and stub {@code kubeadm}
 * and {@code kubectl} that keep the cluster's bootstrap tokens in a directory (one file a
 * token: secret, expiration, description) and record every call. {@code date} answers the
 * simulated time for {@code date -u +%s} and is the real one otherwise; between runs,
 * {@link #advance} plays the TokenCleaner and drops expired tokens.
 */
final class KeeperHost implements AutoCloseable {

	/** A token as the cluster holds it. */
	record Held(String secret, Instant expiration, String description) {
	}

	static final String CREDENTIAL = ExampleNodes.KEEPER_CREDENTIAL;

	private final Path dir;

	private final Path store;

	private final Path clock;

	private final Path calls;

	private final Path script;

	private final Map<String, String> environment;

	private final HttpServer stoker;

	private volatile int status = 200;

	private volatile List<String> listed = List.of();

	private final List<String> checkIns = Collections.synchronizedList(new ArrayList<>());

	private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

	private Instant now;

	KeeperHost(Path dir, ValidCluster cluster, Instant start) throws IOException {
		this.dir = dir;
		this.store = Files.createDirectories(dir.resolve("store"));
		this.clock = dir.resolve("clock");
		this.calls = dir.resolve("calls");
		Files.writeString(calls, "");
		this.now = start;
		writeClock();
		this.stoker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		stoker.createContext("/", this::answer);
		stoker.start();
		URI url = URI.create("http://127.0.0.1:" + stoker.getAddress().getPort() + "/api/v1/clusters/" + cluster.name()
				+ "/join-tokens");
		Path bin = Files.createDirectories(dir.resolve("bin"));
		HostSimulation.executable(bin.resolve("kubeadm"), KUBEADM);
		HostSimulation.executable(bin.resolve("kubectl"), KUBECTL);
		HostSimulation.executable(bin.resolve("date"), DATE);
		this.script = dir.resolve("join-token-keeper");
		Files.writeString(script, JoinTokenKeeper.script());
		Path credential = dir.resolve("keeper-credential");
		Files.writeString(credential, CREDENTIAL);
		Map<String, String> variables = environmentFile(
				JoinTokenKeeper.environment(cluster, new KeeperAccess(url, CREDENTIAL, null)));
		variables.put("STOKER_CREDENTIAL_FILE", credential.toString());
		variables.put("KUBEADM", bin.resolve("kubeadm").toString());
		variables.put("KUBECTL", bin.resolve("kubectl").toString());
		variables.put("PATH", bin + ":" + KubeadmUnit.PATH);
		variables.put("STORE", store.toString());
		variables.put("CLOCK", clock.toString());
		variables.put("CALLS", calls.toString());
		this.environment = variables;
	}

	/**
	 * The variables of an EnvironmentFile as systemd reads the writer's lines:
	 * {@code NAME="value"}.
	 */
	static Map<String, String> environmentFile(String file) {
		Map<String, String> variables = new LinkedHashMap<>();
		file.lines().forEach((line) -> {
			int eq = line.indexOf('=');
			String value = line.substring(eq + 1);
			if (!value.startsWith("\"") || !value.endsWith("\"")) {
				throw new AssertionError("not a double-quoted value: " + line);
			}
			variables.put(line.substring(0, eq), value.substring(1, value.length() - 1));
		});
		return variables;
	}

	/** What Stoker answers from now on: a status and, for 200, these tokens. */
	void stokerAnswers(int status, String... tokens) {
		this.status = status;
		this.listed = List.of(tokens);
	}

	void pointAt(String url) {
		environment.put("STOKER_JOIN_TOKENS_URL", url);
	}

	/**
	 * Makes the stub kubeadm or kubectl fail every call ({@code FAIL_KUBEADM},
	 * {@code FAIL_KUBECTL}).
	 */
	void failing(String variable) {
		environment.put(variable, "1");
	}

	/**
	 * A token the cluster holds before the run, as kubeadm init or an operator made it.
	 */
	void holds(String token, Instant expiration, String description) throws IOException {
		int dot = token.indexOf('.');
		Files.writeString(store.resolve(token.substring(0, dot)),
				token.substring(dot + 1) + "\n" + expiration + "\n" + description + "\n");
	}

	/**
	 * Moves the clock on; tokens past their expiration are gone, as the TokenCleaner
	 * does.
	 */
	void advance(Duration by) throws IOException {
		now = now.plus(by);
		writeClock();
		for (Map.Entry<String, Held> token : tokens().entrySet()) {
			Instant expiration = token.getValue().expiration();
			if (expiration != null && !expiration.isAfter(now)) {
				Files.delete(store.resolve(token.getKey()));
			}
		}
	}

	Instant now() {
		return now;
	}

	/** The tokens the cluster holds, by id. */
	Map<String, Held> tokens() throws IOException {
		Map<String, Held> tokens = new TreeMap<>();
		try (Stream<Path> files = Files.list(store)) {
			for (Path file : files.toList()) {
				List<String> lines = Files.readAllLines(file);
				tokens.put(file.getFileName().toString(), new Held(lines.get(0),
						lines.get(1).isEmpty() ? null : Instant.parse(lines.get(1)), lines.get(2)));
			}
		}
		return tokens;
	}

	/** Every kubeadm and kubectl call so far, one a line, and forgets them. */
	String takeCalls() throws IOException {
		String recorded = Files.readString(calls);
		Files.writeString(calls, "");
		return recorded;
	}

	List<String> checkIns() {
		return List.copyOf(checkIns);
	}

	List<String> authorizations() {
		return List.copyOf(authorizations);
	}

	/** Runs the keeper script once; the output is its journal lines. */
	HostSimulation.Run run() throws IOException, InterruptedException {
		return HostSimulation.bash(environment, Duration.ofSeconds(60), script.toString());
	}

	@Override
	public void close() {
		stoker.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
		byte[] body;
		int code;
		if ("POST".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().endsWith("/check-ins")) {
			checkIns.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
			return;
		}
		if (!"text/plain".equals(exchange.getRequestHeaders().getFirst("Accept"))) {
			code = 406;
			body = new byte[0];
		}
		else {
			code = status;
			body = (code == 200) ? String.join("\n", listed).concat("\n").getBytes(StandardCharsets.UTF_8)
					: "{\"status\":%d}".formatted(code).getBytes(StandardCharsets.UTF_8);
		}
		exchange.sendResponseHeaders(code, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private void writeClock() throws IOException {
		Files.writeString(clock, Long.toString(now.getEpochSecond()));
	}

	private static final String DATE = """
			#!/bin/bash
			if [ "$*" = "-u +%s" ]; then cat "$CLOCK"; else exec /usr/bin/date "$@"; fi
			""";

	/**
	 * kubeadm token create TOKEN --kubeconfig K --ttl 24h0m0s --description D; token
	 * delete ID.
	 */
	private static final String KUBEADM = """
			#!/bin/bash
			printf 'kubeadm' >> "$CALLS"; printf ' %q' "$@" >> "$CALLS"; echo >> "$CALLS"
			[ -n "${FAIL_KUBEADM:-}" ] && exit 1
			if [ "$1 $2" = "token create" ]; then
				token="$3"; shift 3; ttl=""; description=""
				while [ $# -gt 0 ]; do
					case "$1" in
					--ttl) ttl="$2"; shift 2 ;;
					--description) description="$2"; shift 2 ;;
					--kubeconfig) shift 2 ;;
					*) echo "unknown flag $1" >&2; exit 3 ;;
					esac
				done
				[ "$ttl" = 24h0m0s ] || { echo "unexpected ttl $ttl" >&2; exit 3; }
				[ -e "$STORE/${token%%.*}" ] && { echo "token exists" >&2; exit 1; }
				printf '%s\\n%s\\n%s\\n' "${token#*.}" "$(/usr/bin/date -u -d "@$(( $(cat "$CLOCK") + 86400 ))" +%Y-%m-%dT%H:%M:%SZ)" "$description" > "$STORE/${token%%.*}"
				echo "$token"
			elif [ "$1 $2" = "token delete" ]; then
				rm "$STORE/$3" || exit 1
				echo "bootstrap token \\"$3\\" deleted"
			else
				exit 3
			fi
			""";

	/**
	 * kubectl ... get secrets ... -o jsonpath=...; kubectl ... patch secret NAME --type
	 * merge --patch JSON.
	 */
	private static final String KUBECTL = """
			#!/bin/bash
			printf 'kubectl' >> "$CALLS"; printf ' %q' "$@" >> "$CALLS"; echo >> "$CALLS"
			[ -n "${FAIL_KUBECTL:-}" ] && exit 1
			args=" $* "
			if [[ "$args" == *" get secrets "* ]]; then
				for file in "$STORE"/*; do
					[ -e "$file" ] || continue
					{ read -r secret; read -r expiration; read -r description; } < "$file"
					printf 'bootstrap-token-%s:%s:%s:%s\\n' "$(basename "$file")" "$(printf %s "$secret" | base64 -w0)" \\
						"$(printf %s "$expiration" | base64 -w0)" "$(printf %s "$description" | base64 -w0)"
				done
				exit 0
			fi
			if [[ "$args" == *" patch secret "* ]]; then
				while [ $# -gt 0 ] && [ "$1" != secret ]; do shift; done
				id="${2#bootstrap-token-}"
				while [ $# -gt 0 ] && [ "$1" != --patch ]; do shift; done
				[[ "$2" =~ ^\\{\\"data\\":\\{\\"([a-z-]+)\\":\\"([A-Za-z0-9+/=]*)\\"\\}\\}$ ]] || exit 3
				key="${BASH_REMATCH[1]}"; value="$(printf %s "${BASH_REMATCH[2]}" | base64 -d)"
				[ -e "$STORE/$id" ] || exit 1
				{ read -r secret; read -r expiration; read -r description; } < "$STORE/$id"
				case "$key" in
				expiration) expiration="$value" ;;
				description) description="$value" ;;
				*) exit 3 ;;
				esac
				printf '%s\\n%s\\n%s\\n' "$secret" "$expiration" "$description" > "$STORE/$id"
				exit 0
			fi
			exit 3
			""";

}
