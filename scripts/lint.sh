#!/usr/bin/env bash
# Code style: the toolchain's swift-format, configured by .swift-format, in strict mode
# (any finding fails). Fix findings with: swift format format -i FILE...
#
# For now the rule files (Sieves/, Attribution/, Resolution/, Lexicon/, Pipeline.swift)
# are left out while they are being rewritten; they are to be formatted and this
# exclusion removed in one step (set LINT_ALL=1 to lint them too).
set -euo pipefail
cd "$(dirname "$0")/.."
excluded='^Sources/ClaimKit/(Sieves|Attribution|Resolution|Lexicon)/|^Sources/ClaimKit/Pipeline\.swift$'
if [ "${LINT_ALL:-0}" = 1 ]; then excluded='^$'; fi
files=()
while IFS= read -r f; do files+=("$f"); done < <(find Sources Tests -name '*.swift' | sort | grep -Ev "$excluded")
swift format lint --strict --parallel "${files[@]}"
echo "lint: ${#files[@]} files clean"
