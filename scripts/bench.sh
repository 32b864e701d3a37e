#!/usr/bin/env bash
# Whole-process benchmark of `ntm` against the goals in docs/performance.md, in one run:
#
#   - a national file (10,600 communes) scored end to end by `ntm score --format csv > FILE`,
#     next to the obvious pandas script (scripts/pandas_count.py), which also writes a CSV file:
#     ntm at least 10x faster. (`-o FILE` would add an fsync, which pandas does not do: the file
#     `-o` writes is synced before it is renamed into place, so that it survives a power cut
#     whole or not at all);
#   - 300,000 rows: `ntm score --format csv` next to the csv floor (reading every field with the
#     csv crate and nothing else, `cargo run --release --example csv_floor -- FILE`): at most
#     5x the floor's time;
#   - peak memory of `ntm score` and `ntm progress` on those 300,000 rows: under 100 MB;
#   - start-up: `ntm score` on the shipped example;
#   - with MEMORY=1, the peak memory of every command in every format that holds more than one
#     row at a time (tables, gaps, progress, diff of two files, report in each format,
#     validate) on MEMORY_ROWS rows (1,000,000 by default, about 580 MB a file): each under
#     1 GB. One run each; this adds a few minutes and 1.2 GB of files.
#
# The data is synthetic, from `python3 examples/generate.py bench N --seed S` (vn-commune-2021-2025,
# every indicator and verdict column filled). The commands take turns, run after run, so that a
# machine that slows down midway weighs on all of them alike; each gives its median and best.
#
#   scripts/bench.sh                      # 5 runs of each command
#   RUNS=9 scripts/bench.sh               # more runs
#   NATIONAL=10600 ROWS=300000 SEED=2026 scripts/bench.sh   # the defaults
#   MEMORY=1 scripts/bench.sh             # also peak memory on a million rows
#   PANEL=1 scripts/bench.sh              # also a panel of 4,167 communes x 48 months (2x10^5 rows)
#   MEMORY=1 MEMORY_ROWS=300000 scripts/bench.sh            # … on fewer
#
# Needs python3 with pandas (installed with pip when missing) and GNU time for peak memory
# (/usr/bin/time, Debian package `time`, installed with apt-get when missing and run as root).
# The files go to a temporary folder that is removed afterwards (about 180 MB).
set -euo pipefail
cd "$(dirname "$0")/.."

if ((BASH_VERSINFO[0] < 5)); then
    echo "error: bash 5 or newer is needed (for its clock, EPOCHREALTIME)" >&2
    exit 2
fi

NATIONAL=${NATIONAL:-10600}
MEMORY=${MEMORY:-0}
PANEL=${PANEL:-0}
PANEL_COMMUNES=${PANEL_COMMUNES:-4167}
MEMORY_ROWS=${MEMORY_ROWS:-1000000}
ROWS=${ROWS:-300000}
RUNS=${RUNS:-5}
SEED=${SEED:-2026}
SET=vn-commune-2021-2025

if [[ ! -x /usr/bin/time ]]; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
    else
        echo "error: /usr/bin/time (GNU time) is needed for peak memory; install the 'time' package" >&2
        exit 2
    fi
fi
if ! python3 -c 'import pandas' 2>/dev/null; then
    python3 -m pip install --quiet pandas
fi

cargo build --release --quiet --bin ntm --example csv_floor
ntm=target/release/ntm
floor=target/release/examples/csv_floor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

national="$work/national.csv"
rows="$work/rows.csv"
python3 examples/generate.py bench "$NATIONAL" --seed "$SEED" >"$national"
python3 examples/generate.py bench "$ROWS" --seed "$SEED" >"$rows"
# the disk writeback of freshly written files slows runs for seconds on some (virtual)
# machines: let it finish before anything is timed
sync

# One run of a command: appends "seconds kb" (wall time, peak RSS) to $work/runs-NAME. Its
# standard output goes to OUT (a file, or /dev/null). The clock is bash's own (EPOCHREALTIME),
# read without starting a process, and the command is started by GNU time directly, with no
# shell in between, so that nothing but the command and GNU time is in the time.
once() {
    local name=$1 out=$2 start end
    shift 2
    start=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$work/kb" "$@" >"$out" 2>"$work/stderr" || {
        echo "error: '$*' failed:" >&2
        tail -5 "$work/stderr" >&2
        exit 1
    }
    end=$EPOCHREALTIME
    # (a locale may write the clock's decimal point as a comma)
    echo "${start/,/.} ${end/,/.} $(tail -1 "$work/kb")" |
        awk '{ printf "%.6f %d\n", $2 - $1, $3 }' >>"$work/runs-$name"
}

