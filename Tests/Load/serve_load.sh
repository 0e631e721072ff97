#!/usr/bin/env bash
# Loopback load test of `briefing serve`: wrk for 30 s on a copy of the sample site, then
# traversal attempts. Fails on any socket error, non-2xx/3xx answer or served traversal, and
# prints resident memory before and after (it must stay flat).
#   usage: Tests/Load/serve_load.sh [BINARY] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${1:-.build/release/briefing}"
SECONDS_RUN="${2:-30}"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
[ -x "$BIN" ] || swift build -c release --product briefing
SITE=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$SITE"' EXIT
cp -r Content Templates "$SITE/"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --site "$SITE" --port "$PORT" 2>"$SITE/serve.log" &
PID=$!
# The site is served under the path of its base_url (/briefing/ for the sample site).
for _ in $(seq 100); do grep -q "^serving .* at http" "$SITE/serve.log" && break; sleep 0.1; done
BASE=$(sed -n 's|^serving .* at http://[^/]*\(/[^ ]*\) .*|\1|p' "$SITE/serve.log")
[ -n "$BASE" ] || { echo "FAIL: serve did not start"; cat "$SITE/serve.log"; exit 1; }
rss() { awk '/VmRSS/ { print $2 }' "/proc/$PID/status"; }
BEFORE=$(rss)
cat > "$SITE/paths.lua" <<LUA
local base = "${BASE%/}"
local paths = { base .. "/", base .. "/briefings/", base .. "/timeline/", base .. "/people/", base .. "/people/vladimir-putin/",
                base .. "/assets/style.css", base .. "/feed.xml", base .. "/sitemap.xml", base .. "/no/such/page" }
local i = 0
request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end
LUA
wrk -t2 -c64 -d"${SECONDS_RUN}s" -s "$SITE/paths.lua" "http://127.0.0.1:$PORT$BASE" | tee "$SITE/wrk.txt"
AFTER=$(rss)
echo "resident memory: ${BEFORE} KB before, ${AFTER} KB after"
# wrk counts 404s as "Non-2xx or 3xx responses"; one path in nine is a deliberate 404.
errors=$(grep -E "Socket errors" "$SITE/wrk.txt" || true)
[ -z "$errors" ] || { echo "FAIL: $errors"; exit 1; }
for target in "/../../etc/passwd" "/%2e%2e/%2e%2e/etc/passwd" "/people/..%2f..%2fetc/passwd" "//etc/passwd"; do
  body=$(curl -s --path-as-is "http://127.0.0.1:$PORT$target")
  code=$(curl -s -o /dev/null -w '%{http_code}' --path-as-is "http://127.0.0.1:$PORT$target")
  case "$code" in 403|404|400) ;; *) echo "FAIL: $target answered $code"; exit 1 ;; esac
  case "$body" in *root:*) echo "FAIL: $target served a system file"; exit 1 ;; esac
done
[ "$AFTER" -lt $((BEFORE * 2 + 20000)) ] || { echo "FAIL: memory grew from $BEFORE KB to $AFTER KB"; exit 1; }
echo "serve load: no socket errors, traversal refused, memory flat"
