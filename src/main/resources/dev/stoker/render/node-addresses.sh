#!/bin/bash
# node-addresses: finds this node's own addresses on its network interfaces and writes
# them to an environment file, NODE_ADDRESS_IPV4=... and NODE_ADDRESS_IPV6=..., which
# kubeadm.service substitutes into its kubeadm config.
#
# Parameters, from node-addresses.service's EnvironmentFile:
#   NODE_ADDRESS_FAMILIES      the families to find: ipv4, ipv6 or ipv4,ipv6
#   NODE_SUBNETS_IPV4          CIDRs (comma-separated) the address must lie in; the first
#   NODE_SUBNETS_IPV6          usable address inside the first such range wins. Without
#                              any, the address comes from the interface that holds the
#                              family's default route.
#   NODE_ADDRESS_WAIT_SECONDS  how long to wait for an address to appear: router
#                              advertisements and DHCPv6 often answer after boot
#   NODE_ADDRESSES_FILE        the file to write
#
# Addresses come from iproute2's JSON output (ip -j), read with jq; Flatcar ships both.
# The field names are those ip/ipaddress.c prints: "scope", the address flags as
# booleans ("temporary", "deprecated", "tentative", "dadfailed") and
# "preferred_life_time". A usable address has global scope (never link-local), is no
# temporary privacy address (those are replaced within hours), is not deprecated (its
# preferred lifetime is over) and has passed duplicate address detection.
#
# When a family has no usable address in time, one line says which family, where it
# looked and what it saw, and the script exits 1 for systemd to run it again.
set -euo pipefail

readonly USABLE='select(.scope == "global" and (.temporary | not) and (.deprecated | not)
	and (.tentative | not) and (.dadfailed | not) and .preferred_life_time != 0)'

# Every address of a family, one phrase each, for the failure line.
seen() {
	ip -j "-$1" address show | jq -r '[.[] | .ifname as $dev | .addr_info[]? | . as $a
		| "\($dev) \(.local)/\(.prefixlen) \(.scope)"
		+ ([("temporary", "deprecated", "tentative", "dadfailed") | select($a[.] == true) | " " + .] | add // "")]
		| if length == 0 then "no address at all" else join(", ") end'
}

# Sets address to the family's usable address, if any, and where to what was looked at.
find_address() {
	local family=$1 subnets=$2 subnet dev
	address=""
	if [ -n "$subnets" ]; then
		where="inside ${subnets//,/ or }"
		for subnet in ${subnets//,/ }; do
			address=$(ip -j "-$family" address show to "$subnet" \
				| jq -r "[.[] | .addr_info[]? | $USABLE | .local] | first // empty")
			[ -z "$address" ] || return 0
		done
		return 0
	fi
	dev=$(ip -j "-$family" route show default | jq -r 'sort_by(.metric // 0) | first | .dev // empty')
	if [ -z "$dev" ]; then
		where="on any interface: there is no IPv$family default route"
		return 0
	fi
	where="on $dev, the interface of the IPv$family default route"
	address=$(ip -j "-$family" address show | jq -r --arg dev "$dev" \
		"[.[] | select(.ifname == \$dev) | .addr_info[]? | $USABLE | .local] | first // empty")
}

wait_seconds=${NODE_ADDRESS_WAIT_SECONDS:?}
deadline=$((SECONDS + wait_seconds))
lines=""
for name in ${NODE_ADDRESS_FAMILIES//,/ }; do
	case "$name" in
		ipv4) family=4 subnets=${NODE_SUBNETS_IPV4:-} ;;
		ipv6) family=6 subnets=${NODE_SUBNETS_IPV6:-} ;;
		*) echo "<3>unknown address family in NODE_ADDRESS_FAMILIES: $name" >&2; exit 2 ;;
	esac
	while :; do
		find_address "$family" "$subnets"
		[ -z "$address" ] || break
		if ((SECONDS >= deadline)); then
			echo "<3>no usable IPv$family address after ${wait_seconds}s $where (usable: global scope, not temporary, deprecated or tentative); ip shows: $(seen "$family")" >&2
			exit 1
		fi
		sleep 1
	done
	if ! [[ "$address" =~ ^[0-9A-Fa-f:.]+$ ]]; then
		echo "<3>ip gave an IPv$family address that is not one: $address" >&2
		exit 1
	fi
	echo "IPv$family address $address, found $where"
	lines+="NODE_ADDRESS_${name^^}=$address"$'\n'
done

file=${NODE_ADDRESSES_FILE:?}
mkdir -p "${file%/*}"
temporary=$(mktemp "$file.XXXXXX")
printf '%s' "$lines" > "$temporary"
chmod 0644 "$temporary"
mv -f "$temporary" "$file"
