#!/usr/bin/env bash
# How close the harness's one-way throughput comes to a minimal C program's, side by side.
#
# Alternates, N times (default 5), stream.c beside this script (built with gcc -O2: fork, both ends
# pinned, blocking write and read of SIZE-byte blocks) with a harness throughput run of the same
# transports and size at the same placement, and prints each alternation's figures and the ratio
# harness / C per transport, then the median ratio of each.
#
#   benchmarks/scripts/throughput-vs-c.sh [ALTERNATIONS] [SIZE] [OUT_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-5}"
SIZE="${2:-65536}"
OUT="${3:-$(mktemp -d)}"
TRANSPORTS=(tcp unix-stream pipe)
JAR="$ROOT/harness/target/ipcbench.jar"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
mkdir -p "$OUT"
gcc -O2 -o "$OUT/stream" "$ROOT/benchmarks/scripts/stream.c"

printf '%-3s %-12s %14s %14s %7s\n' "#" transport "C MB/s" "harness MB/s" ratio
for i in $(seq 1 "$N"); do
    declare -A c=()
    for t in "${TRANSPORTS[@]}"; do
        c[$t]=$("$OUT/stream" "$t" "$SIZE" 2 0 1 | awk '{ print $3 }')
    done
    list=$(IFS=,; echo "${TRANSPORTS[*]}")
    java -jar "$JAR" run --transports "$list" --sizes none --throughput-sizes "$SIZE" --throughput-duration 2s \
        --warmup 300ms --pin 0,1 --quiet --out "$OUT/run$i" > "$OUT/run$i.log" 2>&1
    java -jar "$JAR" export "$OUT/run$i" --format csv --out "$OUT/run$i/cells.csv"
    for t in "${TRANSPORTS[@]}"; do
        # The CSV's header names each column by its path in run.json.
        h=$(awk -F, -v t="$t" 'NR == 1 { for (k = 1; k <= NF; k++) col[$k] = k; next }
            $col["transport"] == t { print $col["throughput.bytesPerSec"] }' "$OUT/run$i/cells.csv")
        awk -v i="$i" -v t="$t" -v c="${c[$t]}" -v h="$h" \
            'BEGIN { printf "%-3s %-12s %14.1f %14.1f %7.2f\n", i, t, c / 1e6, h / 1e6, h / c }'
    done
done | tee "$OUT/table.txt"
echo
for t in "${TRANSPORTS[@]}"; do
    awk -v t="$t" '$2 == t { print $5 }' "$OUT/table.txt" | sort -n | awk -v t="$t" \
        '{ v[NR] = $1 } END { printf "%-12s median harness / C %.2f (of %d alternations: %.2f to %.2f)\n", t, v[int((NR + 1) / 2)], NR, v[1], v[NR] }'
done
