/// An article as HTML with every claim highlighted: the view of `claimcheck render`.
///
/// Each source (by resolved name) gets its own colour **and** a text label on each of
/// its claims; a side panel lists the sources (name, role, type) with their claims and
/// reported-by chains (`Reuters news agency → a report by United Nations‘ experts`).
/// Focusing or clicking a claim (each is in the tab order) shows its kind, cue, time
/// and chain. Unattributed claims are marked quietly, without colour or label.
///
/// The text is built from the claims' spans (UTF-8 byte offsets into ``bytes``): the
/// bytes are sliced at span boundaries and every piece is HTML-escaped, as is every
/// extracted string, so an article's own markup is shown as text and never runs.
///
/// ```swift
/// let bytes = try ArticleReader.read(path: "article.txt").bytes
/// let view = ArticleHTML(title: "article.txt", bytes: bytes, extraction: ClaimExtractor().extract(utf8: bytes))
/// try Data(view.document().utf8).write(to: URL(fileURLWithPath: "view.html"), options: .atomic)
/// ```
public struct ArticleHTML: Sendable {
    /// Shown as the page title and heading (usually the article's file name).
    public var title: String
    /// The exact article bytes the extraction's spans refer to.
    public var bytes: [UInt8]
    /// The claims to show.
    public var extraction: Extraction
    /// Prefix of every element id of the view (claim ids are appended), so that several
    /// views can share one page.
    public var idPrefix: String
    /// Differences from a fixture, keyed by claim id: such claims are flagged in the text
    /// (used by the check report; empty for `render`).
    public var flags: [String: String]

    /// Creates a view of `extraction`, whose spans are offsets into `bytes`.
    public init(
        title: String, bytes: [UInt8], extraction: Extraction, idPrefix: String = "", flags: [String: String] = [:]
    ) {
        self.title = title
        self.bytes = bytes
        self.extraction = extraction
        self.idPrefix = idPrefix
        self.flags = flags
    }

    /// A complete, self-contained HTML document (inline CSS, no scripts, no external
    /// assets), UTF-8, ending in a newline.
    public func document() -> String {
        let attributed = extraction.claims.filter { $0.attribution != nil }.count
        let header = """
            <header class="page"><h1>\(HTML.escape(title))</h1><p>\(extraction.claims.count) claims, \
            \(attributed) attributed, \(sources.count) sources.<span class="screen-only"> Tab to or click a claim for its \
            details.</span></p></header>

            """
        return Self.page(title: title, body: header + "<main>\n" + view() + "</main>\n")
    }

    /// The view alone: the highlighted article and its source panel in a
    /// `<div class="view">`, for embedding in a page that carries ``ArticleHTML``'s
    /// stylesheet (see ``page(title:body:)``).
    public func view() -> String {
        "<div class=\"view\">\n<div class=\"article\" lang=\"en\">" + highlightedText() + "</div>\n" + panel()
            + "</div>\n"
    }

    /// The element id of a claim's highlight: ``idPrefix`` followed by the claim id.
    public func anchor(forClaim id: String) -> String { HTML.identifier(idPrefix + id) }

    /// A whole HTML document around `body` (already HTML), with the shared stylesheet.
    public static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="claimcheck">
        <title>\(HTML.escape(title))</title>
        <style>
        \(Stylesheet.css)</style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    // MARK: - Sources

    /// A source as the view groups it: by resolved name, in order of first appearance.
    struct SourceEntry {
        var name: String
        var role: String?
        var type: SourceType
        var colour: Int
        /// Claims whose origin this source is.
        var says: [Int] = []
        /// Claims this source passes on as a relay.
        var relays: [Int] = []
    }

    static func key(_ name: String) -> String { ClaimComparison.normalize(name).lowercased() }

