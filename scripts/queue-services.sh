#!/usr/bin/env bash
# Redis and PostgreSQL for the queue-mode test layer (test/queue), from Debian packages.
# Idempotent: installs only what is missing (root needed then), starts nothing; the test starts its own
# servers on loopback in a temp folder. Prints the two binary folders it found, as
#   REDIS_BIN=/usr/bin  POSTGRES_BIN=/usr/lib/postgresql/15/bin
set -euo pipefail

redis_bin() { command -v redis-server 2>/dev/null | xargs -r dirname; }
# Debian keeps the server binaries out of PATH, one folder per major version: take the newest.
postgres_bin() {
	local dir
	dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
	[ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ] && echo "$dir"
	return 0
}

missing=()
[ -n "$(redis_bin)" ] || missing+=(redis-server)
[ -n "$(postgres_bin)" ] || missing+=(postgresql)

if [ "${#missing[@]}" -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "queue-services: ${missing[*]} missing; run as root (apt-get install -y ${missing[*]})" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	# Another apt run on the machine holds the lock for a while: wait for it rather than fail.
	apt_get() { apt-get -o DPkg::Lock::Timeout=900 -y -q "$@"; }
	echo "queue-services: installing ${missing[*]}" >&2
	# A fresh machine has no package lists yet; update only when the install cannot find the packages.
	apt_get install --no-install-recommends "${missing[@]}" >&2 ||
		{ apt_get update >&2 && apt_get install --no-install-recommends "${missing[@]}" >&2; }
fi

REDIS_BIN="$(redis_bin)"
POSTGRES_BIN="$(postgres_bin)"
if [ -z "$REDIS_BIN" ] || [ -z "$POSTGRES_BIN" ]; then
	echo "queue-services: redis-server or PostgreSQL still missing after the install" >&2
	exit 1
fi
echo "REDIS_BIN=$REDIS_BIN POSTGRES_BIN=$POSTGRES_BIN"
