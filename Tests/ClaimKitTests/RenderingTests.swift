import ClaimKit
import Foundation
import Testing

/// The HTML view, the check report and the JSON-LD output.
@Suite struct RenderingTests {
    /// Opening tags of claim highlights in `html`.
    func claimElements(_ html: String) -> [Substring] {
        html.split(separator: "<mark class=\"claim").dropFirst().map { $0.prefix { $0 != ">" } }
    }

    @Test func articleMarkupIsEscapedAndRunsNothing() throws {
        let article = """
            The mayor said <script>alert(1)</script> was found in the "><img src=x onerror=alert(1)> tag.

            "<b>Bold</b> & 'quoted' <script>alert(2)</script>," the council said on Monday.

            A note: </div></mark><style>body{display:none}</style> ends here.
            """
        let extraction = ClaimExtractor().extract(from: article)
        #expect(extraction.claims.count >= 2, "the test article should have claims to highlight")
        let html = ArticleHTML(title: "<script>alert(3)</script>", bytes: Array(article.utf8), extraction: extraction)
            .document()
        let lower = html.lowercased()
        #expect(!lower.contains("<script"), "a script element")
        #expect(!lower.contains("<img"), "an img element")
        #expect(!lower.contains("onerror="), "an unescaped onerror attribute")
        #expect(!lower.contains("<b>"))
        #expect(lower.components(separatedBy: "<style").count == 2, "only the page's own stylesheet")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src&#61;x onerror&#61;alert(1)&gt;"))
        #expect(html.contains("&lt;/div&gt;&lt;/mark&gt;&lt;style&gt;"))
        #expect(html.contains("<title>&lt;script&gt;alert(3)&lt;/script&gt;</title>"))
        // Every mark opened is closed: the article's text cannot close or open elements.
        #expect(html.components(separatedBy: "<mark").count == html.components(separatedBy: "</mark>").count)
        #expect(claimElements(html).count == extraction.claims.count)
    }

    @Test func extractedStringsAreEscapedInLabelsAndCards() throws {
        // A source name and cue carrying markup reach labels, titles and cards: all escaped.
        let text = "X <i>said</i> Y."
        let span = Span(0, 1)
        let evil = "\"><img src=x onerror=alert(1)>"
        let claim = Claim(
            id: "c00000001", text: "Y", span: Span(13, 14), kind: .indirect,
            attribution: Attribution(
                source: Source(text: evil, span: span, name: evil, role: "<script>", type: .person),
                cue: Cue(text: "<i>said</i>", span: Span(2, 13), lemma: "<say>"),
                time: TextSpan(text: "<u>now</u>", span: Span(0, 0)),
                via: [
                    Hop(
                        source: Source(text: "<x>", span: span, name: "<x>", type: .media),
                        cue: Cue(text: "'", span: span, lemma: "'"))
                ]
            ))
        let html = ArticleHTML(title: "t", bytes: Array(text.utf8), extraction: Extraction(claims: [claim])).document()
        let lower = html.lowercased()
        for bad in ["<img", "onerror=", "<script", "<i>", "<u>", "<x>", "<say>"] {
            #expect(!lower.contains(bad), "\(bad)")
        }
        #expect(html.contains("data-source=\"&quot;&gt;&lt;img src&#61;x onerror&#61;alert(1)&gt;\""))
    }

