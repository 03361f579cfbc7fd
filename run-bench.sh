#!/usr/bin/env bash
# ipcbench on this box: build what is missing, run a profile, print what it found.
# This script only orchestrates; every decision about measuring lives in the Java code.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$ROOT/harness/target/ipcbench.jar"

usage() {
    cat <<'USAGE'
Usage: ./run-bench.sh [options]

Builds ipcbench if needed, runs a profile of ping-pong measurements over every transport,
and prints the summary. Results land in results/<timestamp>-<host>/ (run.json + interval logs).

Options:
  --profile NAME        quick (default, a few minutes), full (long, thorough), smoke (seconds, for CI)
  --transports LIST     comma-separated: pipe,fifo,tcp,udp,unix-stream,unix-dgram,unix-seqpacket
  --sizes LIST          message sizes, e.g. 64,1k,16k
  --pin CLIENT,PEER     CPUs for the two measuring threads (default: 0,1 on a multi-CPU box, else 0,0)
  --repetitions N       repeat the whole sweep N times
  --iterations N        measured round trips per cell
  --out DIR             run folder (default: results/<timestamp>-<host>)
  -h, --help            this text

Exit codes: 0 every cell ran, 1 a cell failed, 2 bad options or missing tools, 3 other error.
USAGE
}

die_usage() {
    echo "run-bench.sh: $*" >&2
    echo "see ./run-bench.sh --help" >&2
    exit 2
}

profile=quick
transports=""
sizes=""
pin=""
repetitions=""
iterations=""
out=""

while [ $# -gt 0 ]; do
    case "$1" in
        --profile) [ $# -ge 2 ] || die_usage "--profile needs a value"; profile="$2"; shift 2 ;;
        --profile=*) profile="${1#*=}"; shift ;;
        --transports) [ $# -ge 2 ] || die_usage "--transports needs a value"; transports="$2"; shift 2 ;;
        --transports=*) transports="${1#*=}"; shift ;;
        --sizes) [ $# -ge 2 ] || die_usage "--sizes needs a value"; sizes="$2"; shift 2 ;;
        --sizes=*) sizes="${1#*=}"; shift ;;
        --pin) [ $# -ge 2 ] || die_usage "--pin needs a value"; pin="$2"; shift 2 ;;
        --pin=*) pin="${1#*=}"; shift ;;
        --repetitions) [ $# -ge 2 ] || die_usage "--repetitions needs a value"; repetitions="$2"; shift 2 ;;
        --repetitions=*) repetitions="${1#*=}"; shift ;;
        --iterations) [ $# -ge 2 ] || die_usage "--iterations needs a value"; iterations="$2"; shift 2 ;;
        --iterations=*) iterations="${1#*=}"; shift ;;
        --out) [ $# -ge 2 ] || die_usage "--out needs a value"; out="$2"; shift 2 ;;
        --out=*) out="${1#*=}"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die_usage "unknown option '$1'" ;;
    esac
done

# Profile defaults; any option given above wins.
case "$profile" in
    smoke)
        p_transports="pipe,tcp,udp,unix-stream,unix-dgram"; p_sizes="64,1k"
        p_iterations=2000; p_warmup=500; p_repetitions=1 ;;
    quick)
        p_transports="pipe,fifo,tcp,udp,unix-stream,unix-dgram,unix-seqpacket"; p_sizes="64,1k,16k"
        p_iterations=50000; p_warmup=10000; p_repetitions=1 ;;
    full)
        p_transports="pipe,fifo,tcp,udp,unix-stream,unix-dgram,unix-seqpacket"
        p_sizes="16,64,256,1k,4k,16k,64k,256k,1m"
        p_iterations=200000; p_warmup=50000; p_repetitions=3 ;;
    *) die_usage "unknown profile '$profile' (quick, full or smoke)" ;;
esac

# Check the tools before anything else.
if ! command -v java >/dev/null 2>&1; then
    echo "run-bench.sh: java not found: install a JDK 17 or newer (Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless)" >&2
    exit 2
fi
java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ -z "$java_major" ] || [ "${java_major%%.*}" -lt 17 ]; then
    echo "run-bench.sh: java ${java_major:-?} is too old: ipcbench needs 17 or newer (sudo apt-get install openjdk-17-jdk-headless)" >&2
    exit 2
fi

# Build when the jar is missing or older than any source or pom.
needs_build() {
    [ -f "$JAR" ] || return 0
    [ -n "$(find "$ROOT/pom.xml" "$ROOT/harness" "$ROOT/plots" "$ROOT/benchmarks" \
        \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$JAR" -print -quit)" ]
}
if needs_build; then
    if ! command -v mvn >/dev/null 2>&1; then
        echo "run-bench.sh: mvn not found: install Maven to build ipcbench (sudo apt-get install maven)" >&2
        exit 2
    fi
    echo "building ipcbench (mvn -B -q -DskipTests package) ..."
    (cd "$ROOT" && mvn -B -q -DskipTests package)
fi

if [ -z "$pin" ]; then
    if [ "$(nproc)" -ge 2 ]; then pin="0,1"; else pin="0,0"; fi
fi

args=(run
    --transports "${transports:-$p_transports}"
    --sizes "${sizes:-$p_sizes}"
    --iterations "${iterations:-$p_iterations}"
    --warmup "$p_warmup"
    --repetitions "${repetitions:-$p_repetitions}"
    --pin "$pin")
[ -n "$out" ] && args+=(--out "$out")

echo "profile $profile"
cd "$ROOT"
IPCBENCH_GIT_COMMIT="$(git -C "$ROOT" rev-parse --short=12 HEAD 2>/dev/null || true)" \
    java -jar "$JAR" "${args[@]}"
