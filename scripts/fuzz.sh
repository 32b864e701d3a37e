#!/usr/bin/env bash
# Fuzzes each target for a bounded time (FUZZ_SECONDS, default 60) with cargo fuzz on the stable
# toolchain (-s none: no sanitizer, which needs nightly; the code has no unsafe).
# Crashes land in fuzz/artifacts/TARGET/; turn each into a regression test before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
seconds="${FUZZ_SECONDS:-60}"
for target in ${*:-survey workbook value criteria}; do
    echo "== $target ($seconds s)"
    cargo fuzz run -s none "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10
done
