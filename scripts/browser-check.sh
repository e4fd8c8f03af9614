#!/usr/bin/env bash
# Renders the reference article's view and a corpus check report, opens them in headless
# Chromium, saves PNG screenshots and checks the DOM Chromium built: one highlighted
# element per claim, labelled with the claim's source (compared with `claimcheck list
# --format json`), and an article full of markup that builds no element from it.
#
# Installs Debian's chromium when it is missing (as root, with apt-get). When chromium
# cannot be had, says so and exits 0: a machine without a browser is not a failure.
# A failed DOM check exits 1.
#
# Usage: scripts/browser-check.sh [OUTPUT_DIR]   (default: .build/browser-check)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build/browser-check}"

skip() {
    echo "browser check: SKIPPED: $*"
    exit 0
}

find_chromium() {
    for c in chromium chromium-browser google-chrome; do
        if command -v "$c" >/dev/null 2>&1; then
            command -v "$c"
            return 0
        fi
    done
    return 1
}

if ! browser="$(find_chromium)"; then
    command -v apt-get >/dev/null 2>&1 || skip "no chromium and no apt-get to install it"
    [ "$(id -u)" = 0 ] || skip "no chromium, and installing it needs root"
    echo "browser check: installing Debian's chromium"
    apt-get update -qq >/dev/null 2>&1 || skip "apt-get update failed: no package lists, so no chromium"
    candidate="$(apt-cache policy chromium 2>/dev/null | awk '/Candidate:/ {print $2}')"
    [ -n "$candidate" ] && [ "$candidate" != "(none)" ] || skip "no chromium package in the configured apt sources"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 \
        || skip "apt-get install chromium ($candidate) failed"
    browser="$(find_chromium)" || skip "chromium was installed but is not on PATH"
fi
command -v python3 >/dev/null 2>&1 || skip "python3 (for reading the DOM) is missing"

swift build --product claimcheck >/dev/null
bin="$(swift build --show-bin-path)/claimcheck"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
article=Corpus/turkey-libya-security-deal.txt

# The pages, and what the extractor says they should show.
"$bin" render "$article" -o "$out/view.html"
"$bin" list --format json "$article" >"$out/view.claims.json"
status=0
"$bin" check --quiet --report "html=$out/report.html" >"$out/check.txt" || status=$?
[ "$status" -le 1 ] || { echo "browser check: claimcheck check failed with status $status" >&2; exit 1; }
"$bin" list --format json Corpus/*.txt >"$out/report.claims.json"
printf '%s\n\n%s\n' 'The mayor said <script>alert(1)</script> the bridge would "><img src=x onerror=alert(1)> reopen.' \
    'A note: </div></mark><style>body{display:none}</style><b>bold</b> ends here.' \
    | "$bin" render - -o "$out/hostile.html"
focus="$(python3 -c 'import json,sys
claims = json.load(open(sys.argv[1]))[0]["claims"]
relayed = [c for c in claims if c["attribution"] and c["attribution"]["via"]]
print((relayed or claims)[0]["id"])' "$out/view.claims.json")"

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chrome() {
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$profile" "$@" 2>>"$out/chromium.log"
}
shot() { # NAME URL WIDTHxHEIGHT [extra flags]
    local name="$1" url="$2" size="$3"
    shift 3
    chrome --window-size="${size/x/,}" "$@" --screenshot="$out/$name.png" "$url" >/dev/null
}
shot view "file://$out/view.html" 1400x1800
shot view-focused "file://$out/view.html#$focus" 1400x2200
shot view-dark "file://$out/view.html" 1400x900 --blink-settings=preferredColorScheme=0
shot report "file://$out/report.html" 1400x1600
for page in view report hostile; do
    chrome --dump-dom "file://$out/$page.html" >"$out/$page.dom.html"
done

python3 scripts/browser-dom-check.py "$out"
echo "browser check: screenshots in $out: view.png view-focused.png view-dark.png report.png"
