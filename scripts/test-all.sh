#!/usr/bin/env bash
# Every test corio has: lint, typecheck, build, unit tests, conformance against CPython, the docs
# site's browser tests, benchmark smoke runs and packaging checks. Installs what the tests need.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1

# Chromium drives the docs site's end-to-end tests (Debian's build; browsers are never downloaded).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# @corio/queue-redis's tests and benchmark start their own Debian redis-server on a free port.
if [ ! -x /usr/bin/redis-server ]; then
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
fi

# The conformance suite diffs corio against CPython 3.13's asyncio.
if ! PYENV_VERSION=3.13.0 python --version 2>/dev/null | grep -q '^Python 3\.13'; then
  echo "error: CPython 3.13 is needed for the conformance suite (PYENV_VERSION=3.13.0 python)" >&2
  exit 1
fi

pnpm run lint
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# --output-logs=full so every package's vitest summary reaches the count below, cached or not.
pnpm exec turbo run build typecheck test --concurrency=2 --output-logs=full | tee "$log"
pnpm run test:packaging
# One closing line for the whole run: the vitest summaries of every package, added up.
sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\S+:test: +Tests +' | awk '
  { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
  END { printf "%d passed, %d failed\n", p, f }'
echo "test-all: every check passed"