# "median best kb" of a command's runs (kb: the largest peak RSS of any run)
summary() {
    sort -n "$work/runs-$1" | awk '
        { s[NR] = $1; if ($2 > kb) kb = $2 }
        END {
            m = (NR % 2 ? s[(NR + 1) / 2] : (s[NR / 2] + s[NR / 2 + 1]) / 2)
            printf "%.6f %.6f %d\n", m, s[1], kb
        }'
}

for _ in $(seq "$RUNS"); do
    once ntm-national "$work/ntm-out.csv" $ntm score "$national" --criteria $SET --format csv
    once pandas /dev/null python3 scripts/pandas_count.py "$national" "$work/pandas-out.csv"
    once floor /dev/null $floor "$rows"
    once score /dev/null $ntm score "$rows" --criteria $SET --format csv
    once progress /dev/null $ntm progress "$rows" --criteria $SET --format json
done

example=examples/tinh-mau-2022.csv
startups=50
start=$(date +%s%N)
for _ in $(seq $startups); do
    $ntm score "$example" --criteria $SET >/dev/null 2>&1
done
end=$(date +%s%N)

read -r nat_s nat_best nat_kb <<<"$(summary ntm-national)"
read -r pd_s pd_best pd_kb <<<"$(summary pandas)"
read -r fl_s fl_best fl_kb <<<"$(summary floor)"
read -r sc_s sc_best sc_kb <<<"$(summary score)"
read -r pr_s pr_best pr_kb <<<"$(summary progress)"
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.0f", b / 1e6 }'; }

echo "ntm $($ntm --version | head -1 | cut -d' ' -f2) ($(git rev-parse --short HEAD 2>/dev/null || echo '?')), $SET," \
    "$RUNS run(s) of each command taking turns, $(nproc) CPU(s)"
echo
printf '%-34s %-36s %9s %9s %9s\n' data command "median s" "best s" "peak RSS"
row() {
    awk -v d="$1" -v c="$2" -v m="$3" -v b="$4" -v kb="$5" \
        'BEGIN { printf "%-34s %-36s %9.3f %9.3f %6.1f MB\n", d, c, m, b, kb / 1024 }'
}
national_label="$NATIONAL communes ($(mb "$national") MB)"
rows_label="$ROWS rows ($(mb "$rows") MB)"
row "$national_label" "ntm score --format csv > FILE" "$nat_s" "$nat_best" "$nat_kb"
row "$national_label" "python3 scripts/pandas_count.py" "$pd_s" "$pd_best" "$pd_kb"
row "$rows_label" "csv floor (example csv_floor)" "$fl_s" "$fl_best" "$fl_kb"
row "$rows_label" "ntm score --format csv" "$sc_s" "$sc_best" "$sc_kb"
row "$rows_label" "ntm progress --format json" "$pr_s" "$pr_best" "$pr_kb"
echo

printf '%-46s %12s %10s\n' goal measured target
goal() {
    awk -v g="$1" -v v="$2" -v unit="$3" -v op="$4" -v t="$5" 'BEGIN {
        ok = (op == ">=" ? v >= t : (op == "<=" ? v <= t : v < t))
        printf "%-46s %9.1f %-2s %4s %3g %-2s  %s\n", g, v, unit, op, t, unit, (ok ? "met" : "NOT MET")
    }'
}
goal "pandas script time / ntm score time ($NATIONAL)" "$(awk -v a="$pd_s" -v b="$nat_s" 'BEGIN { print a / b }')" x ">=" 10
goal "ntm score time / csv floor time ($ROWS)" "$(awk -v a="$sc_s" -v b="$fl_s" 'BEGIN { print a / b }')" x "<=" 5
goal "peak RSS of ntm score ($ROWS rows)" "$(awk -v kb="$sc_kb" 'BEGIN { print kb / 1024 }')" MB "<" 100
goal "peak RSS of ntm progress ($ROWS rows)" "$(awk -v kb="$pr_kb" 'BEGIN { print kb / 1024 }')" MB "<" 100
echo "(times compared by their medians)"
echo
awk -v ns="$((end - start))" -v runs=$startups -v f="$example" \
    'BEGIN { printf "start-up: ntm score %s: %.1f ms per run (mean of %d)\n", f, ns / runs / 1e6, runs }'