    @Test func referenceArticleHasOneHighlightPerClaimWithItsSourceLabel() throws {
        let bytes = try ArticleReader.read(
            path: Package.corpus.appendingPathComponent("turkey-libya-security-deal.txt").path
        )
        .bytes
        let extraction = ClaimExtractor().extract(utf8: bytes)
        let html = ArticleHTML(title: "turkey", bytes: bytes, extraction: extraction).document()
        let elements = claimElements(html)
        #expect(elements.count == extraction.claims.count)
        for claim in extraction.claims {
            let element = try #require(
                elements.first { $0.contains("id=\"\(claim.id)\"") }, "no element for \(claim.id)")
            let name = claim.attribution.map { HTML.escape($0.source.name) } ?? ""
            #expect(element.contains("data-source=\"\(name)\""), "\(claim.id)")
            #expect(element.contains("tabindex=\"0\""), "claims are keyboard reachable")
            if claim.attribution == nil {
                #expect(element.hasPrefix(" quiet"))
            } else {
                #expect(
                    html.contains(
                        "id=\"\(claim.id)\" tabindex=\"0\" data-kind=\"\(claim.kind.rawValue)\" data-source=\"\(name)\" aria-describedby=\"\(claim.id)-card\"><span class=\"who\" title=\"\(name)\">\(name)</span>"
                    ))
            }
        }
        #expect(html.contains("Reuters news agency → a report by United Nations‘ experts"))
        #expect(html.contains("prefers-color-scheme:dark"))
        #expect(html.contains("@media print"))
        #expect(!html.contains("http://") && !html.contains("https://"), "no external resources")
        #expect(!html.lowercased().contains("<script"))
    }

    @Test func highlightedTextIsTheArticleText() throws {
        // Removing the markup and the inserted labels and cards gives back the article.
        let bytes = try ArticleReader.read(
            path: Package.corpus.appendingPathComponent("turkey-libya-security-deal.txt").path
        )
        .bytes
        let html = ArticleHTML(title: "t", bytes: bytes, extraction: ClaimExtractor().extract(utf8: bytes)).view()
        let start = try #require(html.range(of: "<div class=\"article\" lang=\"en\">"))
        let end = try #require(html.range(of: "</div>\n<aside"))
        #expect(articleText(String(html[start.upperBound..<end.lowerBound])) == String(decoding: bytes, as: UTF8.self))
    }

    /// The text of HTML without tags, without the labels, flags and cards the view
    /// inserts, with character references decoded.
    func articleText(_ html: String) -> String {
        var out = ""
        var skipDepth = 0  // > 0 inside an inserted element: counts open spans
        var rest = html[...]
        while let lt = rest.firstIndex(of: "<") {
            if skipDepth == 0 { out += rest[..<lt] }
            guard let gt = rest[lt...].firstIndex(of: ">") else { break }
            let tag = rest[lt...gt]
            if skipDepth > 0 {
                if tag.hasPrefix("<span") { skipDepth += 1 } else if tag == "</span>" { skipDepth -= 1 }
            } else if ["who", "via", "card", "diff-flag"].contains(where: { tag.hasPrefix("<span class=\"\($0)") }) {
                skipDepth = 1
            }
            rest = rest[rest.index(after: gt)...]
        }
        out += rest
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#61;", with: "=").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func nestedAndCrossingSpansGiveOneElementPerClaim() {
        // "A said B said C": the claims overlap (nested) and one crosses the other.
        let text = "Anna said that Bo said that it rained all day."
        let outer = Claim(id: "c1", text: "", span: Span(15, 45), kind: .indirect)
        let inner = Claim(id: "c2", text: "", span: Span(28, 45), kind: .indirect)
        let crossing = Claim(id: "c3", text: "", span: Span(40, 46), kind: .unattributed)
        let empty = Claim(id: "c4", text: "", span: Span(46, 46), kind: .unattributed)
        let html = ArticleHTML(
            title: "t", bytes: Array(text.utf8), extraction: Extraction(claims: [outer, inner, crossing, empty])
        ).view()
        #expect(claimElements(html).count == 4)
        #expect(html.components(separatedBy: "<mark").count == html.components(separatedBy: "</mark>").count)
        #expect(html.contains("Anna said that <mark"))
    }

    @Test func spansPastTheEndAreClampedNotFatal() {
        let text = "Short."
        let past = Claim(id: "c1", text: "", span: Span(3, 99), kind: .unattributed)
        let beyond = Claim(id: "c2", text: "", span: Span(50, 60), kind: .unattributed)
        let html = ArticleHTML(title: "t", bytes: Array(text.utf8), extraction: Extraction(claims: [past, beyond]))
            .view()
        #expect(claimElements(html).count == 2)
        #expect(articleText(html).hasPrefix("\nShort."))
    }

    @Test func spansInsideACharacterDoNotSplitIt() {
        // Span boundaries inside "é" (2 bytes) and "“" (3 bytes) move back to the character start.
        let text = "é said “yes” <&>"
        let claim = Claim(id: "c1", text: "", span: Span(1, 9), kind: .unattributed)
        let html = ArticleHTML(title: "t", bytes: Array(text.utf8), extraction: Extraction(claims: [claim])).view()
        #expect(!html.contains("\u{FFFD}"))
        #expect(html.contains("data-source=\"\">é said </mark>"))
        #expect(articleText(html).hasPrefix("\né said “yes” <&>"))
    }

    @Test func checkReportLinksSummaryAndArticles() throws {
        let bytes = try ArticleReader.read(
            path: Package.corpus.appendingPathComponent("turkey-libya-security-deal.txt").path
        )
        .bytes
        let extraction = ClaimExtractor().extract(utf8: bytes)
        var fixtureText = try String(
            contentsOf: Package.expected.appendingPathComponent("turkey-libya-security-deal.json"), encoding: .utf8)
        fixtureText = fixtureText.replacingOccurrences(of: #""name": "Fuat Oktay""#, with: #""name": "<b>Oktai</b>""#)
        let fixture = try Fixture.parse(Array(fixtureText.utf8), path: "Expected/turkey.json")
        let report = ClaimComparison().compare(extraction.claims, with: fixture)
        let entries = [
            CheckReportHTML.Entry(
                name: "turkey.txt", articlePath: "Corpus/turkey.txt", fixturePath: "Expected/turkey.json", bytes: bytes,
                extraction: extraction, report: report),
            CheckReportHTML.Entry(
                name: "<missing>.txt", articlePath: "Corpus/<missing>.txt", fixturePath: "Expected/x.json",
                problem: "no fixture"),
        ]
        var total = ComparisonReport()
        total.accumulate(report)
        let html = CheckReportHTML(entries: entries, total: total).document()
        #expect(html.contains("0 passed, 2 failed"))
        #expect(html.contains("<a href=\"#article-1-turkey\">turkey.txt</a>"))
        #expect(html.contains("id=\"article-1-turkey\""))
        #expect(html.contains("<a href=\"#article-1-turkey-row\">↑ summary</a>"))
        #expect(html.contains("attribution.source.name"))
        #expect(html.contains("&quot;&lt;b&gt;Oktai&lt;/b&gt;&quot;"), "the fixture value, escaped")
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;missing&gt;.txt"))
        // A difference links to its claim in the embedded view, which is flagged.
        let oktay = try #require(report.differences.first?.claimID)
        #expect(html.contains("href=\"#article-1-turkey-\(oktay)\""))
        #expect(html.contains("id=\"article-1-turkey-\(oktay)\""))
        #expect(html.contains("class=\"diff-flag\""))
        #expect(claimElements(html).count == extraction.claims.count)
    }

    @Test func jsonLDClaimsHaveAuthorsAppearanceAndChain() throws {
        let bytes = try ArticleReader.read(
            path: Package.corpus.appendingPathComponent("turkey-libya-security-deal.txt").path
        )
        .bytes
        let extraction = ClaimExtractor().extract(utf8: bytes)
        let url = "https://news.example/turkey-libya"
        let text = SchemaOrgClaims.document(extraction, articleURL: url).serialized()
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(doc["@context"] as? String == "https://schema.org")
        let graph = try #require(doc["@graph"] as? [[String: Any]])
        let attributed = extraction.claims.filter { $0.attribution != nil }
        #expect(graph.count == attributed.count)
        for (node, claim) in zip(graph, attributed) {
            let a = try #require(claim.attribution)
            #expect(node["@type"] as? String == "Claim")
            #expect(node["text"] as? String == claim.text)
            #expect(node["@id"] as? String == url + "#" + claim.id)
            let appearance = try #require(node["appearance"] as? [String: Any])
            #expect(appearance["@type"] as? String == "NewsArticle")
            #expect(appearance["url"] as? String == url)
            if a.source.type == .document {
                #expect(node["author"] == nil)
                let first = try #require(node["firstAppearance"] as? [String: Any])
                #expect(first["@type"] as? String == "Report")
                #expect(first["name"] as? String == a.source.name)
            } else {
                let author = try #require(node["author"] as? [String: Any], "\(claim.id)")
                #expect(author["name"] as? String == a.source.name)
                let type = try #require(author["@type"] as? String)
                if a.source.type == .person {
                    #expect(type == "Person")
                    #expect(author["jobTitle"] as? String == a.source.role)
                } else {
                    #expect(["Organization", "GovernmentOrganization", "NewsMediaOrganization"].contains(type))
                    #expect(author["jobTitle"] == nil)
                }
            }
            #expect((node["isBasedOn"] != nil) == !a.via.isEmpty)
        }
        // The chain: the claim is based on Reuters' report, based on the UN experts' report.
        let reuters = try #require(
            graph.first { $0["text"] as? String == "Ankara has already sent military supplies to Libya" })
        let relay = try #require(reuters["isBasedOn"] as? [String: Any])
        #expect(relay["@type"] as? String == "NewsArticle")
        #expect((relay["author"] as? [String: Any])?["name"] as? String == "Reuters news agency")
        #expect((relay["author"] as? [String: Any])?["@type"] as? String == "NewsMediaOrganization")
        let origin = try #require(relay["isBasedOn"] as? [String: Any])
        let first = try #require(reuters["firstAppearance"] as? [String: Any])
        #expect(origin["@id"] as? String == first["@id"] as? String)
        #expect((first["@id"] as? String)?.hasPrefix("_:") == true)
        let erdogan = try #require(
            graph.first { ($0["author"] as? [String: Any])?["name"] as? String == "Recep Tayyip Erdogan" })
        #expect((erdogan["author"] as? [String: Any])?["jobTitle"] as? String == "Turkish President")
    }

    @Test func jsonLDWithoutURLHasNoAppearance() throws {
        let extraction = ClaimExtractor().extract(from: "The mayor said the bridge would reopen on Monday.")
        let doc = try #require(
            try JSONSerialization.jsonObject(with: Data(SchemaOrgClaims.document(extraction).serialized().utf8))
                as? [String: Any])
        let graph = try #require(doc["@graph"] as? [[String: Any]])
        #expect(graph.count == 1)
        #expect(graph.first?["appearance"] == nil)
        #expect(graph.first?["@id"] == nil)
        #expect(graph.first?["identifier"] as? String == extraction.claims.first?.id)
    }
}
