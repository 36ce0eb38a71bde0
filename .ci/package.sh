#!/usr/bin/env bash
# Packs the library and the tool into a local folder feed, builds and runs the sample consumer
# against the package, installs the tool from the feed and runs it on a game file.
# Prints one "packaging: ..." line per step; exits non-zero on the first failure.
# Restores into artifacts/packages (not the global cache), so a package of the same version
# left there by an earlier run can never stand in for the one just packed.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
feed=artifacts/feed
packages="$PWD/artifacts/packages"
rm -rf artifacts samples/Consumer/bin samples/Consumer/obj
log=$(mktemp)
trap 'rm -f "$log"' EXIT

fail() { echo "packaging: FAILED: $1"; sed 's/^/  | /' "$log" | tail -40; exit 1; }

version=$(dotnet msbuild src/Runtime/Runtime.csproj -getProperty:Version 2>/dev/null)
[ -n "$version" ] || { echo "packaging: FAILED: could not read the package version"; exit 1; }
dotnet pack BilateralTrade.Dsl.sln -c Release -o "$feed" >"$log" 2>&1 || fail "dotnet pack"
for p in "BilateralTrade.Dsl.$version.nupkg" "BilateralTrade.Dsl.Tool.$version.nupkg"; do
  [ -f "$feed/$p" ] || fail "dotnet pack made no $p"
done
echo "packaging: packed $(cd "$feed" && ls *.nupkg | tr '\n' ' ')into $feed"

NUGET_PACKAGES="$packages" dotnet build samples/Consumer -c Release -p:BilateralTradeDslVersion="$version" >"$log" 2>&1 || fail "building samples/Consumer against the package"
pkg="$packages/bilateraltrade.dsl/$version"
[ -f "$pkg/analyzers/dotnet/cs/BilateralTrade.Dsl.Generator.dll" ] || fail "the package has no analyzers/dotnet/cs/BilateralTrade.Dsl.Generator.dll"
[ -f "$pkg/lib/net10.0/BilateralTrade.Dsl.dll" ] || fail "the package has no lib/net10.0/BilateralTrade.Dsl.dll"
grep -q "<dependency " "$pkg/bilateraltrade.dsl.nuspec" && fail "the package has dependencies (the generator must not be one)"
dotnet samples/Consumer/bin/Release/net10.0/Consumer.dll >"$log" 2>&1 || fail "running samples/Consumer"
grep -qx "haggle t=2: Sally 9/4, Bob 3/4, welfare 3" "$log" || fail "samples/Consumer printed the wrong answer"
grep -q "^signal: verified: .* no violations$" "$log" || fail "samples/Consumer's verification"
grep -qx "games in this assembly: haggle, signal" "$log" || fail "samples/Consumer's registry"
echo "packaging: samples/Consumer built against the package (generator included) and printed the expected answers"

NUGET_PACKAGES="$packages" dotnet tool install BilateralTrade.Dsl.Tool --version "$version" --tool-path artifacts/tools --add-source "$feed" >"$log" 2>&1 || fail "dotnet tool install"
artifacts/tools/bilateral-trade solve games/spy.json --rounds 3 >"$log" 2>&1 || fail "bilateral-trade solve games/spy.json --rounds 3"
grep -Eq '^3 +Bob +13/18 \(0\.722\) +-29/270 \(-0\.107\) +83/135 \(0\.615\)$' "$log" || fail "bilateral-trade printed the wrong round 3"
grep -q '^spy: Spy game (Section 4)$' "$log" || fail "bilateral-trade printed no title"
echo "packaging: bilateral-trade installed from the feed; solve games/spy.json --rounds 3 printed the paper's round 3"
