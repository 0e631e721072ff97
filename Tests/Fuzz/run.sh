#!/bin/sh
# Builds the libFuzzer target (Sources/FuzzBriefing: one briefing's bytes through front matter,
# YAML, resolving and rendering of a small site) with -sanitize=fuzzer,address and runs it on
# the committed seed corpus.
#   Tests/Fuzz/run.sh            60 s
#   Tests/Fuzz/run.sh 3600       an hour; any other arguments go to libFuzzer
# New inputs go to Tests/Fuzz/.build-fuzz/corpus (the seeds stay as committed); a crash is written
# to Tests/Fuzz/crash-<hash>: turn each into a regression test, then delete it.
set -eu
cd "$(dirname "$0")"
seconds=${1:-60}
[ $# -gt 0 ] && shift
swift build --scratch-path .build-fuzz -c debug \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
mkdir -p .build-fuzz/corpus
# Leak checks are off: Foundation's FileManager.contents(atPath:) reports a 4 KB leak on Linux
# that is not Briefing's (and libFuzzer would stop at the first input).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
exec .build-fuzz/debug/FuzzBriefing .build-fuzz/corpus corpus \
    -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=4096 \
    -detect_leaks=0 -artifact_prefix=./ -dict=briefing.dict "$@"