    /// Sources in order of first appearance (an origin or a relay), by resolved name.
    var sources: [SourceEntry] {
        var entries: [SourceEntry] = []
        var index: [String: Int] = [:]
        func entry(_ s: Source) -> Int {
            let k = Self.key(s.name)
            if let i = index[k] {
                if entries[i].role == nil { entries[i].role = s.role }
                return i
            }
            index[k] = entries.count
            entries.append(SourceEntry(name: s.name, role: s.role, type: s.type, colour: entries.count))
            return entries.count - 1
        }
        for (c, claim) in extraction.claims.enumerated() {
            guard let a = claim.attribution else { continue }
            // The relays come before the origin in the text only sometimes; colours follow
            // the reading order of the chain instead: relays outermost first, then origin.
            for hop in a.via { entries[entry(hop.source)].relays.append(c) }
            entries[entry(a.source)].says.append(c)
        }
        return entries
    }

    private func colourClass(_ i: Int) -> String {
        "s\(i % Stylesheet.hues.count)" + (i >= Stylesheet.hues.count ? " alt" : "")
    }

    // MARK: - Text

    private func highlightedText() -> String {
        let sources = self.sources
        var colourOf: [String: Int] = [:]
        for s in sources { colourOf[Self.key(s.name)] = s.colour }
        var marks: [HTML.Mark] = []
        var seen: Set<String> = []
        func decorate(_ span: Span, _ cls: String) {
            guard seen.insert("\(span.start):\(span.end):\(cls)").inserted else { return }
            marks.append(
                HTML.Mark(span: span, open: "<span class=\"\(cls)\">", close: "</span>", keepEmpty: false, rank: 1))
        }
        for claim in extraction.claims {
            let colour = claim.attribution.flatMap { colourOf[Self.key($0.source.name)] }
            marks.append(
                HTML.Mark(
                    span: claim.span, open: claimOpen(claim, colour: colour),
                    close: "</mark>" + card(claim, colour: colour),
                    keepEmpty: true, rank: 0))
            guard let a = claim.attribution else { continue }
            for hop in a.chain {
                let c = colourOf[Self.key(hop.source.name)] ?? 0
                decorate(hop.source.span, "source-mention " + colourClass(c))
                decorate(hop.cue.span, "cue")
            }
        }
        return HTML.markup(bytes, marks: marks)
    }

    private func claimOpen(_ claim: Claim, colour: Int?) -> String {
        let id = HTML.escape(anchor(forClaim: claim.id))
        let flag = flags[claim.id].map { "<span class=\"diff-flag\" title=\"\(HTML.escape($0))\">differs</span>" } ?? ""
        guard let a = claim.attribution, let colour else {
            return "<mark class=\"claim quiet\" id=\"\(id)\" tabindex=\"0\" data-kind=\"\(claim.kind.rawValue)\""
                + " data-source=\"\">" + flag
        }
        let name = HTML.escape(a.source.name)
        var labels = "<span class=\"who\" title=\"\(name)\">" + name + "</span>"
        if !a.via.isEmpty {
            let relays = HTML.escape(a.via.map(\.source.name).joined(separator: " → "))
            labels += "<span class=\"via\" title=\"reported through \(relays)\">via " + relays + "</span>"
        }
        return
            "<mark class=\"claim \(colourClass(colour))\" id=\"\(id)\" tabindex=\"0\" data-kind=\"\(claim.kind.rawValue)\""
            + " data-source=\"\(name)\" aria-describedby=\"\(id)-card\">" + labels + flag
    }

    /// The details shown when a claim is focused or targeted.
    private func card(_ claim: Claim, colour: Int?) -> String {
        var rows: [(String, String)] = [("kind", Self.kindWords(claim.kind))]
        if let a = claim.attribution {
            var source = HTML.escape(a.source.name)
            if let role = a.source.role { source += ", " + HTML.escape(role) }
            source += " <span class=\"kind\">(\(a.source.type.rawValue))</span>"
            if Self.key(a.source.text) != Self.key(a.source.name) {
                source += "<br><span class=\"kind\">written “\(HTML.escape(a.source.text))”</span>"
            }
            rows.append(("source", source))
            rows.append(
                ("cue", "“\(HTML.escape(a.cue.text))” <span class=\"kind\">(\(HTML.escape(a.cue.lemma)))</span>"))
            rows.append(("time", a.time.map { HTML.escape($0.text) } ?? "—"))
            rows.append(("chain", a.via.isEmpty ? "direct from the source" : Self.chain(a, detailed: true)))
        } else {
            rows.append(("source", "none: the article’s own voice"))
        }
        if !claim.quotes.isEmpty {
            rows.append(("quotes", claim.quotes.map { "“" + HTML.escape($0.text) + "”" }.joined(separator: ", ")))
        }
        if let flag = flags[claim.id] { rows.append(("differs", HTML.escape(flag))) }
        rows.append(("id", HTML.escape("\(claim.id) · bytes \(claim.span.start)..<\(claim.span.end)")))
        let id = HTML.escape(anchor(forClaim: claim.id)) + "-card"
        let cls = colour.map { "card " + colourClass($0) } ?? "card quiet"
        return "<span class=\"\(cls)\" id=\"\(id)\" role=\"note\"><span class=\"dl\">"
            + rows.map { "<span class=\"dt\">\($0.0)</span><span class=\"dd\">\($0.1)</span>" }.joined()
            + "</span></span>"
    }

