#!/usr/bin/env python3
"""Checks the DOM that headless Chromium built for claimcheck's HTML pages.

Reads OUT/{view,report,hostile}.dom.html (chromium --dump-dom) and the claims that
`claimcheck list --format json` gave for the same articles, and checks:
- view: one <mark class="claim"> per claim, with the claim's id, its source's resolved
  name in data-source and as the text of its label (<span class="who">), and none quiet
  but the unattributed ones; the chain of a relayed claim written out in the panel;
- report: the same for every article's embedded view, and a summary link to each;
- hostile: the article's <script>, <img onerror> and <style> built no element.
Exits 1 with the problems listed when a check fails; screenshots are checked to be PNGs.
"""
import json
import os
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, dict(attrs), parent, [], []

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def all_text(self):
        return "".join(t if isinstance(t, str) else t.all_text() for t in self.text)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


class Tree(HTMLParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", [], None)
        self.current = self.root
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        e = Element(tag, attrs, self.current)
        self.current.children.append(e)
        self.current.text.append(e)
        if tag not in VOID:
            self.current = e

    def handle_startendtag(self, tag, attrs):
        e = Element(tag, attrs, self.current)
        self.current.children.append(e)
        self.current.text.append(e)

    def handle_endtag(self, tag):
        e = self.current
        while e is not self.root and e.tag != tag:
            e = e.parent
        if e is not self.root:
            self.current = e.parent

    def handle_data(self, data):
        self.current.text.append(data)


problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def load(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def check_view(root, claims, prefix, where):
    """One highlighted element per claim in `root`, labelled with its source."""
    marks = [e for e in root.walk() if e.tag == "mark" and "claim" in e.classes()]
    check(len(marks) == len(claims), f"{where}: {len(marks)} highlighted claims in the DOM, {len(claims)} claims listed")
    by_id = {}
    for m in marks:
        by_id.setdefault(m.attrs.get("id"), []).append(m)
    for c in claims:
        found = by_id.get(prefix + c["id"], [])
        check(len(found) == 1, f"{where}: {len(found)} elements for claim {c['id']}")
        if len(found) != 1:
            continue
        m = found[0]
        a = c["attribution"]
        name = a["source"]["name"] if a else ""
        check(m.attrs.get("data-source") == name, f"{where}: claim {c['id']} has source label {m.attrs.get('data-source')!r}, expected {name!r}")
        check(m.attrs.get("tabindex") == "0", f"{where}: claim {c['id']} is not keyboard reachable")
        labels = [e.all_text() for e in m.children if e.tag == "span" and "who" in e.classes()]
        if a:
            check(labels == [name], f"{where}: claim {c['id']} shows label {labels}, expected [{name!r}]")
            check("quiet" not in m.classes(), f"{where}: attributed claim {c['id']} is quiet")
        else:
            check(labels == [] and "quiet" in m.classes(), f"{where}: unattributed claim {c['id']} is not quiet")
    return marks


def main(out):
    view_claims = json.loads(load(os.path.join(out, "view.claims.json")))[0]["claims"]
    view = Tree(load(os.path.join(out, "view.dom.html"))).root
    check_view(view, view_claims, "", "view")
    panel = next((e for e in view.walk() if e.tag == "aside"), None)
    check(panel is not None, "view: no source panel")
    if panel is not None:
        text = panel.all_text()
        for c in view_claims:
            a = c["attribution"]
            if a and a["via"]:
                chain = " → ".join([h["source"]["name"] for h in a["via"]] + [a["source"]["name"]])
                check(chain in text, f"view: the panel does not show the chain {chain!r}")

    report = Tree(load(os.path.join(out, "report.dom.html"))).root
    sections = [e for e in report.walk() if e.tag == "section" and "report-article" in e.classes()]
    articles = json.loads(load(os.path.join(out, "report.claims.json")))
    check(len(sections) == len(articles), f"report: {len(sections)} article sections, {len(articles)} articles")
    links = {e.attrs.get("href") for e in report.walk() if e.tag == "a"}
    for section, doc in zip(sections, articles):
        anchor = section.attrs.get("id", "")
        name = os.path.splitext(os.path.basename(doc["article"]))[0]
        check(anchor.endswith("-" + name), f"report: section {anchor!r} is not {name}")
        check("#" + anchor in links, f"report: the summary does not link to {anchor}")
        check_view(section, doc["claims"], anchor + "-", f"report/{name}")

    hostile = Tree(load(os.path.join(out, "hostile.dom.html"))).root
    elements = list(hostile.walk())
    check(not any(e.tag in ("script", "img", "b") for e in elements), "hostile: the article's markup built elements")
    check(sum(e.tag == "style" for e in elements) == 1, "hostile: the article's <style> built an element")
    check(not any(k.startswith("on") for e in elements for k in e.attrs), "hostile: an event handler attribute")
    body = hostile.all_text()
    for shown in ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<style>body{display:none}</style>"):
        check(shown in body, f"hostile: {shown!r} is not shown as text")

    for png in ("view", "view-focused", "view-dark", "report"):
        path = os.path.join(out, png + ".png")
        ok = os.path.exists(path) and os.path.getsize(path) > 10000
        if ok:
            with open(path, "rb") as f:
                ok = f.read(8) == b"\x89PNG\r\n\x1a\n"
        check(ok, f"{png}.png: no screenshot")

    if problems:
        print("browser check: FAILED", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        return 1
    total = sum(len(d["claims"]) for d in articles)
    print(f"browser check: passed: view {len(view_claims)} claims, report {len(sections)} articles / {total} claims, "
          "hostile markup inert")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
