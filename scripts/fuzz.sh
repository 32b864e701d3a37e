#!/usr/bin/env bash
# Fuzzes each target for a bounded time (FUZZ_SECONDS, default 60) with cargo fuzz on the stable
# toolchain (-s none: no sanitizer, which needs nightly; the code has no unsafe).
# Crashes land in fuzz/artifacts/TARGET/; turn each into a regression test before fixing it.
#
#   scripts/fuzz.sh [TARGET...]        fuzz the targets (all four when none is named)
#   scripts/fuzz.sh cmin [TARGET...]   minimise their corpora: keep only the inputs that add
#                                      coverage, as `cargo fuzz cmin` judges it with the same
#                                      build as the fuzzing; then commit the deletions
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
mode=run
if [[ "${1:-}" == cmin ]]; then
    mode=cmin
    shift
fi
seconds="${FUZZ_SECONDS:-60}"
limits=(-max_len=65536 -rss_limit_mb=2048 -timeout=10)
for target in ${*:-survey workbook value criteria}; do
    if [[ "$mode" == cmin ]]; then
        echo "== $target: minimising fuzz/corpus/$target"
        # Like run, cmin needs -s none on stable: its default address sanitizer takes -Z flags.
        cargo fuzz cmin -s none "$target" "fuzz/corpus/$target" -- "${limits[@]}"
    else
        echo "== $target ($seconds s)"
        cargo fuzz run -s none "$target" "fuzz/corpus/$target" -- \
            -max_total_time="$seconds" "${limits[@]}"
    fi
done
