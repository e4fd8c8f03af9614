#!/usr/bin/env python3
"""Rough grouping of `claimcheck eval --misses --format json` output by construction.

    claimcheck eval --brat CORPUS --misses --format json > misses.json
    claimcheck lexicon > lexicon.json
    python3 scripts/miss_groups.py --brat CORPUS --misses misses.json --lexicon lexicon.json

Prints, for the gold relations, how many fall in each scope class (clausal or quoted
content with a cue from ClaimKit's lexicon, another cue, noun-phrase or infinitive
content, no source, colon or dash label) and ClaimKit's recall in each; then the misses
(missed, spurious, source, cue) grouped by surface rules, with a few examples of each.

The rules are heuristics over the spans and words (no parser): they sort the misses
into the groups docs/EVALUATION.md discusses, and were checked by reading samples of
each group; expect a few misplaced items per group. Standard library only.
"""

import argparse
import collections
import json
import os
import random
import re

QUOTES = "\"“”‘’'`"
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you"}
RELATIVES = {"who", "which", "that", "whom", "whose"}
AUX = {"is", "are", "was", "were", "will", "would", "could", "should", "can", "has", "have", "had", "did",
       "does", "do", "may", "might", "must", "isn't", "wasn't", "won't", "didn't", "doesn't", "don't"}
NOUN_CUES = {"claim", "claims", "comments", "comment", "admission", "acknowledgment", "statement", "missive",
             "pronouncements", "rhetoric", "message", "assertion", "proposal", "warning", "accusation", "argument",
             "view", "belief", "idea", "notion", "suggestion", "question", "questions", "remarks", "words",
             "position", "charge", "allegation", "allegations", "insistence", "concern", "concerns", "opinion",
             "theory", "finding", "findings", "conclusion", "verdict", "estimate", "prediction", "contention"}
# Plural nouns and nouns the extractor reads as a cue verb in the misses of the dev split.
NOUNS_AS_CUES = {"tweets", "remarks", "claims", "report", "states", "demands", "detail", "reporting", "worries",
                 "fear", "stress", "state", "estimates", "claim", "comments"}


