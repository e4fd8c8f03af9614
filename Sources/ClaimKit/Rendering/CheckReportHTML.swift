import Foundation

/// A corpus check as one self-contained HTML page: `claimcheck check --report html=PATH`.
///
/// The page opens with a summary table (one row per article: pass or fail, precision,
/// recall, F1, number of differences), each row linking to the article's section. A
/// section shows the field-level differences side by side (fixture value, extracted
/// value, fixture `line:column`), then the article's view (``ArticleHTML``) with the
/// differing claims flagged; links lead from a difference to its claim and back to the
/// summary. All text is HTML-escaped.
public struct CheckReportHTML: Sendable {
    /// One checked article.
    public struct Entry: Sendable {
        /// The article's file name, as shown.
        public var name: String
        /// Path of the article file.
        public var articlePath: String
        /// Path of the fixture it was compared with.
        public var fixturePath: String
        /// The article bytes (nil when it could not be read).
        public var bytes: [UInt8]?
        /// The claims extracted from ``bytes`` (nil when not extracted).
        public var extraction: Extraction?
        /// The comparison with the fixture (nil when there was none).
        public var report: ComparisonReport?
        /// Why the article could not be checked (no fixture, unreadable file, bad fixture).
        public var problem: String?

        /// Creates an entry; give `problem` when the article could not be compared.
        public init(
            name: String, articlePath: String, fixturePath: String, bytes: [UInt8]? = nil,
            extraction: Extraction? = nil, report: ComparisonReport? = nil, problem: String? = nil
        ) {
            self.name = name
            self.articlePath = articlePath
            self.fixturePath = fixturePath
            self.bytes = bytes
            self.extraction = extraction
            self.report = report
            self.problem = problem
        }

        /// Compared with no differences.
        public var passed: Bool { problem == nil && report?.passed == true }
    }

    /// The page title.
    public var title: String
    /// The checked articles, in the order shown.
    public var entries: [Entry]
    /// Scores summed over all compared articles.
    public var total: ComparisonReport

    /// Creates a report page over `entries` with the summed scores `total`.
    public init(title: String = "claimcheck check", entries: [Entry], total: ComparisonReport) {
        self.title = title
        self.entries = entries
        self.total = total
    }

    /// The element id of the `index`-th entry's section (`article-1`, …).
    public static func anchor(_ index: Int, _ entry: Entry) -> String {
        "article-\(index + 1)-" + HTML.identifier(FilePath.stem(entry.name))
    }

    /// A complete, self-contained HTML document, ending in a newline.
    public func document() -> String {
        let passed = entries.filter(\.passed).count
        var body = """
            <header class="page" id="summary"><h1>\(HTML.escape(title))</h1><p>\(passed) passed, \
            \(entries.count - passed) failed · total \(Self.score(total))</p></header>
            <main>
            <section class="summary" aria-labelledby="summary-h">
            <h2 class="ui" id="summary-h">Summary</h2>
            <table class="summary-table">
            <thead><tr><th scope="col">article</th><th scope="col">result</th><th scope="col" class="num">precision</th>\
            <th scope="col" class="num">recall</th><th scope="col" class="num">F1</th>\
            <th scope="col" class="num">differences</th></tr></thead>
            <tbody>

            """
        for (i, entry) in entries.enumerated() {
            let anchor = Self.anchor(i, entry)
            body += "<tr id=\"\(anchor)-row\"><td><a href=\"#\(anchor)\">\(HTML.escape(entry.name))</a></td>"
            body += "<td>" + Self.status(entry) + "</td>"
            if let r = entry.report {
                body +=
                    "<td class=\"num\">\(Self.number(r.precision))</td><td class=\"num\">\(Self.number(r.recall))</td>"
                body += "<td class=\"num\">\(Self.number(r.f1))</td><td class=\"num\">\(r.differences.count)</td>"
            } else {
                body += "<td colspan=\"4\">" + HTML.escape(entry.problem ?? "not compared") + "</td>"
            }
            body += "</tr>\n"
        }
        body +=
            "</tbody>\n<tfoot><tr><th scope=\"row\">total</th><td>\(passed) passed, \(entries.count - passed) failed</td>"
        body +=
            "<td class=\"num\">\(Self.number(total.precision))</td><td class=\"num\">\(Self.number(total.recall))</td>"
        body += "<td class=\"num\">\(Self.number(total.f1))</td>"
        body += "<td>\(total.falseNegatives) missing, \(total.falsePositives) extra</td></tr>"
        body += "</tfoot>\n</table>\n"
        if !total.fields.isEmpty {
            body +=
                "<p class=\"scores\">field accuracy: "
                + total.fields.keys.sorted().map { "\(HTML.escape($0)) \(Self.number(total.fields[$0]!.accuracy))" }
                .joined(separator: ", ") + "</p>\n"
        }
        body += "</section>\n"
        for (i, entry) in entries.enumerated() { body += section(i, entry) }
        body += "</main>\n"
        return ArticleHTML.page(title: title, body: body)
    }

