#!/usr/bin/env bash
# Installs a real VS Code (code-server, which bundles VS Code's workbench and extension host) from
# the npm registry into .vscode-test/code-server, for the integration and end-to-end tests and for
# `npm start` on machines without desktop VS Code.
#
# Why not @vscode/test-electron: it downloads VS Code from Microsoft's update servers, which CI
# machines that only reach npm and Debian cannot do. code-server 4.100.3 bundles VS Code 1.100.3
# and is the newest release that runs on Node 20.
#
# Its npm install scripts download ripgrep from GitHub, so they are skipped and the native modules
# are rebuilt by hand against the system's ripgrep (apt: ripgrep, libkrb5-dev for kerberos).
# Idempotent: a marker file written last records a complete install of this exact version.
set -euo pipefail

VERSION="4.100.3"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}"
MARKER="$DIR/.installed-$VERSION"

# Test commands started together (integration and e2e) may both get here: one installs, the
# other waits and then finds the marker.
mkdir -p "$(dirname "$DIR")"
exec 9>"$DIR.lock"
flock 9

if [[ -f "$MARKER" && -f "$DIR/node_modules/code-server/out/node/entry.js" ]]; then
  echo "code-server $VERSION already installed in $DIR"
  exit 0
fi

for tool in rg node npm; do
  command -v "$tool" >/dev/null || { echo "missing '$tool' (apt-get install ripgrep nodejs npm)" >&2; exit 1; }
done

start=$(date +%s)
echo "Installing code-server $VERSION into $DIR (takes a few minutes)"
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
# A package.json of its own so npm does not walk up into the project's package.json.
echo '{ "name": "code-server-cache", "private": true }' > package.json

export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
npm install --no-save --ignore-scripts "code-server@$VERSION" --loglevel=error
npm rebuild argon2 --loglevel=error

cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --loglevel=error
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# Builds node-pty, spdlog, watcher, kerberos... against the local Node.
npm rebuild --loglevel=error
ln -sfn node_modules node_modules.asar
cd extensions
npm install --omit=dev --ignore-scripts --loglevel=error

touch "$MARKER"
echo "code-server $VERSION installed in $(( $(date +%s) - start ))s"
