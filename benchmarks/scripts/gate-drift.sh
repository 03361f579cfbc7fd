#!/usr/bin/env bash
# How often the gate cries wolf on one build measured run after run, and how often it catches a
# known slowdown. Measures RUNS runs of the same build, gating each against the runs before it as
# its history (the first has none), then RUNS runs with the peer slowed by DELAY µs per reply, each
# gated against all the normal runs. Prints the counts and, per run, the values the gate saw.
#
# A run folder that already exists is kept, not measured again: run the script a second time on the
# same OUT to gate the same runs again (after changing the gate, say).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="${IPCBENCH_JAR:-$ROOT/harness/target/ipcbench.jar}"

usage() {
    cat <<'USAGE'
Usage: benchmarks/scripts/gate-drift.sh [options] OUT

Options:
  --runs N          normal runs, and as many slowed ones (default 20)
  --delay-us N      the slowed runs' injected peer delay per reply (default 20)
  --measure-only    measure the runs, gate nothing
  -h, --help        this text

Each run: tcp and unix-stream, 64 B, 5 repetitions of 1 s in 100 ms intervals, pinned 0,1 (about
20 s). OUT/normal/runNN and OUT/delayed/runNN are the run folders, OUT/gates/ the gate reports
(p99 and p50, JSON), OUT/summary.txt what is printed at the end. IPCBENCH_JAR overrides the jar.
USAGE
}

runs=20 delay=20 measure_only=0 out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --delay-us) delay="$2"; shift 2 ;;
        --measure-only) measure_only=1; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "gate-drift.sh: unknown option '$1'" >&2; exit 2 ;;
        *) out="$1"; shift ;;
    esac
done
[ -n "$out" ] || { usage >&2; exit 2; }
[ -f "$JAR" ] || { echo "gate-drift.sh: no $JAR: build first (mvn -B -q -DskipTests package)" >&2; exit 2; }
command -v jq >/dev/null || { echo "gate-drift.sh: jq not found (sudo apt-get install jq)" >&2; exit 2; }
mkdir -p "$out/normal" "$out/delayed" "$out/gates"

name() { printf 'run%02d' "$1"; }

measure() { # folder peer-delay-us
    [ -f "$1/run.json" ] && return 0
    java -jar "$JAR" run --transports tcp,unix-stream --sizes 64 --duration 1s --interval 100ms \
        --warmup 300ms --repetitions 5 --pin 0,1 --peer-delay-us "$2" --out "$1" --quiet >/dev/null
}

gate() { # report-name candidate baseline-arguments...
    local report="$1" candidate="$2"
    shift 2
    for metric in p99 p50; do
        java -jar "$JAR" gate --metric "$metric" --candidate "$candidate" "$@" \
            --json "$out/gates/$report-$metric.json" >/dev/null 2>&1 || true
    done
}

echo "load before: $(cat /proc/loadavg)" | tee "$out/load.txt"
for i in $(seq 1 "$runs"); do
    measure "$out/normal/$(name "$i")" 0
    if [ "$measure_only" = 0 ] && [ "$i" -gt 1 ]; then
        history=()
        for j in $(seq 1 $((i - 1))); do history+=(--baseline "$out/normal/$(name "$j")"); done
        gate "normal-$(name "$i")" "$out/normal/$(name "$i")" "${history[@]}"
    fi
    echo "normal $(name "$i") done"
done
for i in $(seq 1 "$runs"); do
    measure "$out/delayed/$(name "$i")" "$delay"
    if [ "$measure_only" = 0 ]; then
        gate "delayed-$(name "$i")" "$out/delayed/$(name "$i")" --history "$out/normal" --history-size "$runs"
    fi
    echo "delayed $(name "$i") done"
done
echo "load after: $(cat /proc/loadavg)" | tee -a "$out/load.txt"

# Per run: the median over repetitions of each cell's p50 and p99, and the canary (geometric mean
# over every cell of the run), in µs; then the gate's outcome for each metric.
values() { # run folder
    jq -r '
        def median: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
        def us: . / 1000 * 100 | round / 100;
        [.cells[] | select(.status == "ok")] as $cells
        | ([$cells[] | select(.transport == "tcp") | .latencyNs.p50] | median | us),
          ([$cells[] | select(.transport == "tcp") | .latencyNs.p99] | median | us),
          ([$cells[] | select(.transport == "unix-stream") | .latencyNs.p50] | median | us),
          ([$cells[] | select(.transport == "unix-stream") | .latencyNs.p99] | median | us),
          ([$cells[] | .canary | select(. != null) | ((.beforeNs | log) + (.afterNs | log)) / 2]
              | if length == 0 then "-" else (add / length | exp | us) end)
    ' "$1/run.json" | paste -sd' '
}
outcome() { # report file
    if [ -f "$1" ]; then
        jq -r '.outcome + (if .outcome == "regression" then " (" + ([.cells[] | select(.verdict == "regression")
            | .key | split("/")[0]] | join(",")) + ")" else "" end)
            + (if ([.cells[] | select(.verdict == "box changed")] | length) > 0 then " [box changed: "
            + ([.cells[] | select(.verdict == "box changed") | .key | split("/")[0]] | join(",")) + "]" else "" end)' "$1"
    else
        echo "-"
    fi
}
{
    echo
    echo "run        tcp p50  tcp p99  unix p50  unix p99  canary (µs)   gate p99 | gate p50"
    for kind in normal delayed; do
        for i in $(seq 1 "$runs"); do
            r="$(name "$i")"
            read -r tp50 tp99 up50 up99 canary <<<"$(values "$out/$kind/$r")"
            printf '%-7s %s %8s %8s %9s %9s %8s   %s | %s\n' "$kind" "$r" "$tp50" "$tp99" "$up50" "$up99" \
                "$canary" "$(outcome "$out/gates/$kind-$r-p99.json")" "$(outcome "$out/gates/$kind-$r-p50.json")"
        done
    done
    if [ "$measure_only" = 0 ]; then
        echo
        for metric in p99 p50; do
            false_alarms=$(cat "$out"/gates/normal-*-"$metric".json | jq -s '[.[] | select(.outcome == "regression")] | length')
            gated=$(ls "$out"/gates/normal-*-"$metric".json | wc -l)
            caught=$(cat "$out"/gates/delayed-*-"$metric".json | jq -s '[.[] | select(.outcome == "regression")] | length')
            echo "$metric: false regressions in $false_alarms of $gated gated normal runs; caught $caught of $runs delayed runs"
        done
    fi
    cat "$out/load.txt"
} | tee "$out/summary.txt"
