#!/usr/bin/env bash
# The whole test suite, as CI runs it: generated artefacts, types, lint, unit + integration
# tests (mocha), the bundle, and the tests in a real VS Code (code-server + Chromium).
# USERSYNC_E2E=0 skips the real-editor tests (they install code-server on first use).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "generated attribute catalogs are up to date"
npm run --silent generate:check

step "types"
npx tsc -b

step "lint and format"
npx eslint .
npx prettier --check . > /dev/null || { npx prettier --check . ; exit 1; }

step "unit, feature, protocol and integration tests"
log=$(mktemp)
set +e
npx mocha --reporter dot 'test/**/*.test.ts' 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -Eo '[0-9]+ passing' "$log" | grep -Eo '[0-9]+' || echo 0)
failed=$(grep -Eo '[0-9]+ failing' "$log" | grep -Eo '[0-9]+' || echo 0)
pending=$(grep -Eo '[0-9]+ pending' "$log" | grep -Eo '[0-9]+' || echo 0)
rm -f "$log"

step "bundle"
npm run --silent build

e2e_passed=0; e2e_failed=0
if [ "${USERSYNC_E2E:-1}" != "0" ]; then
  step "VS Code extension in a real editor"
  e2e_log=$(mktemp)
  set +e
  E2E_SKIP_BUILD=1 bash scripts/e2e.sh 2>&1 | tee "$e2e_log"
  e2e_status=${PIPESTATUS[0]}
  set -e
  read -r e2e_passed e2e_failed < <(awk '/^[0-9]+ passed, [0-9]+ failed/ { p += $1; f += $3 } END { print p + 0, f + 0 }' "$e2e_log")
  rm -f "$e2e_log"
  [ "$e2e_status" -eq 0 ] || status=1
fi

printf '\n%s passed, %s failed, %s skipped\n' "$((passed + e2e_passed))" "$((failed + e2e_failed))" "$pending"
exit "$status"
