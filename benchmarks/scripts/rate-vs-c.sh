#!/usr/bin/env bash
# Is a round trip at a quarter of the closed-loop rate as fast as in a closed loop, for the harness
# and for a minimal C program on the same box? Alternates, N times (default 5), paced.c beside this
# script (built with gcc -O2; fork, both ends pinned) with a harness run of the same transports at
# the same placement, and prints the p50 of each paced round trip (timed from its intended send)
# over the closed-loop p50 of the same process:
#   C sleep   paced.c's client sleeps between round trips and waits for each reply in a blocking read
#   C epoll   the same, but it waits for each reply in epoll_pwait2 on a non-blocking socket, as the
#             harness's rate loop does
#   harness   a rate cell at 25% over the closed-loop latency cell of the same run
#
#   benchmarks/scripts/rate-vs-c.sh [ALTERNATIONS] [SIZE] [OUT_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-5}"
SIZE="${2:-64}"
OUT="${3:-$(mktemp -d)}"
TRANSPORTS=(tcp unix-stream pipe)
CLOSED_TRIPS=100000
PACED_SECONDS=2
JAR="$ROOT/harness/target/ipcbench.jar"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
mkdir -p "$OUT"
gcc -O2 -o "$OUT/paced" "$ROOT/benchmarks/scripts/paced.c"

# paced.c prints: transport size rate mode p50 p99 mean corr_p50 corr_p99 achieved round_trips
paced() { "$OUT/paced" "$1" "$SIZE" "$2" 0 1 "$3" "$4"; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-3s %-12s %9s %9s %7s %9s %7s %9s %9s %7s\n' "#" transport "C closed" "C sleep" ratio "C epoll" ratio \
    "h closed" "h 25%" ratio
for i in $(seq 1 "$N"); do
    declare -A closed=() sleep=() epoll=()
    for t in "${TRANSPORTS[@]}"; do
        read -r _ _ _ _ p50 _ mean _ < <(paced "$t" "$CLOSED_TRIPS" 0 sleep)
        closed[$t]=$p50
        rate=$(awk -v m="$mean" 'BEGIN { printf "%.1f", 0.25e9 / m }')
        trips=$(awk -v r="$rate" -v s="$PACED_SECONDS" 'BEGIN { printf "%d", r * s }')
        sleep[$t]=$(paced "$t" "$trips" "$rate" sleep | awk '{ print $8 }')
        epoll[$t]=$(paced "$t" "$trips" "$rate" epoll | awk '{ print $8 }')
    done
    list=$(IFS=,; echo "${TRANSPORTS[*]}")
    java -jar "$JAR" run --transports "$list" --sizes "$SIZE" --connections 1 --rates 25% --rate-connections 1 \
        --duration 2s --rate-duration 2s --pin 0,1 --quiet --out "$OUT/run$i" > "$OUT/run$i.log" 2>&1
    java -jar "$JAR" export "$OUT/run$i" --format csv --out "$OUT/run$i/cells.csv"
    for t in "${TRANSPORTS[@]}"; do
        # The CSV's header names each column by its path in run.json; a rate cell's latency is timed
        # from the intended send.
        read -r hc hr < <(awk -F, -v t="$t" 'NR == 1 { for (k = 1; k <= NF; k++) col[$k] = k; next }
            $col["transport"] == t && $col["mode"] == "latency" { c = $col["latencyNs.p50"] }
            $col["transport"] == t && $col["mode"] == "rate" { r = $col["latencyNs.p50"] }
            END { print c, r }' "$OUT/run$i/cells.csv")
        awk -v i="$i" -v t="$t" -v c="${closed[$t]}" -v s="${sleep[$t]}" -v e="${epoll[$t]}" -v hc="$hc" -v hr="$hr" \
            'BEGIN { printf "%-3s %-12s %9.1f %9.1f %7.2f %9.1f %7.2f %9.1f %9.1f %7.2f\n",
                     i, t, c / 1e3, s / 1e3, s / c, e / 1e3, e / c, hc / 1e3, hr / 1e3, hr / hc }'
    done
done | tee "$OUT/table.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
for t in "${TRANSPORTS[@]}"; do
    for column in 5:C-sleep 7:C-epoll 10:harness; do
        awk -v t="$t" -v k="${column%%:*}" '$2 == t { print $k }' "$OUT/table.txt" | sort -n | \
            awk -v t="$t" -v what="${column#*:}" '{ v[NR] = $1 } END {
                printf "%-12s %-8s median paced / closed p50 %.2f (of %d alternations: %.2f to %.2f)\n",
                       t, what, v[int((NR + 1) / 2)], NR, v[1], v[NR] }'
    done
done
