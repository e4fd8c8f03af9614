#!/usr/bin/env bash
# Code style: the toolchain's swift-format, configured by .swift-format, in strict mode
# (any finding fails). Fix findings with: swift format format -i FILE...
set -euo pipefail
cd "$(dirname "$0")/.."
files=()
while IFS= read -r f; do files+=("$f"); done < <(find Sources Tests -name '*.swift' | sort)
swift format lint --strict --parallel "${files[@]}"
echo "lint: ${#files[@]} files clean"
