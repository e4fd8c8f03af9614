#!/usr/bin/env bash
# Builds ClaimKit's reference documentation (Sources/ClaimKit/ClaimKit.docc plus the
# symbols' /// comments) with the toolchain's own docc, no package plugin, into
# .build/docs/ClaimKit.doccarchive. Fails on any docc warning or error (an unresolved
# ``symbol`` link, a bad topic group) and on a public symbol without a /// comment.
#
# The rule files (Sieves/, Attribution/, Resolution/, Lexicon/, Pipeline.swift) are left
# out of the missing-comment check for now, while they are being rewritten; set
# DOCS_ALL=1 to check them too.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build/docs
graphs="$scratch/symbol-graphs"
archive="$scratch/ClaimKit.doccarchive"

docc="${DOCC:-}"
if [ -z "$docc" ]; then
    swift_bin="$(dirname "$(readlink -f "$(command -v swift)")")"
    if [ -x "$swift_bin/docc" ]; then docc="$swift_bin/docc"; else docc="$(command -v docc || true)"; fi
fi
[ -n "$docc" ] && [ -x "$docc" ] || { echo "docs: no docc beside swift or on PATH" >&2; exit 2; }

rm -rf "$archive"
mkdir -p "$graphs"
# A scratch folder of its own: the symbol-graph flags would otherwise force the main
# build to recompile ClaimKit each time. The graphs are kept between runs: a build with
# nothing to recompile does not write them again.
symbol_graph() {
    swift build --scratch-path "$scratch/build" --target ClaimKit \
        -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$graphs" >"$scratch/build.log" 2>&1 \
        || { cat "$scratch/build.log" >&2; echo "docs: building the symbol graph failed" >&2; exit 1; }
}
symbol_graph
if [ ! -s "$graphs/ClaimKit.symbols.json" ]; then
    # Up to date but the graph is gone: build again from scratch to write it.
    rm -rf "$scratch/build"
    symbol_graph
fi
[ -s "$graphs/ClaimKit.symbols.json" ] || { echo "docs: swift build wrote no symbol graph" >&2; exit 1; }

"$docc" convert Sources/ClaimKit/ClaimKit.docc \
    --additional-symbol-graph-dir "$graphs" \
    --fallback-display-name ClaimKit \
    --fallback-bundle-identifier org.claimkit.ClaimKit \
    --output-path "$archive" >"$scratch/docc.log" 2>&1 || true
if grep -Eq "(warning|error):" "$scratch/docc.log" || [ ! -d "$archive" ]; then
    cat "$scratch/docc.log" >&2
    echo "docs: FAILED: docc reported warnings or errors (above)" >&2
    exit 1
fi

python3 - "$graphs/ClaimKit.symbols.json" "${DOCS_ALL:-0}" <<'EOF'
import json, re, sys
graph = json.load(open(sys.argv[1]))
skip = None if sys.argv[2] == "1" else re.compile(r"Sources/ClaimKit/((Sieves|Attribution|Resolution|Lexicon)/|Pipeline\.swift)")
missing = []
for s in graph["symbols"]:
    uri = s.get("location", {}).get("uri")
    # Symbols without a location are synthesized (Codable, Hashable, RawRepresentable).
    if s.get("accessLevel") not in ("public", "open") or not uri or s.get("docComment"):
        continue
    if skip and skip.search(uri):
        continue
    file = uri.split("/Sources/", 1)[-1]
    line = s["location"]["position"]["line"] + 1
    missing.append(f"Sources/{file}:{line}: {'.'.join(s['pathComponents'])} has no /// comment")
if missing:
    print("\n".join(sorted(missing)), file=sys.stderr)
    print(f"docs: FAILED: {len(missing)} public symbols without documentation", file=sys.stderr)
    sys.exit(1)
EOF
echo "docs: built $archive with no warnings; every public symbol documented"
