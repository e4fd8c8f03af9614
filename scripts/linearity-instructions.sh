#!/usr/bin/env bash
# Instructions the extractor executes on each pathological input at two sizes, counted by
# valgrind's callgrind: the deterministic half of claimcheck-bench's linearity check.
# Time ratios on a shared machine move with its load and with the caches (a 10 MB
# article's working set is ~370 MB, a 1 MB one's fits in the L3); instruction counts do
# not, so a quadratic rescan shows here as a ratio far above the size ratio.
#
#   scripts/linearity-instructions.sh [SMALL_MB LARGE_MB]     (default 1 10; a few minutes)
#
# Needs valgrind. Counts only ClaimExtractor.extract(utf8:) (not start-up or reading).
# Exit status: 0 every ratio within 20% of the size ratio; 1 one is not; 2 trouble.
set -euo pipefail
cd "$(dirname "$0")/.."
small="${1:-1}"
large="${2:-10}"
command -v valgrind >/dev/null || { echo "linearity-instructions: needs valgrind" >&2; exit 2; }
swift build -c release --product claimcheck-bench >/dev/null
bench=.build/release/claimcheck-bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

count() {  # instructions in extract(utf8:) for one file
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
        --toggle-collect='$s8ClaimKit0A9ExtractorV7extract4utf8*' \
        "$bench" --extract "$1" >/dev/null 2>&1
    awk '/^(summary|totals):/ { print $2; exit }' "$work/cg.out"
}

status=0
printf '%-18s %14s %14s %8s %8s  %s\n' input "${small} MB" "${large} MB" "bytes x" "instr x" verdict
for kind in no-punctuation unmatched-quotes said no-breaks; do
    "$bench" --write-input "$kind" "$small" "$work/a.txt"
    "$bench" --write-input "$kind" "$large" "$work/b.txt"
    a=$(count "$work/a.txt")
    b=$(count "$work/b.txt")
    sa=$(wc -c <"$work/a.txt")
    sb=$(wc -c <"$work/b.txt")
    read -r bytes instr verdict < <(awk -v a="$a" -v b="$b" -v sa="$sa" -v sb="$sb" 'BEGIN {
        x = sb / sa; r = b / a
        printf "%.2f %.2f %s\n", x, r, (r >= 0.8 * x && r <= 1.2 * x) ? "linear" : "NOT-LINEAR" }')
    [ "$verdict" = linear ] || status=1
    printf '%-18s %14s %14s %8s %8s  %s\n' "$kind" "$a" "$b" "$bytes" "$instr" "$verdict"
done
exit $status
