#!/usr/bin/env bash
# The main job, end to end against the local sandbox: start simulators of Entra ID, Okta, Google, Jira and
# Confluence; validate and preview samples/demo.usersync; sync one user; run the full sync; show the history, and
# what was written to one user.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${DEMO_PORT:-8765}
USERS=${DEMO_USERS:-300}
export USERSYNC_SANDBOX_TOKEN=${USERSYNC_SANDBOX_TOKEN:-demo-$RANDOM$RANDOM}
STATE=$(mktemp -d "${TMPDIR:-/tmp}/usersync-demo.XXXXXX")
usersync() { node bin/usersync.js "$@"; }
title() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

title "usersync sandbox --port $PORT --users $USERS --config-out samples/demo.usersync"
node bin/usersync.js sandbox --port "$PORT" --users "$USERS" --config-out samples/demo.usersync > "$STATE/sandbox.log" 2>&1 &
SANDBOX=$!
trap 'kill $SANDBOX 2>/dev/null || true; rm -rf "$STATE"' EXIT
for _ in $(seq 1 100); do
  node -e "fetch('http://127.0.0.1:$PORT/jira/rest/scriptrunner/latest/custom/usersync/health',
    { headers: { authorization: 'Bearer ' + process.env.USERSYNC_SANDBOX_TOKEN } }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && break
  kill -0 $SANDBOX 2>/dev/null || { cat "$STATE/sandbox.log"; exit 1; }
  sleep 0.2
done
sed -n '1,9p' "$STATE/sandbox.log"

title "usersync validate samples/demo.usersync"
usersync validate samples/demo.usersync

title "usersync preview samples/demo.usersync --connector sandbox_azure_jira"
usersync preview samples/demo.usersync --connector sandbox_azure_jira --state "$STATE/state.db" | head -40

title "usersync run samples/demo.usersync --connector sandbox_okta_confluence --user julia.smith@contoso.com --yes   (one user first)"
usersync run samples/demo.usersync --connector sandbox_okta_confluence --user julia.smith@contoso.com --yes --state "$STATE/state.db" || true

title "usersync run samples/demo.usersync --yes   (full sync of every connector)"
usersync run samples/demo.usersync --yes --state "$STATE/state.db" || true

title "usersync preview samples/demo.usersync   (after the run: nothing left to change)"
usersync preview samples/demo.usersync --state "$STATE/state.db" | tail -5

title "usersync history samples/demo.usersync"
usersync history samples/demo.usersync --state "$STATE/state.db"

title "usersync history samples/demo.usersync --user julia.smith@contoso.com   (every value written to one user)"
usersync history samples/demo.usersync --state "$STATE/state.db" --user julia.smith@contoso.com
