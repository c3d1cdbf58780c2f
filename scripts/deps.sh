#!/usr/bin/env bash
# Installs the project's devDependencies when node_modules is missing or older than the lockfile,
# so `npm start` and `npm test` work on a fresh clone without a separate install step.
# `npm install --no-save` rather than `npm ci`: the registry this project is built against lacks some
# other-platform optional packages (resolver bindings for macOS, Windows...), which `npm ci` insists
# on finding in the lockfile; `npm install` keeps the locked versions and skips what it cannot use.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "Installing dependencies..."
	npm install --no-audit --no-fund --no-save --loglevel=error
fi
