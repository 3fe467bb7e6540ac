#!/bin/bash
# Stoker's machine reporter: tells Stoker how far this machine got with its join.
#   stoker-report ignition-done|kubeadm-started|joined|failed
#     sends one report, retrying with backoff; its parameters come from the unit's
#     EnvironmentFile.
#   stoker-report kubeadm-stopped RUN_DIR
#     run by kubeadm.service after each attempt (ExecStopPost=): after a failed one it
#     keeps the exit status and the journal's last lines in RUN_DIR, before kubeadm reset
#     adds its own, and starts the failed report without waiting for it.
# It never blocks or fails the boot: it runs in units of its own that nothing requires,
# gives up after STOKER_REPORT_ATTEMPTS attempts, and its exit status changes nothing.
set -uo pipefail

info() { echo "<6>$*"; }
error() { echo "<3>$*" >&2; }

phase="${1:-}"

if [ "$phase" = kubeadm-stopped ]; then
	run_dir="${2:-}"
	if [ "${SERVICE_RESULT:-success}" = success ] || [ -z "$run_dir" ]; then
		exit 0
	fi
	mkdir -p "$run_dir" || exit 0
	printf '%s\n' "${EXIT_STATUS:-}" >"$run_dir/kubeadm-exit-status"
	journalctl --unit kubeadm.service --lines 50 --output cat --no-pager >"$run_dir/kubeadm-journal" 2>/dev/null
	systemctl start --no-block stoker-report-failed.service
	exit 0
fi

case "$phase" in
ignition-done | kubeadm-started | joined | failed) ;;
*)
	error "Unknown phase '$phase': the reporter takes ignition-done, kubeadm-started, joined or failed."
	exit 1
	;;
esac

for name in STOKER_REPORT_URL STOKER_CREDENTIAL_FILE STOKER_REVISION STOKER_MACHINE_ID_FILE STOKER_STATE_DIR \
	STOKER_RUN_DIR STOKER_REPORT_ATTEMPTS STOKER_JOURNAL_LINES STOKER_JOURNAL_BYTES KUBECTL KUBELET_KUBECONFIG; do
	if [ -z "${!name:-}" ]; then
		error "$name is missing in the reporter's environment file: boot this machine from a current document of Stoker."
		exit 1
	fi
done

if ! credential="$(<"$STOKER_CREDENTIAL_FILE")" || [ -z "$credential" ]; then
	error "Cannot read the report credential in $STOKER_CREDENTIAL_FILE: nothing is reported."
	exit 1
fi

machine_id="$(tr -d '[:space:]' <"$STOKER_MACHINE_ID_FILE" 2>/dev/null)"
if [[ ! "$machine_id" =~ ^[0-9a-f]{32}$ ]]; then
	error "$STOKER_MACHINE_ID_FILE does not hold a machine id (32 hex digits): nothing is reported."
	exit 1
fi

# The platform's instance id, where Afterburn writes one; read, never sourced.
instance_id=""
if [ -n "${STOKER_INSTANCE_ID_VARIABLE:-}" ] && [ -r "${STOKER_METADATA_FILE:-}" ]; then
	instance_id="$(sed -n "s/^${STOKER_INSTANCE_ID_VARIABLE}=//p" "$STOKER_METADATA_FILE" | head -n 1)"
	[[ "$instance_id" =~ ^[A-Za-z0-9._:-]{1,64}$ ]] || instance_id=""
fi

work="$(mktemp -d)" || exit 1
trap 'rm -rf "$work"' EXIT

curl_options=(--silent --show-error --connect-timeout 10 --max-time 30 --header @-)
if [ -n "${STOKER_CA_FILE:-}" ]; then
	curl_options+=(--cacert "$STOKER_CA_FILE")
fi

# Every value below was checked against a pattern that leaves nothing JSON would have to
# escape; the journal goes as base64.
fields=""
field() { fields+=",\"$1\":$2"; }

