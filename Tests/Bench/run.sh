#!/usr/bin/env bash
# `make bench`: cold builds against Hugo (compare.sh from the shared bench folder), then the
# edit-to-served latency of `briefing serve` for each kind of edit, at 1,000 and 10,000 briefings.
#   BENCH_DIR   folder holding compare.sh, gen_corpus.py, to_hugo.py, hugo_site/ (default ../shared/bench)
# Memory on one huge file (docs/performance.md, "Huge single files"): not run here, as it takes
# a minute and 1.5 GB of output; by hand:
#   python3 Tests/Bench/huge_timeline.py /tmp/huge        # a million-line Content/timeline.yaml
#   /usr/bin/time -f '%M KB' .build/release/briefing check --site /tmp/huge
#   /usr/bin/time -f '%M KB' .build/release/briefing build --site /tmp/huge --output /tmp/huge-out
#   SIZES       corpus sizes (default "1000 10000"); RUNS timed builds per tool (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH_DIR="${BENCH_DIR:-../shared/bench}"
SIZES="${SIZES:-1000 10000}"
RUNS="${RUNS:-5}"
WORK="${TMPDIR:-/tmp}/briefing-bench"
[ -x "$BENCH_DIR/compare.sh" ] || { echo "bench: no compare.sh in $BENCH_DIR (set BENCH_DIR)" >&2; exit 2; }
command -v hugo >/dev/null && [ -x /usr/bin/time ] || {
  echo "bench: installing hugo and GNU time"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo time; }
swift build -c release --product briefing
BIN="$PWD/.build/release/briefing"
for n in $SIZES; do
  echo "== cold build, $n briefings =="
  "$BENCH_DIR/compare.sh" --briefings "$n" --runs "$RUNS" --templates Templates --work "$WORK" -- "$BIN"
done
for n in $SIZES; do
  echo "== the largest page of each kind, $n briefings (budget: 300 KB) =="
  corpus=$(ls -d "$WORK"/corpus-n"$n"-s1-g* | head -n 1)
  pages="$WORK/pages-n$n"
  rm -rf "$pages" && mkdir -p "$pages" && cp -r "$corpus/Content" "$pages/" && cp -r Templates "$pages/"
  "$BIN" build --site "$pages" --output "$pages/public" >/dev/null
  python3 Tests/Bench/largest_pages.py "$pages/public" || true
done
for n in $SIZES; do
  echo "== serve: from a saved edit to the served page, each kind of edit, $n briefings =="
  corpus=$(ls -d "$WORK"/corpus-n"$n"-s1-g* | head -n 1)
  site="$WORK/serve-n$n"
  rm -rf "$site" && mkdir -p "$site" && cp -r "$corpus/Content" "$site/" && cp -r Templates "$site/"
  python3 Tests/Bench/serve_latency.py "$BIN" "$site" --runs 9 \
    --edit body front-matter person person-name person-moves new-person site timeline topics template reshape people new-file removed-file renamed-file
done
