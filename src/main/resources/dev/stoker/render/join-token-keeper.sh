#!/bin/bash
# Stoker's join-token keeper. It asks Stoker which bootstrap tokens the cluster should
# accept and makes the cluster hold exactly those:
#  - a listed token that is missing is registered (kubeadm token create);
#  - a listed token whose expiration is less than KEEPER_MIN_AHEAD_SECONDS ahead gets a
#    new one KEEPER_EXTEND_SECONDS from now (the bootstrap-token Secret's "expiration",
#    an RFC 3339 time, per "Authenticating with Bootstrap Tokens");
#  - a token marked with KEEPER_DESCRIPTION that Stoker no longer lists is deleted
#    (kubeadm token delete);
#  - any other token is never touched.
# Then it tells Stoker what the cluster holds. Every action is one journal line; any
# failure exits non-zero so that systemd tries again. Its parameters come from the
# unit's EnvironmentFile.
set -uo pipefail

info() { echo "<6>$*"; }
error() { echo "<3>$*" >&2; }

for name in STOKER_JOIN_TOKENS_URL STOKER_CREDENTIAL_FILE KEEPER_KUBECONFIG KEEPER_DESCRIPTION \
	KEEPER_TOKEN_TTL KEEPER_MIN_AHEAD_SECONDS KEEPER_EXTEND_SECONDS KUBEADM KUBECTL; do
	if [ -z "${!name:-}" ]; then
		error "$name is missing in the keeper's environment file: boot this control plane from a current document of Stoker."
		exit 1
	fi
done

if ! credential="$(<"$STOKER_CREDENTIAL_FILE")" || [ -z "$credential" ]; then
	error "Cannot read the keeper credential in $STOKER_CREDENTIAL_FILE: write the one of a current control-plane document there."
	exit 1
fi

work="$(mktemp -d)" || exit 1
trap 'rm -rf "$work"' EXIT

curl_options=(--silent --show-error --connect-timeout 10 --max-time 60 --header @-)
if [ -n "${STOKER_CA_FILE:-}" ]; then
	curl_options+=(--cacert "$STOKER_CA_FILE")
fi

# The credential goes to curl on stdin, never on its command line (which any local user
# can read in /proc).
stoker() {
	printf 'Authorization: Bearer %s\n' "$credential" | curl "${curl_options[@]}" "$@"
}

# --- what Stoker lists -------------------------------------------------------------

if ! status="$(stoker --header 'Accept: text/plain' --output "$work/listed" --write-out '%{http_code}' \
	"$STOKER_JOIN_TOKENS_URL")"; then
	error "Cannot reach Stoker at $STOKER_JOIN_TOKENS_URL: every join token stays as it is, and the keeper tries again."
	exit 1
fi
case "$status" in
200) ;;
401)
	error "Stoker refused this node's keeper credential (401): it was rotated or the cluster was deleted. Nothing was changed." \
		"Write the current credential (from a newly fetched control-plane document) to $STOKER_CREDENTIAL_FILE; the keeper tries again on its timer."
	exit 2
	;;
*)
	error "Stoker answered $status for the join-token list: every join token stays as it is, and the keeper tries again."
	exit 1
	;;
esac

declare -A listed=()
while IFS= read -r line || [ -n "$line" ]; do
	[ -z "$line" ] && continue
	if [[ ! "$line" =~ ^([a-z0-9]{6})\.([a-z0-9]{16})$ ]]; then
		error "Stoker's answer is not a list of bootstrap tokens: nothing was changed."
		exit 1
	fi
	listed["${BASH_REMATCH[1]}"]="${BASH_REMATCH[2]}"
done <"$work/listed"
if [ "${#listed[@]}" -eq 0 ]; then
	error "Stoker listed no join token: nothing was changed."
	exit 1
fi

# --- what the cluster holds --------------------------------------------------------

kube() {
	"$KUBECTL" --kubeconfig "$KEEPER_KUBECONFIG" --request-timeout 30s "$@"
}

# Base64 never holds ':', so the fields stay apart even when one is empty.
if ! kube --namespace kube-system get secrets --field-selector type=bootstrap.kubernetes.io/token \
	--output 'jsonpath={range .items[*]}{.metadata.name}:{.data.token-secret}:{.data.expiration}:{.data.description}{"\n"}{end}' \
	>"$work/held"; then
	error "Cannot list the cluster's bootstrap tokens with $KEEPER_KUBECONFIG: every join token stays as it is, and the keeper tries again."
	exit 1
fi

declare -A held_secret=() held_expiration=() held_description=()
while IFS=: read -r secret_name secret expiration description; do
	id="${secret_name#bootstrap-token-}"
	[[ "$id" =~ ^[a-z0-9]{6}$ ]] || continue
	held_secret["$id"]="$(printf '%s' "$secret" | base64 -d)"
	held_expiration["$id"]="$(printf '%s' "$expiration" | base64 -d)"
	held_description["$id"]="$(printf '%s' "$description" | base64 -d)"
