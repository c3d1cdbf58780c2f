#!/usr/bin/env bash
# `npm start`: works on a fresh clone without a prior `npm install`.
# Installs the dependencies when needed (scripts/deps.sh), builds the package, makes sure the pinned
# n8n runtime is there (scripts/ensure-runtime.sh), then runs scripts/start.ts (provider sandbox +
# n8n with this package installed; Ctrl-C stops both).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/deps.sh
echo "[start] building..." >&2
npm run build --silent
bash scripts/ensure-runtime.sh

exec node_modules/.bin/tsx scripts/start.ts
