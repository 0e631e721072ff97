#!/bin/sh
# Builds the libFuzzer target (Sources/FuzzBriefing: one briefing's bytes through front matter,
# YAML, resolving, Markdown and rendering of a small site held in memory) with
# -sanitize=fuzzer,address and runs it on the committed seed corpus.
#   Tests/Fuzz/run.sh            60 s
#   Tests/Fuzz/run.sh 3600       an hour; any other arguments go to libFuzzer
# Exits non-zero on a finding (crash, sanitizer report, timeout, out of memory), so CI fails.
# New inputs go to Tests/Fuzz/.build-fuzz/corpus (the seeds stay as committed); a finding is
# written to Tests/Fuzz/crash-<hash> (or timeout-, oom-): reproduce it with
# Tests/Fuzz/.build-fuzz/release/FuzzBriefing <file>, turn it into a regression test, then delete it.
set -eu
cd "$(dirname "$0")"
seconds=${1:-60}
[ $# -gt 0 ] && shift
# Optimized, with the sanitizers: the Mustache engine and the escapers are written for the
# optimizer, and a debug build runs far fewer inputs a second. Preconditions and bounds checks
# stay on.
swift build --scratch-path .build-fuzz -c release \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
mkdir -p .build-fuzz/corpus
# Leak checks are off: Foundation's FileManager.contents(atPath:), which reads the templates once
# at start, reports a 4 KB leak on Linux that is not Briefing's (and libFuzzer would stop at once).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
# libFuzzer reports a Swift trap itself, with the failure's message and the stack; Swift's own
# backtracer would get there first and trip the address sanitizer while reading memory.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
exec .build-fuzz/release/FuzzBriefing .build-fuzz/corpus corpus \
    -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=4096 \
    -detect_leaks=0 -print_final_stats=1 -artifact_prefix=./ -dict=briefing.dict "$@"
