#!/usr/bin/env bash
# Benchmarks print their figures; they assert nothing. Each is a separate script under test/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
npm run --silent build
bash scripts/ensure-runtime.sh
node node_modules/tsx/dist/cli.mjs test/bench/core.bench.ts
# The per-item HTTP Request node a beginner would build (a sample: requests refused).
node node_modules/tsx/dist/cli.mjs test/bench/unitalk-add-numbers.bench.ts
node node_modules/tsx/dist/cli.mjs test/bench/nxcloud-group-call.bench.ts
node node_modules/tsx/dist/cli.mjs test/bench/twin24-add-candidates.bench.ts
# Issue 11: our bulk operations against n8n doing nothing and a hand-built Code + HTTP Request flow
# (BENCH_SCALES=10000,100000,1000000 by default, and BENCH_PROVIDERS=unitalk,twin24,nxtele choose what runs), then the
# triggers against n8n's Webhook node.
node node_modules/tsx/dist/cli.mjs test/bench/side-by-side.bench.ts
node node_modules/tsx/dist/cli.mjs test/bench/triggers.bench.ts
