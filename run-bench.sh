#!/usr/bin/env bash
# ipcbench on this box: build what is missing, measure a profile, judge the claims, draw the
# report, and print what was found. This script only orchestrates; every decision about measuring
# and judging lives in the Java code, where tests reach it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$ROOT/harness/target/ipcbench.jar"
JMH_JAR="$ROOT/benchmarks/target/benchmarks.jar"

usage() {
    cat <<'USAGE'
Usage: ./run-bench.sh [options]

Builds ipcbench if needed, measures every transport on this box (latency, throughput, connection
counts, latency under an offered load, the claim probes), judges the well-known claims, draws the charts, and prints the summary,
the verdicts and where the report is. Results land in results/<timestamp>-<host>/, with every
cell's figures also in cells.csv.

Options:
  --profile NAME          quick (default: about 3 minutes), full (about an hour on 2 CPUs, JMH
                          included), smoke (seconds, for CI);
                          quick sweeps tcp and unix-stream at 64 B over offered rates of 25% to 110% of
                          their closed-loop maximum and measures connection set-up at 64 B; full sweeps
                          every transport's rates at 1, 8 and 64 connections
  --transports LIST       comma-separated names (ipcbench transports lists them; default: all)
  --sizes LIST            latency message sizes, e.g. 64,1k,16k
  --throughput-sizes LIST one-way throughput message sizes, e.g. 64,64k ("none" to skip)
  --connections LIST      connection counts for tcp and unix-stream, e.g. 1,8,64
  --engine NAME           raw (libc calls), jdk (NIO and junixsocket) or both
  --pin CLIENT,PEER       CPUs for the two measuring threads (default: 0,1 on a multi-CPU box, else 0,0)
  --repetitions N         repeat every cell N times
  --out DIR               run folder (default: results/<timestamp>-<host>)
  --jmh                   also run the JMH benchmarks (kept as jmh.json in the run folder)
  --no-jmh                do not run them (the full profile runs them by default)
  --gate BASELINE         after the run, gate its latency against a baseline: a run folder, or a
                          folder of run folders (the newest 10 are used); needs --repetitions 3 or more
  --dry-run               print the plan and the commands instead of running them
  -h, --help              this text

Before the first cell it prints the run's plan (how many cells, about how long) and, with --jmh,
JMH's (how many benchmark runs, about how long).

Exit codes: 0 every cell ran (and the gate, if asked, passed); 1 a cell failed or the gate found a
regression; 2 bad options or missing tools; 3 another error.
USAGE
}

die_usage() {
    echo "run-bench.sh: $*" >&2
    echo "see ./run-bench.sh --help" >&2
    exit 2
}

need_value() {
    [ "$2" -ge 2 ] || die_usage "$1 needs a value"
}

profile=quick
transports="" sizes="" throughput_sizes="" connections="" engine="" pin="" repetitions="" out=""
jmh="" gate="" dry_run=0

while [ $# -gt 0 ]; do
    case "$1" in
        --profile|--transports|--sizes|--throughput-sizes|--connections|--engine|--pin|--repetitions|--out|--gate)
            need_value "$1" $#
            case "$1" in
                --profile) profile="$2" ;;
                --transports) transports="$2" ;;
                --sizes) sizes="$2" ;;
                --throughput-sizes) throughput_sizes="$2" ;;
                --connections) connections="$2" ;;
                --engine) engine="$2" ;;
                --pin) pin="$2" ;;
                --repetitions) repetitions="$2" ;;
                --out) out="$2" ;;
                --gate) gate="$2" ;;
            esac
            shift 2 ;;
        --*=*)
            name="${1%%=*}"; value="${1#*=}"; shift
            set -- "$name" "$value" "$@" ;;
        --jmh) jmh=1; shift ;;
        --no-jmh) jmh=0; shift ;;
        --dry-run) dry_run=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die_usage "unknown option '$1'" ;;
    esac
done

