#!/usr/bin/env bash
# Installs Debian's chromium for the browser test layer (test/browser) when it is missing.
# Idempotent: returns at once when /usr/bin/chromium runs. Needs root (CI and the dev machines are
# root) and the Debian package mirror; nothing is downloaded from anywhere else (playwright-core drives
# this chromium, it never fetches a browser of its own).
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

works() { "$CHROMIUM" --version >/dev/null 2>&1; }

if works; then exit 0; fi

if [[ "$(id -u)" != 0 ]]; then
	echo "[ensure-chromium] $CHROMIUM is missing and this is not root: run 'apt-get install chromium' as root" >&2
	exit 1
fi

# One apt at a time on this machine (several test runs may start together).
exec 9>/tmp/dialers-apt.lock
flock 9
if works; then exit 0; fi

log="$(mktemp --suffix=.ensure-chromium.log)"
echo "[ensure-chromium] installing Debian's chromium (a minute or two; log: $log)..." >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet: refresh them only when the package is unknown.
if ! apt-cache show chromium >/dev/null 2>&1; then
	apt-get update >>"$log" 2>&1
fi
if ! apt-get install -y --no-install-recommends chromium fonts-liberation >>"$log" 2>&1; then
	# Lists older than the mirror give 404s: refresh once and try again.
	apt-get update >>"$log" 2>&1
	apt-get install -y --no-install-recommends chromium fonts-liberation >>"$log" 2>&1 || {
		tail -n 30 "$log" >&2
		exit 1
	}
fi
works || {
	echo "[ensure-chromium] $CHROMIUM still does not run after the install" >&2
	exit 1
}
echo "[ensure-chromium] $("$CHROMIUM" --version)" >&2