    /// `Reuters news agency → a report by United Nations‘ experts`, escaped; with
    /// `detailed`, each hop's cue and time in parentheses.
    static func chain(_ a: Attribution, detailed: Bool) -> String {
        a.chain.map { hop in
            var s = HTML.escape(hop.source.name)
            if detailed {
                s +=
                    " <span class=\"kind\">(" + HTML.escape(hop.cue.text)
                    + (hop.time.map { ", " + HTML.escape($0.text) } ?? "") + ")</span>"
            }
            return s
        }.joined(separator: " → ")
    }

    static func kindWords(_ kind: ClaimKind) -> String {
        switch kind {
        case .direct: return "direct quote"
        case .indirect: return "reported speech"
        case .mixed: return "mixed (reported speech with quoted words)"
        case .unattributed: return "unattributed"
        }
    }

    // MARK: - Panel

    private func panel() -> String {
        let claims = extraction.claims
        var out = "<aside class=\"panel\" aria-label=\"Sources\">\n<h2>Sources</h2>\n"
        out +=
            "<p class=\"hint\">Each source has its own colour and label."
            + "<span class=\"screen-only\"> Follow a claim to see it in the text.</span></p>\n"
        func item(_ c: Int, chain: Bool) -> String {
            let claim = claims[c]
            var s =
                "<li><a href=\"#\(HTML.escape(anchor(forClaim: claim.id)))\">"
                + HTML.escape(TextSnippet.short(claim.text)) + "</a> <span class=\"kind\">"
                + HTML.escape(Self.kindWords(claim.kind)) + "</span>"
            if chain, let a = claim.attribution, !a.via.isEmpty {
                s += "<span class=\"chain\">" + Self.chain(a, detailed: false) + "</span>"
            }
            return s + "</li>\n"
        }
        for source in sources {
            out +=
                "<section class=\"\(colourClass(source.colour))\">\n<h3><span class=\"swatch\" aria-hidden=\"true\"></span>"
            out += "<span>" + HTML.escape(source.name) + "</span></h3>\n<p class=\"meta\">"
            out += (source.role.map { HTML.escape($0) + " · " } ?? "") + source.type.rawValue + "</p>\n"
            if !source.says.isEmpty {
                out += "<div>says \(source.says.count == 1 ? "1 claim" : "\(source.says.count) claims"):</div>\n<ol>\n"
                out += source.says.map { item($0, chain: true) }.joined() + "</ol>\n"
            }
            if !source.relays.isEmpty {
                out +=
                    "<div>passes on:</div>\n<ol>\n" + source.relays.map { item($0, chain: true) }.joined() + "</ol>\n"
            }
            out += "</section>\n"
        }
        let quiet = claims.indices.filter { claims[$0].attribution == nil }
        if !quiet.isEmpty {
            out +=
                "<section class=\"quiet\">\n<h3>Unattributed</h3>\n<p class=\"meta\">the article’s own voice</p>\n<ol>\n"
            out += quiet.map { item($0, chain: false) }.joined() + "</ol>\n</section>\n"
        }
        return out + "</aside>\n"
    }
}

/// Short one-line forms of claim texts for lists.
enum TextSnippet {
    /// The first `words` words of `text` on one line, with `…` when cut.
    static func short(_ text: String, words: Int = 10) -> String {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
        return parts.prefix(words).joined(separator: " ") + (parts.count > words ? " …" : "")
    }
}