# Profiles. Each repetition is a fresh peer process per cell, and claims and the gate rest on the
# spread between repetitions: quick has the fewest that give a verdict (3), full more (5).
case "$profile" in
    smoke)
        p_transports="pipe,tcp,udp,unix-stream,unix-dgram"; p_sizes="64"; p_throughput="64"
        p_connections="1,4"; p_duration="300ms"; p_warmup="200ms"; p_throughput_duration="300ms"
        p_repetitions=1; p_jmh=0; p_probes=0
        p_rates=""; p_rate_transports=""; p_rate_connections=""; p_rate_duration=""; p_connect_sizes="" ;;
    quick)
        # Three repetitions of short cells: a verdict rests on repetitions (fresh peer processes),
        # not on the length of one, and three is the fewest that give one.
        p_transports=all; p_sizes="64,16k"
        p_throughput="16k"; p_connections="1,8,64"; p_duration="400ms"; p_warmup="200ms"
        p_throughput_duration="400ms"; p_repetitions=3; p_jmh=0; p_probes=1
        # A short rate sweep, tcp against unix-stream at 64 B over one connection: below, near and
        # beyond each repetition's own closed-loop maximum (about 25 s of the budget).
        p_rates="25%,90%,110%"; p_rate_transports="tcp,unix-stream"; p_rate_connections="1"
        p_rate_duration="400ms"
        # Connection set-up at 64 B (about 25 s), which the tcp-setup claim sets against the round trip.
        p_connect_sizes="64" ;;
    full)
        p_transports=all
        p_sizes="16,64,256,1k,4k,16k,64k,256k,1m"; p_throughput="64,1k,16k,64k"
        # 1 s cells and four JMH sizes keep it near an hour on 2 CPUs: five repetitions of short cells
        # say more about the box than fewer long ones, and JMH repeats what the sizes sweep shows.
        p_connections="1,8,64,256,1024"; p_duration="1s"; p_warmup="500ms"; p_throughput_duration="1s"
        p_repetitions=5; p_jmh=1; p_jmh_sizes="64,4k,64k,1m"; p_probes=1
        # Every transport at 64 B, at 1, 8 and 64 connections where it takes several: the curve from
        # idle to beyond saturation, and each sweep's sustainable rate (about 13 of the run's minutes,
        # mostly peers starting: 340 rate cells; four rates keep the run near an hour).
        p_rates="25%,50%,90%,110%"; p_rate_transports=""; p_rate_connections="1,8,64"
        p_rate_duration="1s"
        # No connect cells: they follow --connections, and 1,024 loops dialling at once run out of
        # local ports; the quick profile has them, and ipcbench run --connect-sizes at chosen counts.
        p_connect_sizes="" ;;
    *) die_usage "unknown profile '$profile' (quick, full or smoke)" ;;
esac
transports="${transports:-$p_transports}"
# JMH takes the sizes given, else the profile's own list for it, else the sweep's.
jmh_sizes="${sizes:-${p_jmh_sizes:-$p_sizes}}"
sizes="${sizes:-$p_sizes}"
throughput_sizes="${throughput_sizes:-$p_throughput}"
connections="${connections:-$p_connections}"
repetitions="${repetitions:-$p_repetitions}"
engine="${engine:-raw}"
jmh="${jmh:-$p_jmh}"
[ "$throughput_sizes" = "none" ] && throughput_sizes=""
if [ -n "$gate" ] && [ ! -e "$gate" ]; then
    echo "run-bench.sh: no baseline at '$gate': give a run folder, its run.json, or a folder of run folders" >&2
    exit 2
fi

# Tools first, with what to install.
if ! command -v java >/dev/null 2>&1; then
    echo "run-bench.sh: java not found: install a JDK 17 or newer (Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless)" >&2
    exit 2
fi
java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ -z "$java_major" ] || [ "${java_major%%.*}" -lt 17 ]; then
    echo "run-bench.sh: java ${java_major:-?} is too old: ipcbench needs 17 or newer (sudo apt-get install openjdk-17-jdk-headless)" >&2
    exit 2
fi
fonts_ok=1
if command -v fc-list >/dev/null 2>&1; then
    [ -n "$(fc-list 2>/dev/null | head -n 1)" ] || fonts_ok=0
else
    fonts_ok=0
fi

run() {
    if [ "$dry_run" = 1 ]; then
        printf '%q ' "$@"; echo
    else
        "$@"
    fi
}

# Build when a jar is missing or older than any source or pom.
needs_build() {
    [ -f "$JAR" ] || return 0
    { [ "$jmh" = 1 ] && [ ! -f "$JMH_JAR" ]; } && return 0
    # Build output (generated sources under target/) does not count as a change.
    [ -n "$(find "$ROOT/pom.xml" "$ROOT/harness" "$ROOT/plots" "$ROOT/benchmarks" -path '*/target' -prune -o \
        \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$JAR" -print -quit)" ]
}
if needs_build; then
    if ! command -v mvn >/dev/null 2>&1; then
        echo "run-bench.sh: mvn not found: install Maven to build ipcbench (sudo apt-get install maven)" >&2
        exit 2
    fi
    echo "building ipcbench (mvn -B -q -DskipTests package) ..."
    (cd "$ROOT" && run mvn -B -q -DskipTests package)
fi

if [ -z "$pin" ]; then
    if [ "$(nproc)" -ge 2 ]; then pin="0,1"; else pin="0,0"; fi
fi
if [ -z "$out" ]; then
    out="$ROOT/results/$(date -u +%Y%m%d-%H%M%S)-$(hostname -s 2>/dev/null || echo host)"
fi
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac

export IPCBENCH_GIT_COMMIT="${IPCBENCH_GIT_COMMIT:-$(git -C "$ROOT" rev-parse --short=12 HEAD 2>/dev/null || true)}"
ipcbench() {
    run java -jar "$JAR" "$@"
}

# "all" leaves the choice to ipcbench, which knows its transports (ipcbench transports).
transport_args=()
[ "$transports" != all ] && transport_args=(--transports "$transports")
args=(run "${transport_args[@]}" --engine "$engine" --duration "$p_duration" --warmup "$p_warmup"
    --interval 100ms --repetitions "$repetitions" --pin "$pin" --out "$out"
    --connections "$connections" --connection-transports tcp,unix-stream)
