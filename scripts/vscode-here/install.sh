#!/usr/bin/env bash
# Installs a real VS Code (the build shipped in code-server's npm package) plus Debian's Chromium,
# for scripts/vscode-here/run.mjs. Needed because @vscode/test-electron cannot download VS Code
# on machines that only reach the npm registry and Debian. Idempotent: a marker file makes a
# second run a no-op. Non-interactive (CI=true, no stdin, root).
set -euo pipefail

CODE_SERVER_VERSION=4.100.3 # last line whose engines.node is 20 (VS Code 1.100.3)
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.vscode-test/code-server-$CODE_SERVER_VERSION"
MARKER="$CACHE/.install-complete"
VSCODE="$CACHE/node_modules/code-server/lib/vscode"

step() { echo "vscode-here: $*"; }
trap 'echo "vscode-here: FAILED at line $LINENO: $BASH_COMMAND (exit $?)" >&2' ERR
START=$SECONDS

# Debian packages: kerberos headers for a native module of VS Code's server, ripgrep instead of the
# binary @vscode/ripgrep would download, Chromium for the workbench, a font so screenshots show text.
APT_PKGS=(libkrb5-dev ripgrep chromium fonts-dejavu-core)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [[ $(id -u) == 0 ]] || SUDO=sudo
  step "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ -f "$MARKER" ]]; then
  step "code-server $CODE_SERVER_VERSION already installed in .vscode-test/"
  exit 0
fi

# Start from scratch when no marker: a half-finished earlier attempt is not trusted.
rm -rf "$CACHE"
mkdir -p "$CACHE"
cd "$CACHE"
cat >package.json <<EOF
{ "private": true, "dependencies": { "code-server": "$CODE_SERVER_VERSION" } }
EOF
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
step "npm install code-server@$CODE_SERVER_VERSION"
npm install --ignore-scripts --no-package-lock --loglevel=error >/dev/null

cd "$VSCODE"
step "npm install VS Code's server dependencies"
npm install --omit=dev --ignore-scripts --loglevel=error >/dev/null
# @vscode/ripgrep's postinstall skips its GitHub download when bin/ already exists.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
step "npm rebuild (native modules)"
# node-pty's install script runs `npx node-gyp`; without npm_config_yes npx would prompt and fail.
npm_config_yes=true npm rebuild --loglevel=error >/dev/null
# The server resolves some modules through node_modules.asar (a packaged-build path).
ln -sfn node_modules node_modules.asar
step "npm install built-in extensions' dependencies"
(cd extensions && npm install --omit=dev --loglevel=error >/dev/null)

node -e 'process.exit(require(process.argv[1]).version ? 0 : 1)' "$VSCODE/package.json"
echo "$CODE_SERVER_VERSION" >"$MARKER"
step "done in $((SECONDS - START))s (VS Code $(node -p 'require(process.argv[1]).version' "$VSCODE/package.json"))"
