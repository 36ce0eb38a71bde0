#!/usr/bin/env bash
# Renders every SVG the command line draws with headless Chromium, to check they display in a
# browser (the tests already parse each one as XML). Needs /usr/bin/chromium (Debian: apt-get install -y chromium).
# Usage: .ci/render-svg.sh [OUT_DIR]   (default: out/render). Exit 0 when every SVG rendered to a non-blank PNG.
set -uo pipefail
cd "$(dirname "$0")/.."
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "skipped: $chromium is absent (apt-get install -y chromium)"
  exit 0
fi
out=${1:-out/render}
rm -rf "$out" && mkdir -p "$out"
dotnet build src/Games -v quiet -nologo >/dev/null || { echo "build failed"; exit 1; }
games="dotnet src/Games/bin/Debug/net10.0/BilateralTrade.Dsl.Games.dll"
$games plot spy --rounds 6 --out "$out/spy" >/dev/null || exit 1
$games plot trade-3.2 --rounds 2 --out "$out/trade-3.2" >/dev/null || exit 1
$games plot trade-3.1 --rounds 1 --out "$out/trade-3.1" >/dev/null || exit 1
failed=0; count=0
for svg in "$out"/*/*.svg; do
  png="${svg%.svg}.png"
  profile=$(mktemp -d)
  size=$(sed -n 's/^<svg [^>]*width="\([0-9.]*\)" height="\([0-9.]*\)".*/\1,\2/p' "$svg" | head -n 1)
  timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size="${size:-800,600}" \
    --screenshot="$(realpath "$png")" "file://$(realpath "$svg")" >/dev/null 2>&1
  rm -rf "$profile"
  count=$((count + 1))
  # A rendered diagram is far larger than a blank page's PNG (a few hundred bytes).
  if [ ! -s "$png" ] || [ "$(stat -c %s "$png")" -lt 4000 ]; then
    echo "FAILED to render: $svg"; failed=$((failed + 1))
  fi
done
echo "rendered $((count - failed)) of $count SVGs into $out"
[ "$failed" -eq 0 ]