done <"$work/held"

# --- make the cluster hold exactly what Stoker lists -------------------------------

now="$(date -u +%s)"
failed=0
present=()
added=()
extended=()
deleted=()

patch_data() {
	local id="$1" key="$2" value="$3"
	kube --namespace kube-system patch secret "bootstrap-token-$id" --type merge \
		--patch "{\"data\":{\"$key\":\"$(printf '%s' "$value" | base64 -w0)\"}}" >/dev/null
}

for id in $(printf '%s\n' "${!listed[@]}" | sort); do
	if [ -z "${held_secret[$id]+held}" ]; then
		if "$KUBEADM" token create "$id.${listed[$id]}" --kubeconfig "$KEEPER_KUBECONFIG" \
			--ttl "$KEEPER_TOKEN_TTL" --description "$KEEPER_DESCRIPTION" >/dev/null; then
			info "Registered join token $id, which Stoker lists, for $KEEPER_TOKEN_TTL."
			added+=("$id")
			present+=("$id")
		else
			error "kubeadm token create failed for join token $id; the keeper tries again."
			failed=1
		fi
		continue
	fi
	if [ "${held_secret[$id]}" != "${listed[$id]}" ]; then
		error "The cluster holds a bootstrap token $id whose secret is not the one Stoker lists: it is left alone." \
			"If it is not yours, delete it (kubeadm token delete $id) and the keeper registers Stoker's."
		failed=1
		continue
	fi
	present+=("$id")
	if [ "${held_description[$id]}" != "$KEEPER_DESCRIPTION" ]; then
		# kubeadm init registers the first token with its own description
		if patch_data "$id" description "$KEEPER_DESCRIPTION"; then
			info "Marked join token $id as kept by Stoker (kubeadm registered it with another description)."
		else
			error "Cannot mark join token $id as kept by Stoker; the keeper tries again."
			failed=1
		fi
	fi
	expiration="${held_expiration[$id]}"
	if [ -z "$expiration" ]; then
		continue # it never expires
	fi
	if ! expires="$(date -u -d "$expiration" +%s)"; then
		error "Join token $id has an expiration that is not a time ($expiration); the keeper tries again."
		failed=1
		continue
	fi
	if ((expires - now < KEEPER_MIN_AHEAD_SECONDS)); then
		until="$(date -u -d "@$((now + KEEPER_EXTEND_SECONDS))" +%Y-%m-%dT%H:%M:%SZ)"
		if patch_data "$id" expiration "$until"; then
			info "Extended join token $id from $expiration to $until."
			extended+=("$id")
		else
			error "Cannot extend join token $id, which expires at $expiration; the keeper tries again."
			failed=1
		fi
	fi
done

for id in $(printf '%s\n' "${!held_description[@]}" | sort); do
	if [ -n "${listed[$id]+listed}" ] || [ "${held_description[$id]}" != "$KEEPER_DESCRIPTION" ]; then
		continue
	fi
	if "$KUBEADM" token delete "$id" --kubeconfig "$KEEPER_KUBECONFIG" >/dev/null; then
		info "Deleted join token $id: Stoker no longer lists it."
		deleted+=("$id")
	else
		error "kubeadm token delete failed for join token $id, which Stoker no longer lists; the keeper tries again."
		failed=1
	fi
done

if ((failed)); then
	exit 1
fi

# --- tell Stoker ---------------------------------------------------------------------

ids() {
	local out="" id
	for id in "$@"; do
		out+="${out:+,}\"$id\""
	done
	printf '[%s]' "$out"
}

node="$(tr -cd 'a-z0-9.-' </proc/sys/kernel/hostname | cut -c1-253)"
printf '{"node":"%s","present":%s,"added":%s,"extended":%s,"deleted":%s}' "$node" \
	"$(ids "${present[@]}")" "$(ids "${added[@]}")" "$(ids "${extended[@]}")" "$(ids "${deleted[@]}")" >"$work/report"
if ! status="$(stoker --header 'Content-Type: application/json' --data-binary "@$work/report" --output /dev/null \
	--write-out '%{http_code}' "$STOKER_JOIN_TOKENS_URL/check-ins")"; then
	error "The join tokens are as Stoker lists them, but Stoker at $STOKER_JOIN_TOKENS_URL could not be told; the keeper tries again."
	exit 1
fi
if [ "$status" != 204 ]; then
	error "The join tokens are as Stoker lists them, but Stoker answered $status to the check-in; the keeper tries again."
	exit 1
fi
info "Checked in with Stoker: the cluster holds ${#present[@]} join token(s) that Stoker lists."
