#!/usr/bin/env bash
# Whole-process benchmark of `ntm`: generates synthetic survey files, then times `ntm score`,
# `ntm progress` and the csv floor (reading every field with the csv crate and nothing else)
# on each, with peak memory from /usr/bin/time; `score` both with its default worker threads
# and with `-j 1`, to show what the second core gives. Also times start-up on the shipped example.
#
#   scripts/bench.sh                       # 10^5 and 10^6 rows of vn-commune-2021-2025
#   ROWS="10000 100000" scripts/bench.sh   # other sizes
#   SET=vn-commune-2026-2030 scripts/bench.sh
#   RUNS=5 scripts/bench.sh                # best of 5 runs per measurement (default 3)
#   PIPE_ROWS= scripts/bench.sh            # skip the memory check on 10^7 piped rows
#
# Needs GNU time (/usr/bin/time, Debian package `time`). Files go to a temporary folder that is
# removed afterwards; 10^6 rows of vn-commune-2021-2025 take about 580 MB.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-"100000 1000000"}
SET=${SET:-vn-commune-2021-2025}
RUNS=${RUNS:-3}
SEED=${SEED:-2026}
PIPE_ROWS=${PIPE_ROWS-10000000}

if [[ ! -x /usr/bin/time ]]; then
    echo "error: /usr/bin/time (GNU time) is needed for peak memory; install the 'time' package" >&2
    exit 2
fi

cargo build --release --quiet
ntm=target/release/ntm
sync
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# one run of a command: its wall seconds and peak RSS (KB), as "seconds kb"
once() {
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
        echo "error: '$*' failed:" >&2
        cat "$work/stderr" >&2
        exit 1
    }
    cat "$work/time"
}

# the faster of two "seconds kb" pairs
faster() {
    if [[ -z $1 ]]; then
        echo "$2"
    else
        awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); print (y[1] < x[1] ? b : a) }'
    fi
}

echo "ntm $($ntm --version | head -1 | cut -d' ' -f2), set $SET, best of $RUNS run(s), $(nproc) CPU(s)"
echo
printf '%-10s %-9s %9s %12s %10s %11s %10s\n' rows command seconds "rows/s" "MB/s" "peak RSS" "vs floor"
for n in $ROWS; do
    file="$work/communes-$n.csv"
    $ntm generate "$n" --seed "$SEED" -c "$SET" >"$file"
    # the disk writeback of a freshly written file slows threaded runs for many seconds on some
    # (virtual) machines: let it finish before anything is timed
    sync
    mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
    # the commands take turns, run after run, so that a machine that slows down or speeds up
    # midway weighs on all of them alike; each keeps its best run
    floor="" score="" single="" progress=""
    for _ in $(seq "$RUNS"); do
        # (one assignment per run, so that a failed run stops the script)
        t=$(once $ntm floor "$file")
        floor=$(faster "$floor" "$t")
        t=$(once $ntm score "$file" -c "$SET" --format csv)
        score=$(faster "$score" "$t")
        t=$(once $ntm score "$file" -c "$SET" --format csv -j 1)
        single=$(faster "$single" "$t")
        t=$(once $ntm progress "$file" -c "$SET" --format json)
        progress=$(faster "$progress" "$t")
    done
    read -r floor_s floor_kb <<<"$floor"
    read -r score_s score_kb <<<"$score"
    read -r single_s single_kb <<<"$single"
    read -r progress_s progress_kb <<<"$progress"
    for row in "floor $floor_s $floor_kb" "score $score_s $score_kb" "score-j1 $single_s $single_kb" \
        "progress $progress_s $progress_kb"; do
        read -r name s kb <<<"$row"
        awk -v n="$n" -v name="$name" -v s="$s" -v kb="$kb" -v mb="$mb" -v floor="$floor_s" 'BEGIN {
            t = (s > 0 ? s : 0.001); f = (floor > 0 ? floor : 0.001)
            printf "%-10d %-9s %9.2f %12.0f %10.1f %8.1f MB %9.0f%%\n", n, name, s, n / t, mb / t, kb / 1024, 100 * f / t
        }'
    done
    echo "           ($mb MB; 'vs floor' is the floor's time over the command's: 100% is parsing speed;"
    echo "            score and progress use their default worker threads, score-j1 a single thread)"
done

# memory whatever the row count: rows streamed from the generator, never stored
if [[ -n $PIPE_ROWS ]]; then
    echo
    for command in "score --format csv" "progress --format json"; do
        # shellcheck disable=SC2086 # $command is two words on purpose
        $ntm generate "$PIPE_ROWS" --seed "$SEED" -c "$SET" |
            /usr/bin/time -f "%e %M" -o "$work/time" $ntm $command - -c "$SET" >/dev/null 2>"$work/stderr" || {
            echo "error: 'ntm $command' on piped rows failed:" >&2
            cat "$work/stderr" >&2
            exit 1
        }
        read -r seconds kb <"$work/time"
        awk -v n="$PIPE_ROWS" -v c="${command%% *}" -v s="$seconds" -v kb="$kb" \
            'BEGIN { printf "peak RSS: %d rows piped from ntm generate into ntm %s -: %.1f MB (%.0f s)\n", n, c, kb / 1024, s }'
    done
fi

echo
example=examples/tinh-mau-2022.csv
runs=50
start=$(date +%s%N)
for _ in $(seq $runs); do
    $ntm score "$example" --criteria vn-commune-2021-2025 >/dev/null 2>&1
done
end=$(date +%s%N)
awk -v ns="$((end - start))" -v runs=$runs -v f="$example" \
    'BEGIN { printf "start-up: ntm score %s: %.1f ms per run (mean of %d)\n", f, ns / runs / 1e6, runs }'