    private func section(_ i: Int, _ entry: Entry) -> String {
        let anchor = Self.anchor(i, entry)
        var out = "<section class=\"report-article\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-h\">\n<header>\n"
        out += "<nav class=\"back ui\"><a href=\"#\(anchor)-row\">↑ summary</a></nav>\n"
        out += "<h2 class=\"ui\" id=\"\(anchor)-h\">" + Self.status(entry) + " " + HTML.escape(entry.name) + "</h2>\n"
        out += "<p class=\"ui\">" + HTML.escape(entry.articlePath) + " vs " + HTML.escape(entry.fixturePath) + "</p>\n"
        if let r = entry.report { out += "<p class=\"scores\">" + Self.score(r) + "</p>\n" }
        if let problem = entry.problem { out += "<p class=\"ui status fail\">" + HTML.escape(problem) + "</p>\n" }
        out += "</header>\n"
        let prefix = anchor + "-"
        var view: ArticleHTML? = nil
        if let bytes = entry.bytes, let extraction = entry.extraction {
            view = ArticleHTML(
                title: entry.name, bytes: bytes, extraction: extraction, idPrefix: prefix,
                flags: Self.flags(entry.report?.differences ?? []))
        }
        if let r = entry.report, !r.differences.isEmpty {
            out += differences(r.differences, fixture: entry.fixturePath, view: view)
        }
        if let view { out += view.view() }
        return out + "</section>\n"
    }

    private func differences(_ diffs: [ClaimDifference], fixture: String, view: ArticleHTML?) -> String {
        var out = "<div class=\"differences\">\n<table>\n<caption class=\"sr\">Differences from the fixture</caption>\n"
        out += "<thead><tr><th scope=\"col\">claim</th><th scope=\"col\">difference</th>"
        out +=
            "<th scope=\"col\">expected (fixture)</th><th scope=\"col\">actual (extracted)</th></tr></thead>\n<tbody>\n"
        let file = FilePath.name(fixture)
        var k = 0
        while k < diffs.count {
            // Differences of one claim are adjacent: the claim cell spans their rows.
            var rows = 1
            while k + rows < diffs.count, diffs[k + rows].claimText == diffs[k].claimText,
                diffs[k + rows].claimID == diffs[k].claimID
            {
                rows += 1
            }
            var claim = HTML.escape(TextSnippet.short(diffs[k].claimText, words: 12))
            if let id = diffs[k].claimID, let view {
                claim = "<a href=\"#\(HTML.escape(view.anchor(forClaim: id)))\">" + claim + "</a>"
            }
            out += "<tr><td rowspan=\"\(rows)\">\(claim)</td>" + row(diffs[k], file: file, fixture: fixture) + "</tr>\n"
            for d in diffs[(k + 1)..<(k + rows)] { out += "<tr>" + row(d, file: file, fixture: fixture) + "</tr>\n" }
            k += rows
        }
        return out + "</tbody>\n</table>\n</div>\n"
    }

    /// The cells of one difference after the claim cell.
    private func row(_ d: ClaimDifference, file: String, fixture: String) -> String {
        let at = d.location.map {
            "<br><small title=\"\(HTML.escape(fixture)):\($0.line):\($0.column)\">"
                + HTML.escape(file) + ":\($0.line):\($0.column)</small>"
        }
        let expected = (d.expected.map(Self.value) ?? "—") + (at ?? "")
        let actual = d.actual.map(Self.value) ?? "—"
        let what: String
        switch d.kind {
        case .missing: what = "missing claim"
        case .extra: what = "extra claim"
        case .field: what = "<code class=\"field\">" + HTML.escape(d.field ?? "") + "</code>"
        }
        return "<td>\(what)</td><td>\(expected)</td><td>\(actual)</td>"
    }

    /// A JSON value: short ones inline, whole claims folded away.
    private static func value(_ json: String) -> String {
        if json.count <= 160 { return "<code>" + HTML.escape(json) + "</code>" }
        return "<details><summary>claim JSON</summary><pre>" + HTML.escape(json) + "</pre></details>"
    }

    /// The difference notes per claim id, for flagging claims in the article view.
    static func flags(_ diffs: [ClaimDifference]) -> [String: String] {
        var flags: [String: String] = [:]
        for d in diffs {
            guard let id = d.claimID else { continue }
            let note: String
            switch d.kind {
            case .extra: note = "extra: not in the fixture"
            case .missing: note = "missing"
            case .field: note = "\(d.field ?? "?"): expected \(d.expected ?? "") but got \(d.actual ?? "")"
            }
            flags[id] = flags[id].map { $0 + "; " + note } ?? note
        }
        return flags
    }

    private static func status(_ entry: Entry) -> String {
        entry.passed ? "<span class=\"status pass\">PASS</span>" : "<span class=\"status fail\">FAIL</span>"
    }

    private static func number(_ x: Double) -> String { String(format: "%.3f", x) }

    private static func score(_ r: ComparisonReport) -> String {
        "precision \(number(r.precision)) · recall \(number(r.recall)) · F1 \(number(r.f1))"
    }
}