if [[ $PANEL == 1 ]]; then
    # A panel: PANEL_COMMUNES communes over the 48 months of 2022-2025, one file keyed by
    # commune and period (the generator's rows, each given the month's year and a period).
    panel="$work/panel.csv"
    python3 examples/generate.py bench "$PANEL_COMMUNES" --seed "$SEED" | python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
header, body = rows[0], rows[1:]
year = header.index("year")
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(header + ["period"])
for month in range(48):
    y, m = 2022 + month // 12, month % 12 + 1
    for row in body:
        row = list(row)
        row[year] = str(y)
        out.writerow(row + [f"{y}-{m:02d}"])
' >"$panel"
    sync
    echo
    echo "a panel of $PANEL_COMMUNES communes x 48 months: $(($(wc -l <"$panel") - 1)) rows ($(mb "$panel") MB), one run each:"
    echo
    printf '%-58s %9s %12s\n' command "s" "peak RSS"
    panel_run() {
        local label=$1
        shift
        rm -f "$work/runs-panel"
        once panel "$@"
        read -r s kb <"$work/runs-panel"
        awk -v c="$label" -v s="$s" -v kb="$kb" 'BEGIN { printf "%-58s %9.2f %9.1f MB\n", c, s, kb / 1024 }'
    }
    panel_run "ntm score --format csv" $ntm score "$panel" --criteria $SET -q --format csv
    panel_run "ntm progress --format json (the latest month)" $ntm progress "$panel" --criteria $SET -q --format json
    panel_run "ntm trend --format json (every month)" $ntm trend "$panel" --criteria $SET -q --format json
fi

[[ $MEMORY == 1 ]] || exit 0

# Peak memory of what holds more than one row at a time, on two surveys of MEMORY_ROWS rows
# (the second for diff and report --previous): one run each, the output thrown away or
# written into the temporary folder.
old="$work/old.csv"
new="$work/new.csv"
python3 examples/generate.py bench "$MEMORY_ROWS" --seed "$SEED" >"$new"
python3 examples/generate.py bench "$MEMORY_ROWS" --seed "$((SEED + 1))" >"$old"
sync
echo
echo "peak memory on $MEMORY_ROWS rows ($(mb "$new") MB a file), one run each:"
echo
printf '%-58s %9s %12s  %s\n' command "s" "peak RSS" "goal: under 1024 MB"
memory() {
    local label=$1
    shift
    rm -f "$work/runs-memory"
    once memory "$@"
    read -r s kb <"$work/runs-memory"
    awk -v c="$label" -v s="$s" -v kb="$kb" 'BEGIN {
        printf "%-58s %9.1f %9.1f MB  %s\n", c, s, kb / 1024, (kb < 1024 * 1024 ? "met" : "NOT MET")
    }'
}
for format in table csv; do
    memory "ntm score --format $format" $ntm score "$new" --criteria $SET -q --format $format
    memory "ntm gaps --format $format" $ntm gaps "$new" --criteria $SET -q --format $format
done
memory "ntm score -o FILE.xlsx" $ntm score "$new" --criteria $SET -q -o "$work/out.xlsx"
for format in table markdown json; do
    memory "ntm progress --format $format" $ntm progress "$new" --criteria $SET -q --format $format
done
for format in csv table json; do
    memory "ntm diff OLD NEW --format $format" $ntm diff "$old" "$new" --criteria $SET -q --format $format
done
for ext in html md xlsx; do
    memory "ntm report -o FILE.$ext" $ntm report "$new" --criteria $SET -q -o "$work/report.$ext"
done
memory "ntm report --previous OLD -o FILE.html" \
    $ntm report "$new" --previous "$old" --criteria $SET -q -o "$work/report.html"
memory "ntm validate" $ntm validate "$new" --criteria $SET