[ -n "$sizes" ] && args+=(--sizes "$sizes")
[ -n "$throughput_sizes" ] && args+=(--throughput-sizes "$throughput_sizes" --throughput-duration "$p_throughput_duration")
[ "$p_probes" = 1 ] && args+=(--probes)
# Latency under offered load at 64 B (a percentage is of the same repetition's closed-loop maximum).
# The profile's rate transports, less those --transports leaves out; none left, no rate cells.
rate_transports="$p_rate_transports"
if [ -n "$rate_transports" ] && [ "$transports" != all ]; then
    rate_transports="$(echo "$rate_transports" | tr ',' '\n' | grep -Fx -f <(echo "$transports" | tr ',' '\n') \
        | paste -sd, - || true)"
    [ -z "$rate_transports" ] && p_rates=""
fi
if [ -n "$p_rates" ]; then
    args+=(--rates "$p_rates" --rate-sizes 64 --rate-connections "$p_rate_connections"
        --rate-duration "$p_rate_duration")
    [ -n "$rate_transports" ] && args+=(--rate-transports "$rate_transports")
fi
[ -n "$p_connect_sizes" ] && args+=(--connect-sizes "$p_connect_sizes")
# A sweep over many sizes skips, with a note, those a datagram transport cannot carry.
[ "$profile" = full ] && args+=(--skip-oversized)

if [ "$jmh" = 1 ]; then
    # JMH takes sizes in plain bytes.
    jmh_sizes="$(echo "$jmh_sizes" | tr ',' '\n' \
        | awk '{ n=$0; m=1; if (n ~ /[kK]$/) { m=1024; sub(/[kK]$/, "", n) } else if (n ~ /[mM]$/) { m=1048576; sub(/[mM]$/, "", n) } print n*m }' \
        | paste -sd, -)"
    jmh_time=(-wi 2 -w 1s -i 3 -r 1s)
    [ "$profile" = smoke ] && jmh_time=(-wi 1 -w 200ms -i 1 -r 500ms)
    [ "$profile" = full ] && jmh_time=()
    jmh_args=(RoundTripBenchmark -p size="$jmh_sizes" -bm sample "${jmh_time[@]}")
    [ "$transports" != all ] && jmh_args+=(-p transport="$transports")
fi

echo "profile $profile: $([ "$transports" = all ] && echo "every transport" || echo "$transports"); placement $pin"
# The plans, reckoned by the jars themselves; a dry run reckons them too (nothing is measured or
# written), once the jars are built and current. Bad options stop here, before anything is written.
if needs_build; then
    echo "run: the number of cells and the time are known once ipcbench is built"
else
    plan="$(java -jar "$JAR" "${args[@]}" --plan)" || exit $?
    echo "run: $plan"
fi
if [ "$jmh" = 1 ]; then
    if needs_build; then
        echo "JMH: the number of benchmark runs and the time are known once the benchmarks are built"
    else
        plan="$(java -cp "$JMH_JAR" io.ipcbench.benchmarks.JmhPlan "${jmh_args[@]}")" || exit $?
        echo "JMH: $plan"
    fi
fi

status=0
ipcbench "${args[@]}" || status=$?
if [ "$status" -ge 2 ]; then
    exit "$status"
fi
# Every figure of every cell, one row per cell and repetition, for a spreadsheet or a notebook.
ipcbench export "$out" --format csv --out "$out/cells.csv" || echo "note: cells.csv could not be written" >&2

if [ "$jmh" = 1 ]; then
    echo "JMH: RoundTripBenchmark for $transports at $jmh_sizes B ..."
    run java -Dipcbench.pin="$pin" -jar "$JMH_JAR" "${jmh_args[@]}" -rf json -rff "$out/jmh.json" -o "$out/jmh.log" \
        || echo "note: JMH failed; see $out/jmh.log" >&2
fi

echo
echo "claims:"
ipcbench claims "$out" || echo "note: the claims could not be judged" >&2

if [ "$fonts_ok" = 1 ]; then
    ipcbench plot "$out" >/dev/null && echo "report: $out/report.html" \
        || echo "note: the charts could not be drawn; the results are in $out" >&2
else
    echo "note: no fonts, so no charts: install them (sudo apt-get install fontconfig fonts-dejavu-core) and run: java -jar $JAR plot $out" >&2
fi

if [ -n "$gate" ]; then
    echo
    echo "gate against $gate:"
    gate_status=0
    # A run folder (or its run.json) is one baseline run; any other folder is a history of them.
    if [ -f "$gate" ] || [ -f "$gate/run.json" ]; then baseline=(--baseline "$gate"); else baseline=(--history "$gate"); fi
    ipcbench gate "${baseline[@]}" --candidate "$out" --markdown "$out/gate.md" --json "$out/gate.json" \
        || gate_status=$?
    [ "$gate_status" -gt "$status" ] && status=$gate_status
fi

echo
echo "run folder: $out"
exit "$status"