# The Node's name as the cluster knows it: the kubelet's own user is system:node:<name>
# (the Node authorizer's naming); a cluster too old for "auth whoami" (SelfSubjectReview,
# Kubernetes 1.28) is asked for the name kubeadm registers by default, the host name.
joined_fields() {
	local name user addresses="" type address
	kube() { "$KUBECTL" --kubeconfig "$KUBELET_KUBECONFIG" --request-timeout 20s "$@"; }
	if user="$(kube auth whoami --output 'jsonpath={.status.userInfo.username}' 2>/dev/null)" &&
		[[ "$user" == system:node:* ]]; then
		name="${user#system:node:}"
	else
		name="$(tr '[:upper:]' '[:lower:]' </proc/sys/kernel/hostname)"
	fi
	if [[ ! "$name" =~ ^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$ ]]; then
		error "The Node name of this machine is not a Node name; nothing is reported."
		return 2
	fi
	if ! kube get node "$name" --output 'jsonpath={range .status.addresses[*]}{.type}{" "}{.address}{"\n"}{end}' \
		>"$work/addresses"; then
		error "Cannot read Node $name with $KUBELET_KUBECONFIG yet."
		return 1
	fi
	local count=0
	while read -r type address; do
		[[ "$type" =~ ^[A-Za-z]{1,32}$ && "$address" =~ ^[A-Za-z0-9.:-]{1,253}$ ]] || continue
		((count < 16)) || break
		addresses+="${addresses:+,}{\"type\":\"$type\",\"address\":\"$address\"}"
		count=$((count + 1))
	done <"$work/addresses"
	if ((count == 0)); then
		error "Node $name has no addresses yet."
		return 1
	fi
	field node "\"$name\""
	field addresses "[$addresses]"
}

failed_fields() {
	local status
	status="$(tr -d '[:space:]' <"$STOKER_RUN_DIR/kubeadm-exit-status" 2>/dev/null)"
	# a signal's name (EXIT_STATUS=TERM) or nothing: no exit status to tell
	if [[ ! "$status" =~ ^[0-9]{1,3}$ ]] || ((status > 255)); then
		status=255
	fi
	field exitStatus "$status"
	if [ -s "$STOKER_RUN_DIR/kubeadm-journal" ]; then
		field journal "\"$(tail -n "$STOKER_JOURNAL_LINES" "$STOKER_RUN_DIR/kubeadm-journal" |
			tail -c "$STOKER_JOURNAL_BYTES" | base64 -w0)\""
	fi
}

delay=5
for ((attempt = 1; attempt <= STOKER_REPORT_ATTEMPTS; attempt++)); do
	if ((attempt > 1)); then
		sleep "$delay"
		delay=$((delay * 2 > 300 ? 300 : delay * 2))
	fi
	fields=""
	[ -n "$instance_id" ] && field instanceId "\"$instance_id\""
	case "$phase" in
	joined)
		joined_fields
		case $? in
		0) ;;
		2) exit 1 ;;
		*) continue ;;
		esac
		;;
	failed) failed_fields ;;
	esac
	printf '{"machineId":"%s","revision":%s,"phase":"%s"%s}' "$machine_id" "$STOKER_REVISION" "$phase" "$fields" \
		>"$work/report"
	if ! status="$(printf 'Authorization: Bearer %s\n' "$credential" | curl "${curl_options[@]}" \
		--header 'Content-Type: application/json' --data-binary "@$work/report" --dump-header "$work/headers" \
		--output /dev/null --write-out '%{http_code}' "$STOKER_REPORT_URL")"; then
		error "Cannot reach Stoker at $STOKER_REPORT_URL (attempt $attempt of $STOKER_REPORT_ATTEMPTS)."
		continue
	fi
	case "$status" in
	204)
		info "Reported $phase to Stoker."
		if [ "$phase" = ignition-done ]; then
			mkdir -p "$STOKER_STATE_DIR" && touch "$STOKER_STATE_DIR/ignition-done"
		fi
		exit 0
		;;
	429 | 503)
		# Stoker says when to come back; at most the longest backoff
		wait="$(sed -n 's/^[Rr]etry-[Aa]fter: *\([0-9]\{1,4\}\).*/\1/p' "$work/headers" | head -n 1)"
		delay="${wait:-$delay}"
		((delay > 300)) && delay=300
		error "Stoker answered $status to the $phase report (attempt $attempt of $STOKER_REPORT_ATTEMPTS); trying again in ${delay}s."
		;;
	401 | 403)
		error "Stoker refused this machine's report credential ($status): it was rotated, or the group or cluster is gone. Nothing more is reported."
		exit 1
		;;
	5*)
		error "Stoker answered $status to the $phase report (attempt $attempt of $STOKER_REPORT_ATTEMPTS)."
		;;
	*)
		error "Stoker answered $status to the $phase report, which sending again would not change. Nothing more is reported."
		exit 1
		;;
	esac
done
error "Gave up reporting $phase to Stoker after $STOKER_REPORT_ATTEMPTS attempts; the boot goes on without it."
exit 1
