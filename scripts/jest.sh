#!/usr/bin/env bash
# Runs jest with the project's config; extra arguments go to jest (for example --selectProjects unit).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
exec node node_modules/jest/bin/jest.js --ci "$@"
