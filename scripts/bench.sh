#!/usr/bin/env bash
# Benchmarks print their figures; they assert nothing. Each is a separate script under test/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
npm run --silent build
bash scripts/ensure-runtime.sh
node node_modules/tsx/dist/cli.mjs test/bench/core.bench.ts
node node_modules/tsx/dist/cli.mjs test/bench/unitalk-add-numbers.bench.ts
node node_modules/tsx/dist/cli.mjs test/bench/nxtele-add-orders.bench.ts
node node_modules/tsx/dist/cli.mjs test/bench/nxcloud-group-call.bench.ts
node node_modules/tsx/dist/cli.mjs test/bench/twin24-add-candidates.bench.ts
