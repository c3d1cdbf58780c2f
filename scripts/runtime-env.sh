# shellcheck shell=bash
# Paths of the pinned n8n runtime (Node 24 + n8n) that scripts/ensure-runtime.sh installs.
# Source it from bash: `source scripts/runtime-env.sh`; it only sets variables, installs nothing.
# The TypeScript side (test/e2e/harness/n8n.ts) computes the same paths; keep both in step.

RUNTIME_NODE_VERSION="24.21.0"
RUNTIME_N8N_VERSION="2.41.1"

# Repo root from this file's location, so the cache is found whatever the caller's cwd is.
RUNTIME_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# DIALERS_RUNTIME_DIR moves the cache elsewhere (e.g. a machine-wide folder shared by several clones).
RUNTIME_DIR="${DIALERS_RUNTIME_DIR:-${RUNTIME_REPO_ROOT}/.cache/runtime}"
RUNTIME_NODE_DIR="${RUNTIME_DIR}/node"
RUNTIME_NODE="${RUNTIME_NODE_DIR}/bin/node"
RUNTIME_N8N_DIR="${RUNTIME_DIR}/n8n"
N8N_PKG_DIR="${RUNTIME_N8N_DIR}/node_modules/n8n"
N8N_BIN="${N8N_PKG_DIR}/bin/n8n"
RUNTIME_MARKER="${RUNTIME_DIR}/installed.txt"

export RUNTIME_NODE_VERSION RUNTIME_N8N_VERSION RUNTIME_DIR RUNTIME_NODE_DIR RUNTIME_NODE RUNTIME_N8N_DIR N8N_PKG_DIR N8N_BIN RUNTIME_MARKER
