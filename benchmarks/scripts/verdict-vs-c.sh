#!/usr/bin/env bash
# Does the harness's verdict on "unix-stream is faster than tcp at 64 B" agree with a C program?
#
# Alternates, N times (default 5), a minimal C ping-pong (pingpong.c beside this script, built with
# gcc -O2; fork, both ends pinned, blocking read/write) over unix-stream and tcp, with a harness run
# of the same two transports at 5 repetitions, and prints each alternation's C medians and the
# harness's p50 comparison (ratio, interval, verdict). The expectation: when C's faster transport is
# the same in every alternation, the harness agrees; when it changes, the harness says inconclusive.
#
#   benchmarks/scripts/verdict-vs-c.sh [ALTERNATIONS] [OUT_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-5}"
OUT="${2:-$(mktemp -d)}"
PIN_CLIENT=0 PIN_PEER=1
JAR="$ROOT/harness/target/ipcbench.jar"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
mkdir -p "$OUT"
gcc -O2 -o "$OUT/pingpong" "$ROOT/benchmarks/scripts/pingpong.c"

c_p50() { "$OUT/pingpong" "$1" 64 100000 "$PIN_CLIENT" "$PIN_PEER" | awk '{ printf "%.2f", $3 / 1000 }'; }

printf '%-3s %12s %12s %-12s  %s\n' "#" "C unix µs" "C tcp µs" "C faster" "harness unix-stream / tcp p50 (5 repetitions each)"
for i in $(seq 1 "$N"); do
    if [ $((i % 2)) -eq 1 ]; then unix=$(c_p50 unix-stream); tcp=$(c_p50 tcp)
    else tcp=$(c_p50 tcp); unix=$(c_p50 unix-stream); fi
    faster=$(awk -v u="$unix" -v t="$tcp" 'BEGIN { print (u < t) ? "unix-stream" : "tcp" }')
    java -jar "$JAR" run --transports tcp,unix-stream --sizes 64 --duration 1s --warmup 300ms --interval 100ms \
        --repetitions 5 --pin "$PIN_CLIENT,$PIN_PEER" --quiet --out "$OUT/run$i" > "$OUT/run$i.log" 2>&1
    java -jar "$JAR" claims "$OUT/run$i" > /dev/null
    verdict=$(grep -m1 '^- unix-stream / tcp round-trip p50' "$OUT/run$i/claims.md" | sed 's/^- unix-stream \/ tcp round-trip //; s/, 64 B, 1 connection, placement [0-9,]* (/ (/')
    printf '%-3s %12s %12s %-12s  %s\n' "$i" "$unix" "$tcp" "$faster" "$verdict"
done
echo "runs and C binary in $OUT"
