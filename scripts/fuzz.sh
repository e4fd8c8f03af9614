#!/usr/bin/env bash
# Fuzz ClaimKit's extractor and fixture decoder with libFuzzer for SECONDS (default 60).
#
#   scripts/fuzz.sh [SECONDS]                 build (if needed) and fuzz
#   nice -n 19 scripts/fuzz.sh 1800           a long run on a shared machine
#   FUZZ_OPT=-Onone scripts/fuzz.sh 45        quicker to build (CI), slower to run
#
# Builds .build-fuzz/claimkit-fuzz<opt> from Sources/ClaimKit/**/*.swift plus
# Fuzz/FuzzTarget.swift with `swiftc -sanitize=fuzzer,address`. The working corpus grows
# in .build-fuzz/corpus, seeded from Fuzz/seeds (committed), with the dictionary
# Fuzz/claimkit.dict. A crash, a broken invariant (the target traps) or a timeout
# leaves the input in .build-fuzz/crashes/ and exits 1: make it a regression test in
# Tests/ClaimKitTests/FuzzRegressionTests.swift.
#
# Exit status: 0 no crash; 1 a crash or timeout found; 2 the target does not compile;
# 3 this toolchain cannot build a libFuzzer target (a plain message says so); 64 usage.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
case "$seconds" in (''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 64;; esac
opt="${FUZZ_OPT:--O}"
case "$opt" in (-O|-Onone|-Osize) ;; (*) echo "fuzz: FUZZ_OPT must be -O, -Osize or -Onone" >&2; exit 64;; esac

out=.build-fuzz
binary="$out/claimkit-fuzz${opt}"
mkdir -p "$out/corpus" "$out/crashes"

# Can this toolchain build a libFuzzer target at all? (macOS's Xcode toolchain cannot.)
probe="$out/probe.swift"
printf '@_cdecl("LLVMFuzzerTestOneInput") public func probe(_ d: UnsafePointer<UInt8>?, _ n: Int) -> CInt { 0 }\n' >"$probe"
if ! swiftc -sanitize=fuzzer,address -parse-as-library "$probe" -o "$out/probe" >"$out/probe.log" 2>&1; then
    echo "fuzz: skipped: this toolchain cannot build a libFuzzer target (swiftc -sanitize=fuzzer failed; see $out/probe.log)"
    exit 3
fi

sources=()
while IFS= read -r -d '' f; do sources+=("$f"); done < <(find Sources/ClaimKit -name '*.swift' -print0 | sort -z)
sources+=(Fuzz/FuzzTarget.swift)
stale=0
if [ ! -x "$binary" ]; then stale=1
else
    for f in "${sources[@]}"; do if [ "$f" -nt "$binary" ]; then stale=1; break; fi; done
fi
if [ "$stale" = 1 ]; then
    echo "fuzz: building $binary (swiftc -sanitize=fuzzer,address $opt)"
    if ! swiftc -sanitize=fuzzer,address -parse-as-library "$opt" -g -module-name ClaimKitFuzz \
            "${sources[@]}" -o "$binary" >"$out/build.log" 2>&1; then
        echo "fuzz: the fuzz target does not compile:" >&2
        grep "error:" "$out/build.log" | head -20 >&2
        exit 2
    fi
fi

echo "fuzz: running for ${seconds}s (corpus $out/corpus, seeds Fuzz/seeds)"
log="$out/last-run.log"
status=0
"$binary" "$out/corpus" Fuzz/seeds \
    -max_total_time="$seconds" -timeout=10 -max_len=8192 -rss_limit_mb=2048 \
    -dict=Fuzz/claimkit.dict -artifact_prefix="$out/crashes/" -print_final_stats=1 \
    >"$log" 2>&1 || status=$?

runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || true)
# libFuzzer's own count of the inputs that matter ("corp: N/SIZE"), and the files kept.
corp=$(grep -Eo 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1 | cut -d' ' -f2 || true)
corpus_files=$(find "$out/corpus" -type f | wc -l | tr -d ' ')
echo "fuzz: ${seconds}s, ${runs:-?} executions, corpus ${corp:-?} (inputs/size; $corpus_files files in $out/corpus), status $status"
if [ "$status" != 0 ]; then
    echo "fuzz: FAILED; the end of $log:" >&2
    grep -E "ERROR|Fatal error|invariant|SUMMARY|Test unit written" "$log" | head -20 >&2 || true
    ls -1 "$out/crashes" >&2 || true
    exit 1
fi
