#!/usr/bin/env bash
# The release archive this machine can build: Linux x86-64, static (musl), as the release
# workflow (.github/workflows/release.yml) builds it, into dist/. Also checks that the code
# builds for Windows (cargo check --target x86_64-pc-windows-gnu), which needs no linker.
#
#   scripts/release.sh            # dist/ntm-VERSION-x86_64-unknown-linux-musl.tar.gz and .sha256
set -euo pipefail
cd "$(dirname "$0")/.."

target=x86_64-unknown-linux-musl
rustup target add "$target" x86_64-pc-windows-gnu >/dev/null
cargo build --release --locked --target "$target"
cargo check --locked --target x86_64-pc-windows-gnu

version=$(cargo metadata --no-deps --format-version 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["packages"][0]["version"])')
name="ntm-$version-$target"
rm -rf "dist/$name" && mkdir -p "dist/$name"
cp "target/$target/release/ntm" README.md LICENSE-MIT LICENSE-APACHE examples/tinh-mau-2022.csv examples/muc-tieu-2025.yaml "dist/$name/"
tar -C dist -czf "dist/$name.tar.gz" "$name"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
rm -r "dist/$name"
echo "dist/$name.tar.gz"
