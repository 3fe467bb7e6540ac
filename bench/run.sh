#!/usr/bin/env bash
# Load benchmark of a worker's Ignition fetch: starts Stoker on the embedded database and on
# PostgreSQL, creates a cluster from examples/, fetches the worker group's Ignition with its fetch
# token under wrk, and prints req/s, p50, p99 and errors per connection count, a boot storm, the
# start-to-ready time and the resident memory under load. See docs/performance.md.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)

usage() {
	cat <<'USAGE'
bench/run.sh [options]
  --conns "64 256 1024"     connection counts of the steady runs
  --duration S              seconds per measured run (10)
  --warmup S                seconds of warm-up before each connection count (3)
  --reps N                  measured runs per connection count, the median is printed (3)
  --storm-total N           requests of the boot storm (10000)
  --storm-conns N           connections of the boot storm (1000)
  --threads N               wrk threads (2)
  --h2-port P / --pg-port P ports of the two instances (18080 / 18081)
  --pg-url URL              JDBC URL of an existing, empty PostgreSQL database
                            (default: create stoker_bench on 127.0.0.1:5432 with createdb, drop it after)
  --pg-user U               PostgreSQL user (postgres)
  --no-pg / --no-h2         skip one of the two instances
  --jar FILE                benchmark this jar instead of building one (built with -Paot, it
                            starts with the ahead-of-time processed context, as the image does)
  --plain-jar               start it with java -jar instead of as the image does (extracted, with a
                            class data sharing archive from a training run)
  --quick                   one 3 s run per count after a 1 s warm-up, a 2,000-request storm
  --matchbox-harness DIR    also run DIR/run.sh (a Matchbox/nginx harness that takes
                            --target NAME=URL and --target-header) with both instances as targets
  --out DIR                 where the logs and results go (a new temporary directory)
  MVNW_ARGS                 extra arguments for the Maven build (e.g. MVNW_ARGS=-o)
  JAVA_OPTS                 JVM options of the instances (-Xmx256m: the heap a 1 GiB container
                            gives by default)
USAGE
}

CONNS="64 256 1024"; DURATION=10; WARMUP=3; REPS=3; STORM_TOTAL=10000; STORM_CONNS=1000; THREADS=2
PLAIN_JAR=0; JAVA_OPTS=${JAVA_OPTS--Xmx256m}
H2_PORT=18080; PG_PORT=18081; PG_URL=""; PG_USER=postgres; RUN_PG=1; RUN_H2=1; JAR=""; HARNESS=""; OUT=""
while [ $# -gt 0 ]; do
	case "$1" in
		--conns) CONNS=$2; shift ;;
		--duration) DURATION=$2; shift ;;
		--warmup) WARMUP=$2; shift ;;
		--reps) REPS=$2; shift ;;
		--storm-total) STORM_TOTAL=$2; shift ;;
		--storm-conns) STORM_CONNS=$2; shift ;;
		--threads) THREADS=$2; shift ;;
		--h2-port) H2_PORT=$2; shift ;;
		--pg-port) PG_PORT=$2; shift ;;
		--pg-url) PG_URL=$2; shift ;;
		--pg-user) PG_USER=$2; shift ;;
		--no-pg) RUN_PG=0 ;;
		--no-h2) RUN_H2=0 ;;
		--jar) JAR=$2; shift ;;
		--plain-jar) PLAIN_JAR=1 ;;
		--quick) DURATION=3; WARMUP=1; REPS=1; STORM_TOTAL=2000 ;;
		--matchbox-harness) HARNESS=$2; shift ;;
		--out) OUT=$2; shift ;;
		-h|--help) usage; exit 0 ;;
		*) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
	esac
	shift
done

for tool in wrk curl jq java; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is required" >&2; exit 2; }
done
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/stoker-bench.XXXXXX")}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
echo "bench: results in $OUT"

PIDS=()
CREATED_DB=""
cleanup() {
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${PIDS[@]}"; do
		for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
		kill -9 "$pid" 2>/dev/null || true
	done
	if [ -n "$CREATED_DB" ]; then
		dropdb -h 127.0.0.1 -U "$PG_USER" --if-exists "$CREATED_DB" || true
	fi
}
trap cleanup EXIT INT TERM

if [ -z "$JAR" ]; then
	echo "bench: building the jar"
	(cd "$ROOT" && ./mvnw -q ${MVNW_ARGS:-} -DskipTests -Paot package) > "$OUT/build.log" 2>&1 \
		|| { cat "$OUT/build.log" >&2; exit 1; }
	JAR=$(ls "$ROOT"/target/stoker-*.jar | grep -v plain | head -1)
fi

# As the Dockerfile does: the jar extracted into stoker.jar and lib/, and a class data sharing
# archive made by a training run that exits once the context is refreshed.
LAUNCH=(-jar "$JAR")
LAUNCH_DIR=$PWD
# The ahead-of-time processed context, when the jar was built with -Paot (as the image is).
AOT=()
if unzip -l "$JAR" 'BOOT-INF/classes/dev/stoker/StokerApplication__ApplicationContextInitializer.class' \
	> /dev/null 2>&1; then
	AOT=(-Dspring.aot.enabled=true)
