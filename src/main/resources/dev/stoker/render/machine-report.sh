#!/bin/bash
# Tells Stoker how far this machine got: stoker-report PHASE sends one report, retrying
# with backoff; stoker-report kubeadm-stopped RUN_DIR ENV_FILE (kubeadm.service's
# ExecStopPost=) keeps a failed attempt's exit status and journal, then queues the report.
# Nothing waits for it; it gives up after STOKER_REPORT_ATTEMPTS attempts.
set -uo pipefail
err() { echo "<3>$*" >&2; }
phase="${1:-}"
if [ "$phase" = kubeadm-stopped ]; then
	[ "${SERVICE_RESULT:-success}" = success ] && exit 0
	mkdir -p "$2" || exit 0
	echo "${EXIT_STATUS:-}" >"$2/exit-status"
	journalctl -u kubeadm.service -n 50 -o cat --no-pager >"$2/journal" 2>/dev/null
	systemd-run --no-block --collect --unit=stoker-report-failed -p EnvironmentFile="$3" "$0" failed
	exit 0
fi
[[ "$phase" =~ ^(ignition-done|kubeadm-started|joined|failed)$ ]] || { err "Unknown phase $phase"; exit 1; }
credential="$(<"$STOKER_CREDENTIAL_FILE")" || exit 1
machine="$(tr -d '[:space:]' <"$STOKER_MACHINE_ID_FILE")"
[[ "$machine" =~ ^[0-9a-f]{32}$ ]] || { err "No machine id in $STOKER_MACHINE_ID_FILE"; exit 1; }
instance=""
if [ -n "$STOKER_INSTANCE_ID_VARIABLE" ] && [ -r "$STOKER_METADATA_FILE" ]; then
	instance="$(sed -n "s/^$STOKER_INSTANCE_ID_VARIABLE=//p" "$STOKER_METADATA_FILE" | head -n 1)"
	[[ "$instance" =~ ^[A-Za-z0-9._:-]{1,64}$ ]] || instance=""
fi
work="$(mktemp -d)" || exit 1
trap 'rm -rf "$work"' EXIT
tls=()
[ -n "$STOKER_CA_FILE" ] && tls=(--cacert "$STOKER_CA_FILE")
kube() { "$KUBECTL" --kubeconfig "$KUBELET_KUBECONFIG" --request-timeout 20s "$@"; }

# Every value is checked against a pattern that leaves nothing for JSON to escape; the
# journal goes as base64.
fields() {
	[ -n "$instance" ] && printf ',"instanceId":"%s"' "$instance"
	if [ "$phase" = failed ]; then
		local status
		status="$(tr -d '[:space:]' <"$STOKER_RUN_DIR/exit-status" 2>/dev/null)"
		[[ "$status" =~ ^[0-9]{1,3}$ ]] && ((status < 256)) || status=255
		printf ',"exitStatus":%s' "$status"
		[ -s "$STOKER_RUN_DIR/journal" ] && printf ',"journal":"%s"' \
			"$(tail -n "$STOKER_JOURNAL_LINES" "$STOKER_RUN_DIR/journal" | tail -c "$STOKER_JOURNAL_BYTES" | base64 -w0)"
	fi
	[ "$phase" = joined ] || return 0
	# the kubelet is system:node:<its Node>; before SelfSubjectReview (Kubernetes 1.28),
	# the host name, which kubeadm registers by default
	local name type address list=""
	name="$(kube auth whoami -o 'jsonpath={.status.userInfo.username}' 2>/dev/null)"
	[[ "$name" == system:node:* ]] && name="${name#system:node:}" || name="$(tr A-Z a-z </proc/sys/kernel/hostname)"
	[[ "$name" =~ ^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$ ]] || return 1
	kube get node "$name" -o 'jsonpath={range .status.addresses[*]}{.type} {.address}{"\n"}{end}' >"$work/nodes" ||
		return 1
	while read -r type address; do
		[[ "$type" =~ ^[A-Za-z]{1,32}$ && "$address" =~ ^[A-Za-z0-9.:-]{1,253}$ ]] &&
			list+="${list:+,}{\"type\":\"$type\",\"address\":\"$address\"}"
	done < <(head -n 16 "$work/nodes")
	[ -n "$list" ] || return 1
	printf ',"node":"%s","addresses":[%s]' "$name" "$list"
}

delay=5
for ((attempt = 1; attempt <= STOKER_REPORT_ATTEMPTS; attempt++)); do
	((attempt == 1)) || { sleep "$delay"; delay=$((delay < 150 ? delay * 2 : 300)); }
	if ! more="$(fields)"; then
		err "Node of this machine not readable yet (attempt $attempt)"
		continue
	fi
	printf '{"machineId":"%s","revision":%s,"phase":"%s"%s}' "$machine" "$STOKER_REVISION" "$phase" "$more" >"$work/report"
	status="$(printf 'Authorization: Bearer %s\n' "$credential" | curl -sS --connect-timeout 10 --max-time 30 \
		"${tls[@]}" -H @- -H 'Content-Type: application/json' --data-binary "@$work/report" -D "$work/headers" \
		-o /dev/null -w '%{http_code}' "$STOKER_REPORT_URL")"
	case "$status" in
	204)
		echo "<6>Reported $phase to Stoker"
		[ "$phase" = ignition-done ] && mkdir -p "$STOKER_STATE_DIR" && touch "$STOKER_STATE_DIR/ignition-done"
		exit 0
		;;
	429 | 503)
		# as long as Stoker asks, at most 5 minutes
		wait="$(sed -n 's/^retry-after: *\([0-9]\{1,3\}\).*/\1/ip' "$work/headers" | head -n 1)"
		delay="${wait:-$delay}"
		;;
	000 | 5??) ;;
	*)
		err "Stoker answered $status to the $phase report: not sent again"
		exit 1
		;;
	esac
	err "Stoker did not take the $phase report (${status:-no answer}, attempt $attempt)"
done
err "Gave up reporting $phase; the boot goes on without it"
exit 1