def words(s):
    return re.findall(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?", s or "")


def lower_words(s):
    return [w.lower() for w in re.findall(r"[A-Za-z0-9]+", s or "")]


class Lexicon:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        self.forms = {form for verb in data["verbs"] for form in verb["forms"]}
        self.phrases = [p["text"] for p in data["phrases"]]

    def has_cue(self, cue):
        c = (cue or "").lower()
        return any(p in c for p in self.phrases) or any(w in self.forms for w in re.findall(r"[a-z]+", c))


def shape(content):
    """quote, clause, inf(initive) or np: the form of a content, by its first words."""
    c = content.strip()
    if c[:1] in QUOTES:
        return "quote"
    w = [x.lower() for x in words(c.lstrip(QUOTES))]
    if not w:
        return "np"
    if w[0] in ("that", "whether", "if", "why", "how", "what", "when", "where", "who"):
        return "clause"
    if w[0] == "to":
        return "inf"
    if any(x in AUX for x in w[1:8]) or (w[0] in PRONOUNS | {"there"} and len(w) > 2):
        return "clause"
    return "np"


def is_label(cue):
    return re.sub(r"[\s:―—\-]", "", cue or "") == ""


def scope(relation, lexicon):
    """The scope class of a gold relation (by its cue and content)."""
    if relation["source"] is None:
        return "no source (Attribution-no-source)"
    if is_label(relation["cue"]):
        return "colon or dash speaker label"
    s = shape(relation["content"])
    if s in ("quote", "clause"):
        return "clausal or quoted content, " + ("cue in ClaimKit's lexicon" if lexicon.has_cue(relation["cue"]) else "other cue")
    return "infinitive content" if s == "inf" else "noun-phrase content"


def first(spans):
    return spans[0][0] if spans else None


def last(spans):
    return spans[-1][1] if spans else None


def missed_group(m, lexicon, text):
    g, p = m["gold"], m["predicted"]
    sp = g["spans"]
    cue = (g["cue"] or "").strip()
    if is_label(cue):
        return "A colon or dash speaker label (transcripts, reader quotes, headline 'X: C')"
    if g["source"] is None:
        return "B no source (PolNeAR's Attribution-no-source)"
    if p is not None:
        ps = p["spans"]
        g0, g1 = first(sp["content"]), last(sp["content"])
        p0, p1 = first(ps["content"]), last(ps["content"])
        if g0 <= p0 and p1 <= g1:
            if ps["cue"] and sp["cue"] and ps["cue"][0][0] == sp["cue"][0][0]:
                return "C1 cue inside the content (C1, X said, C2): ClaimKit keeps one part"
            if ps["cue"] and g0 <= ps["cue"][0][0] <= g1:
                return "C2 nested: ClaimKit attributes an inner report inside the gold content"
            return "D content too short: ClaimKit splits or truncates the content"
        if p0 <= g0 and g1 <= p1:
            return "E content too long: ClaimKit runs past the gold content"
        return "F content shifted (overlap below 50%)"
    in_lexicon = lexicon.has_cue(cue)
    s = shape(g["content"])
    if in_lexicon and s in ("np", "inf"):
        return "R lexicon verb with a non-clausal content (declared bankruptcy, agreed with X, responded with)"
    if not in_lexicon:
        last_word = (lower_words(cue) or [""])[-1]
        if s in ("clause", "quote") and (last_word in NOUN_CUES or re.search(r"(ment|tion|sion)$", last_word)):
            return "G2 noun cue with a clausal content (claim that, his admission that)"
        if s == "inf":
            return "H cue not in the lexicon, infinitive content (wants to, plans to, urged X to)"
        if s == "np":
            return "I cue not in the lexicon, noun-phrase content (called for X, criticized X, cited X)"
        return "G cue verb not in the lexicon, clausal or quoted content (ruled that, points out that, put it)"
    source = (g["source"] or "").strip().lower()
    if source in RELATIVES or source.split()[-1] in RELATIVES or source.startswith("many of"):
        return "J speech cue, relative-pronoun source (who said, many of whom say)"
    if re.search(r"\b(not|n't|never|no)\b", cue.lower().replace("’", "'")):
        return "K speech cue, negated (have not said)"
    ss, se = first(sp["source"]), last(sp["source"])
    cs, ce = first(sp["cue"]), last(sp["cue"])
    ks = first(sp["content"])
    if len(sp["content"]) > 1 and sp["content"][0][1] <= cs <= sp["content"][-1][0]:
        return "L speech cue inside the content (C1, he told me, C2)"
    if ss > cs:
        return "M speech cue, source after the cue (According to X, C / Said X: C / C, said X with a long X)"
    between = text[se:cs].decode("utf-8", "replace")
    if re.search(r"[,(\[–—-]", between) or len(words(between)) >= 2:
        return "N speech cue, words between source and cue (X, 59, of Y, said / X (D-Mass.) said / X, saying)"
    if ks > ce:
        after = text[ce:ks].decode("utf-8", "replace")
        if len(words(re.sub(r"\bthat\b", "", after))) >= 1:
            return "O speech cue, words between cue and content (says at a stop in Ohio that, tweeted in the early hours that)"
    if ks < cs:
        return "P speech cue after the content, other"
    return "Q speech cue before the content, other"


def spurious_group(m, gold_spans):
    p, article = m["predicted"], m["article"]
    c0, c1 = first(p["spans"]["content"]), last(p["spans"]["content"])
    if (p["cue"] or "").lower() in NOUNS_AS_CUES:
        return "S1 a noun read as a cue verb (tweets, claims, remarks, report, states)"
    spans = gold_spans.get(article, [])
    if any(label == "Content" and s <= c0 and c1 <= e for label, s, e in spans):
        return "S2 inside a gold content (an inner report PolNeAR flattens, or a truncated piece)"
    if any(label == "Content" and s < c1 and c0 < e for label, s, e in spans):
        return "S3 overlaps a gold content by less than half (content boundaries)"
    if any(label != "Content" and s < c1 and c0 < e for label, s, e in spans):
        return "S4 covers a gold source or cue (misparse)"
    return "S5 no gold relation there (a gold omission, or a false cue)"


def source_group(m):
    g, p = m["gold"], m["predicted"]
    gw, pw = lower_words(g["source"]), lower_words(p["source"])
    if not gw or gw[0] in ("said", "says", "according"):
        return "T1 gold labels swapped (source 'said', cue the name): an annotation error"
    if (p["cue"] or "").lower() in NOUNS_AS_CUES:
        return "T2 a noun read as the cue: the source is the words before it"
    if pw and (pw[-1].endswith("ly") or pw[-1] in {"just", "finally", "still", "also", "even", "isn", "haven", "t"}):
        return "T3 an adverb or negation glued to the end of the source (He apparently, Reid frequently)"
    if pw and pw[-1] in {"by", "of", "from", "before", "after", "for"} or (pw and pw[0] in {"began", "aside", "why"}):
        return "T4 participial cue whose source is taken from a phrase (began by saying, aside from saying)"
    if set(pw) & set(gw):
        return "T5 same entity partly: truncated or extended mention (Theresa | May said, Del. | Stacey Plaskett, X and Y)"
    return "T6 another entity (nested report: the outer source vs the inner one; a wrong antecedent)"


def cue_group(m):
    g, p = set(lower_words(m["gold"]["cue"])), set(lower_words(m["predicted"]["cue"]))
    if p < g:
        return "U1 the gold cue adds a time, adverb, object or phrase (said Monday, also said, said at a briefing)"
    if g < p:
        return "U2 ClaimKit's cue is longer (said in a statement)"
    if g & p:
        return "U3 partly the same words"
    return "U4 another cue (an inner or outer report, a participle for the main verb, a noun read as a verb)"


def gold_relations(corpus):
    """Gold relations and span lists per article, from the .ann files (byte offsets)."""
    relations, spans = [], collections.defaultdict(list)
    folder = os.path.join(corpus, "attributions") if os.path.isdir(os.path.join(corpus, "attributions")) else corpus
    texts = os.path.join(corpus, "text") if os.path.isdir(os.path.join(corpus, "text")) else corpus
    for entry in sorted(os.listdir(folder)):
        if not entry.endswith(".ann"):
            continue
        name = entry[:-4]
        with open(os.path.join(texts, name + ".txt"), encoding="utf-8", newline="") as f:
            text = f.read()
        offsets = [0]
        for ch in text:
            offsets.append(offsets[-1] + len(ch.encode("utf-8")))
        bounds = {}
        with open(os.path.join(folder, entry), encoding="utf-8") as f:
            lines = f.read().split("\n")
        for line in lines:
            parts = line.split("\t")
            if len(parts) == 3 and parts[0].startswith("T"):
                label, ranges = parts[1].split(" ", 1)
                bounds[parts[0]] = (label, parts[2])
                if label in ("Content", "Source", "Cue"):
                    for r in ranges.split(";"):
                        s, e = map(int, r.split())
                        spans[name].append((label, offsets[s], offsets[e]))
        for line in lines:
            parts = line.split("\t")
            if len(parts) >= 2 and parts[0].startswith("E"):
                args = dict(a.split(":", 1) for a in parts[1].split() if ":" in a and a.split(":", 1)[1])
                if "Content" not in args:
                    continue
                relations.append({
                    "article": name, "id": parts[0],
                    "source": bounds[args["Source"]][1] if "Source" in args else None,
                    "cue": bounds[args["Cue"]][1] if "Cue" in args else "",
                    "content": bounds[args["Content"]][1],
                })
    return relations, spans


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--brat", required=True)
    parser.add_argument("--misses", required=True, help="claimcheck eval --misses --format json output")
    parser.add_argument("--lexicon", required=True, help="claimcheck lexicon output")
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if "test" in os.path.basename(os.path.normpath(args.brat)).lower():
        raise SystemExit(f"{args.brat}: refusing to read a test split")
    lexicon = Lexicon(args.lexicon)
    with open(args.misses, encoding="utf-8") as f:
        misses = json.load(f)["misses"]
    relations, gold_spans = gold_relations(args.brat)
    texts = {}

    def text(article):
        if article not in texts:
            folder = os.path.join(args.brat, "text") if os.path.isdir(os.path.join(args.brat, "text")) else args.brat
            with open(os.path.join(folder, article + ".txt"), "rb") as f:
                texts[article] = f.read()
        return texts[article]

    missed_ids = {(m["article"], m["gold"]["id"]) for m in misses if m["kind"] == "missed"}
    totals, found = collections.Counter(), collections.Counter()
    for r in relations:
        k = scope(r, lexicon)
        totals[k] += 1
        if (r["article"], r["id"]) not in missed_ids:
            found[k] += 1
    print(f"gold relations by scope class ({len(relations)}), and ClaimKit's recall (content overlap) in each:")
    for k, n in totals.most_common():
        print(f"  {n:5d}  {100 * n / len(relations):5.1f}%  recall {found[k] / n:.3f}  {k}")

    random.seed(args.seed)
    sections = [
        ("missed", lambda m: missed_group(m, lexicon, text(m["article"]))),
        ("spurious", lambda m: spurious_group(m, gold_spans)),
        ("source", source_group),
        ("cue", cue_group),
    ]
    for kind, group in sections:
        items = [m for m in misses if m["kind"] == kind]
        groups = collections.defaultdict(list)
        for m in items:
            groups[group(m)].append(m)
        print(f"\n{kind}: {len(items)}")
        for k in sorted(groups):
            print(f"  {len(groups[k]):5d}  {k}")
            for m in random.sample(groups[k], min(args.examples, len(groups[k]))):
                r = m["gold"] if m["gold"] else m["predicted"]
                other = m["predicted"] if m["gold"] and m["predicted"] else None
                line = f"         {m['article'][:40]} {r['id']}: [{r['source']}] <{r['cue']}> {r['content'][:90]!r}"
                if other and kind != "missed":
                    line += f"  | predicted [{other['source']}] <{other['cue']}>"
                print(line)


if __name__ == "__main__":
    main()