fi
if [ "$PLAIN_JAR" = 0 ]; then
	echo "bench: extracting the jar and training its class data sharing archive"
	rm -rf "$OUT/image" "$OUT/layers" "$OUT/cds-training"
	java -Djarmode=tools -jar "$JAR" extract --layers --destination "$OUT/layers" > "$OUT/extract.log" 2>&1
	mkdir -p "$OUT/image"
	for layer in dependencies spring-boot-loader snapshot-dependencies application; do
		cp -r "$OUT/layers/$layer/." "$OUT/image/"
	done
	mv "$OUT/image/$(basename "$JAR")" "$OUT/image/stoker.jar"
	(cd "$OUT/image" && java -XX:ArchiveClassesAtExit=stoker.jsa -Xlog:cds=off -Xlog:cds+dynamic=off "${AOT[@]}" \
		-Dspring.context.exit=onRefresh -jar stoker.jar --stoker.data-dir="$OUT/cds-training" \
		--logging.level.root=warn) > "$OUT/cds-training.log" 2>&1 \
		|| { cat "$OUT/cds-training.log" >&2; exit 1; }
	rm -rf "$OUT/cds-training"
	# started from its directory, as in the image: the archive holds the class path as trained
	LAUNCH=(-XX:SharedArchiveFile=stoker.jsa "${AOT[@]}" -jar stoker.jar)
	LAUNCH_DIR="$OUT/image"
fi

ADMIN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
MASTER=$(head -c 32 /dev/urandom | base64)

# Starts one instance in the background; prints milliseconds from launch to readiness.
start() {
	local name=$1 port=$2; shift 2
	local began ready
	began=$(date +%s%N)
	STOKER_ADMIN_TOKEN=$ADMIN STOKER_MASTER_KEY=$MASTER \
		bash -c 'cd "$0" && exec "$@"' "$LAUNCH_DIR" java $JAVA_OPTS "${LAUNCH[@]}" --server.port="$port" --stoker.data-dir="$OUT/$name-data" "$@" \
		> "$OUT/$name.log" 2>&1 &
	local pid=$!
	PIDS+=("$pid")
	echo "$pid" > "$OUT/$name.pid"
	for _ in $(seq 2400); do
		if curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; then
			ready=$(date +%s%N)
			echo $(((ready - began) / 1000000)) > "$OUT/$name.ready-ms"
			return 0
		fi
		kill -0 "$pid" 2>/dev/null || { echo "bench: $name stopped, see $OUT/$name.log" >&2; exit 1; }
		sleep 0.05
	done
	echo "bench: $name not ready after 120 s" >&2
	exit 1
}

# Creates the example cluster and prints the worker group's Ignition URL and fetch token.
cluster() {
	local port=$1
	curl -fsS "http://127.0.0.1:$port/api/v1/clusters" -H "Authorization: Bearer $ADMIN" \
		-H 'Content-Type: application/yaml' --data-binary @"$ROOT/examples/aws-dual-stack.yaml" \
		> "$OUT/created-$port.json"
	local name token
	name=$(jq -r .name "$OUT/created-$port.json")
	token=$(jq -r '.fetchTokens.workers' "$OUT/created-$port.json")
	echo "http://127.0.0.1:$port/api/v1/clusters/$name/node-groups/workers/ignition $token"
}

# Largest resident set of a process while a command runs, in MiB.
with_rss() {
	local pid=$1 file=$2; shift 2
	(
		max=0
		while kill -0 "$pid" 2>/dev/null; do
			rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
			[ "${rss:-0}" -gt "$max" ] && max=$rss && echo $((max / 1024)) > "$file"
			sleep 0.5
		done
	) &
	local sampler=$!
	"$@"
	kill "$sampler" 2>/dev/null || true
	wait "$sampler" 2>/dev/null || true
}

field() { sed -n "s/.*[ ]$1=\([0-9.]*\).*/\1/p" <<<"$2"; }

# One wrk run; echoes its RESULT line.
load() {
	local url=$1 token=$2 conns=$3 secs=$4 raw=$5
	timeout $((secs + 60)) wrk -t"$THREADS" -c"$conns" -d"${secs}s" --timeout 10s --latency \
		-H "Authorization: Bearer $token" -s "$HERE/report.lua" "$url" > "$raw" 2>&1 || true
	grep '^RESULT' "$raw" || echo "RESULT requests=0 rps=0 p50_us=0 p99_us=0 non2xx=0 err_connect=0 err_read=0 err_write=0 err_timeout=1"
}

