#!/usr/bin/env bash
# What a stall does to each timing: the coordinated-omission check.
#
# Four tcp 64 B runs at pin 0,1, each measured for 4 s, with two 50 ms pauses (SIGSTOP, then
# SIGCONT 50 ms later, as a garbage-collection pause would) 1.5 s apart in the measured part:
#   1. a rate run (RATE round trips/s), the client paused: the corrected p99 (from the intended
#      send) shows the pauses, the raw one (from the actual send) does not;
#   2. the same with the peer paused: both show it;
#   3. a closed-loop run, the peer paused: one slow round trip per pause, so p99 hides it;
#   4. a rate run and no pause, the reference.
# It prints p50, p99, p99.9 and max of each timing.
#
#   benchmarks/scripts/stall.sh [RATE] [OUT_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RATE="${1:-10000}"
OUT="${2:-$(mktemp -d)}"
JAR="$ROOT/harness/target/ipcbench.jar"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
mkdir -p "$OUT"
COMMON=(--transports tcp --pin 0,1 --warmup 500ms --repetitions 1 --quiet)
RATE_CELL=(--sizes none --rate-sizes 64 --rate "$RATE" --rate-duration 4s)
CLOSED_CELL=(--sizes 64 --duration 4s)

# Pauses a process twice, once the peer has started and warmed up.
pause_twice() {
    local who="$1" client="$2" peer="" target
    for _ in $(seq 1 100); do
        peer=$(pgrep -P "$client" -f io.ipcbench.peer.PeerMain | head -n 1 || true)
        [ -n "$peer" ] && break
        sleep 0.05
    done
    [ -n "$peer" ] || { echo "stall.sh: the peer of $client never started" >&2; return 1; }
    target="$client"
    [ "$who" = peer ] && target="$peer"
    sleep 1.5
    for _ in 1 2; do
        kill -STOP "$target"; sleep 0.05; kill -CONT "$target"
        sleep 1.5
    done
}

measure() {
    local name="$1" who="$2"; shift 2
    java -jar "$JAR" run "${COMMON[@]}" "$@" --out "$OUT/$name" > "$OUT/$name.log" 2>&1 &
    local client=$!
    [ "$who" = none ] || pause_twice "$who" "$client"
    wait "$client"
    java -jar "$JAR" export "$OUT/$name" --format csv --out "$OUT/$name/cells.csv"
}

measure client-paused-rate client "${RATE_CELL[@]}"
measure peer-paused-rate peer "${RATE_CELL[@]}"
measure peer-paused-closed peer "${CLOSED_CELL[@]}"
measure no-pause-rate none "${RATE_CELL[@]}"

printf '%-20s %-24s %10s %10s %10s %10s\n' run timing "p50 µs" "p99 µs" "p99.9 µs" "max µs"
for name in client-paused-rate peer-paused-rate peer-paused-closed no-pause-rate; do
    python3 - "$OUT/$name/cells.csv" "$name" <<'PY'
import csv, sys
row = next(csv.DictReader(open(sys.argv[1])))
rate = row.get("rate.targetPerSec")
timings = [("latencyNs", "from intended send" if rate else "closed loop")]
if rate:
    timings.append(("rate.rawNs", "from actual send"))
for prefix, label in timings:
    f = [float(row[prefix + "." + p]) / 1000 for p in ("p50", "p99", "p999", "max")]
    print(f"{sys.argv[2]:20} {label:24} {f[0]:10.1f} {f[1]:10.1f} {f[2]:10.1f} {f[3]:10.1f}")
PY
done | tee "$OUT/table.txt"
