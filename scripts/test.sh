#!/usr/bin/env bash
# The whole test suite from a fresh clone (the README's test command, run by CI through .ci/run):
# installs what it needs, then type-checks, lints, builds, and runs the unit, integration and e2e
# layers. Ends with one "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "dependencies"
bash scripts/deps.sh

step "type check (package, sandbox, tests)"
node node_modules/typescript/bin/tsc -p tsconfig.json --noEmit
node node_modules/typescript/bin/tsc -p tsconfig.test.json --noEmit

step "lint (n8n-node lint, strict; warnings count as failures)"
lint_out="$(npm run --silent lint 2>&1)" || { echo "$lint_out"; exit 1; }
echo "$lint_out"
if grep -qE '✖|[0-9]+ warnings?' <<<"$lint_out"; then echo "lint reported problems"; exit 1; fi
node -e 'const p=require("./package.json"); if (Object.keys(p.dependencies||{}).length) { console.error("package.json must have no dependencies"); process.exit(1) }'

step "build"
npm run --silent build

step "per-provider packages (pack:providers) and n8n's verification-scanner lint on each"
node node_modules/tsx/dist/cli.mjs scripts/pack-providers.ts
node node_modules/tsx/dist/cli.mjs scripts/providers/lint.ts

step "n8n runtime for the e2e layer (cached in .cache/runtime)"
bash scripts/ensure-runtime.sh

step "Redis and PostgreSQL for the queue-mode layer (Debian packages, installed when missing)"
bash scripts/queue-services.sh

step "jest: unit, integration, e2e, queue, faults"
report="$(mktemp --suffix=.json)"
status=0
# The browser layer (test/browser, `npm run test:browser`) is not in this list yet: it did not pass
# reliably when it was merged (see the issue notes); it joins once it does.
projects=(unit integration e2e queue faults)
node node_modules/jest/bin/jest.js --ci --json --outputFile="$report" "$@" --selectProjects "${projects[@]}" || status=$?
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
console.log(`\njest: ${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed, ${r.numPendingTests} skipped`);
' "$report"
rm -f "$report"
exit "$status"