errors() {
	local r=$1
	echo $(($(field non2xx "$r") + $(field err_connect "$r") + $(field err_read "$r") + $(field err_write "$r") + $(field err_timeout "$r")))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

TABLE="$OUT/table.md"
{
	echo "| instance | conns | req/s (median of $REPS) | p50 ms | p99 ms | errors |"
	echo "|---|---:|---:|---:|---:|---:|"
} > "$TABLE"
STORM="$OUT/storm.md"
{
	echo "| instance | requests | conns | wall s | p50 ms | p99 ms | errors |"
	echo "|---|---:|---:|---:|---:|---:|---:|"
} > "$STORM"
SUMMARY="$OUT/instances.md"
{
	echo "| instance | start to ready ms | max RSS under load MiB |"
	echo "|---|---:|---:|"
} > "$SUMMARY"

measure() {
	local name=$1 port=$2 url token pid
	read -r url token < <(cluster "$port")
	pid=$(cat "$OUT/$name.pid")
	echo "$name $url" > "$OUT/$name.target"
	echo "$token" > "$OUT/$name.token"
	local status
	status=$(curl -s -o "$OUT/$name-ignition.json" -w '%{http_code}' -H "Authorization: Bearer $token" "$url")
	[ "$status" = 200 ] || { echo "bench: $name answered $status" >&2; exit 1; }
	with_rss "$pid" "$OUT/$name.rss-mib" run_all "$name" "$url" "$token"
	echo "| $name | $(cat "$OUT/$name.ready-ms") | $(cat "$OUT/$name.rss-mib" 2>/dev/null || echo ?) |" >> "$SUMMARY"
}

run_all() {
	local name=$1 url=$2 token=$3 c r result
	for c in $CONNS; do
		echo "bench: $name c$c"
		load "$url" "$token" "$c" "$WARMUP" "$OUT/$name-c$c-warmup.txt" > /dev/null
		: > "$OUT/$name-c$c.results"
		for r in $(seq "$REPS"); do
			result=$(load "$url" "$token" "$c" "$DURATION" "$OUT/$name-c$c-r$r.txt")
			echo "$result" >> "$OUT/$name-c$c.results"
		done
		local rps p50 p99 errs
		rps=$(while read -r l; do field rps "$l"; done < "$OUT/$name-c$c.results" | median)
		p50=$(while read -r l; do field p50_us "$l"; done < "$OUT/$name-c$c.results" | median)
		p99=$(while read -r l; do field p99_us "$l"; done < "$OUT/$name-c$c.results" | median)
		errs=$(while read -r l; do errors "$l"; done < "$OUT/$name-c$c.results" | awk '{s+=$1} END {print s}')
		printf '| %s | %d | %.0f | %.1f | %.1f | %d |\n' "$name" "$c" "$rps" "$(bc -l <<<"$p50/1000")" \
			"$(bc -l <<<"$p99/1000")" "$errs" >> "$TABLE"
	done
	echo "bench: $name boot storm"
	result=$(timeout 600 java "$HERE/Storm.java" "$url" "$token" "$STORM_TOTAL" "$STORM_CONNS" | grep '^STORM')
	echo "$result" > "$OUT/$name-storm.txt"
	printf '| %s | %d | %d | %.2f | %.1f | %.1f | %d |\n' "$name" "$(field requests "$result")" "$STORM_CONNS" \
		"$(field wall_s "$result")" "$(field p50_ms "$result")" "$(field p99_ms "$result")" \
		"$(field errors "$result")" >> "$STORM"
}

command -v bc >/dev/null || { echo "bench: bc is required" >&2; exit 2; }
if [ "$RUN_H2" = 1 ]; then
	start stoker-h2 "$H2_PORT"
fi
if [ "$RUN_PG" = 1 ]; then
	if [ -z "$PG_URL" ]; then
		CREATED_DB=stoker_bench_$$
		createdb -h 127.0.0.1 -U "$PG_USER" "$CREATED_DB"
		PG_URL="jdbc:postgresql://127.0.0.1:5432/$CREATED_DB"
	fi
	start stoker-pg "$PG_PORT" --spring.datasource.url="$PG_URL" --spring.datasource.username="$PG_USER"
fi
[ "$RUN_H2" = 1 ] && measure stoker-h2 "$H2_PORT"
[ "$RUN_PG" = 1 ] && measure stoker-pg "$PG_PORT"

echo
echo "## Worker Ignition fetch ($(nproc) cores shared by wrk and Stoker, $(date -u +%Y-%m-%dT%H:%MZ))"
echo
cat "$TABLE"
echo
echo "## Boot storm"
echo
cat "$STORM"
echo
cat "$SUMMARY"

if [ -n "$HARNESS" ]; then
	# The harness sends one header to all its extra targets, and each instance has its own
	# fetch token: one harness run per instance, each with the anchors side by side.
	for name in stoker-h2 stoker-pg; do
		[ -f "$OUT/$name.target" ] || continue
		read -r _ url < "$OUT/$name.target"
		echo
		echo "bench: $HARNESS/run.sh with $name"
		TMPDIR=${TMPDIR:-/tmp} "$HARNESS/run.sh" --conns "64 256" --reps "$REPS" --duration "$DURATION" \
			--warmup "$WARMUP" --target "$name=$url" --target-header "Authorization: Bearer $(cat "$OUT/$name.token")" \
			--out "$OUT/harness-$name"
	done
fi
