import ClaimKit
import Foundation
import Testing

/// `ClaimJSONWriter` writes the very bytes the `JSONValue` tree serialises to, and its
/// escaping agrees with an independent, scalar-by-scalar statement of the rules.
@Suite struct ClaimJSONWriterTests {
    /// The escaping rules, one Unicode scalar at a time (what the writers must do).
    static func referenceQuoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00..<0x20: out += String(format: "\\u%04x", u.value)
            case 0x2028: out += "\\u2028"
            case 0x2029: out += "\\u2029"
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    static func written(_ s: String) -> String {
        var w = ClaimJSONWriter()
        w.string(s)
        return w.text
    }

    // MARK: Strings

    @Test func everyASCIIByteAtEveryPositionOfShortAndLongStrings() {
        for b in UInt8(0)..<0x80 {
            let c = String(decoding: [b], as: UTF8.self)
            for length in 1...19 {
                for position in 0..<length {
                    let s =
                        String(repeating: "a", count: position) + c
                        + String(repeating: "é", count: (length - position - 1) / 2)
                        + String(repeating: "b", count: (length - position - 1) % 2)
                    let expected = Self.referenceQuoted(s)
                    #expect(Self.written(s) == expected, "byte \(b), length \(length), at \(position)")
                    #expect(JSONValue.string(s).compact() == expected)
                }
            }
        }
    }

    @Test func lineAndParagraphSeparatorsAndTheirNeighbours() {
        // U+2028/U+2029 are escaped; other characters with lead byte 0xE2 (quotes, dashes,
        // the euro sign, U+2027, U+202A) are not.
        let pieces = [
            "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "“", "”", "’", "—", "…", "€", "\u{2000}", "⁂",
            "a", "\"", "\\", "\n", "\u{1}", "😀", "é",
        ]
        for a in pieces {
            for b in pieces {
                for pad in 0..<10 {
                    let s = String(repeating: "x", count: pad) + a + b + String(repeating: "y", count: 9 - pad)
                    #expect(Self.written(s) == Self.referenceQuoted(s), "\(Array(s.unicodeScalars))")
                    #expect(Self.written(a + b) == Self.referenceQuoted(a + b))
                }
            }
        }
    }

    @Test func randomMixturesOfEverythingThatNeedsCare() {
        var rng = SplitMix64(seed: 0x5EED_0001)
        let alphabet = [
            "a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{8}", "\u{C}", "\u{1F}", "\u{7F}",
            "\u{2028}", "\u{2029}", "“", "’", "—", "é", "中", "😀", "👩‍💻", "e\u{301}", "\u{FEFF}", "\u{FFFD}",
            "\u{85}", "\u{200B}", "\u{202E}",
        ]
        for _ in 0..<3000 {
            let n = Int.random(in: 0..<40, using: &rng)
            let s = (0..<n).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            let expected = Self.referenceQuoted(s)
            #expect(Self.written(s) == expected)
            #expect(JSONValue.string(s).compact() == expected)
        }
    }

    @Test func repairedInvalidUTF8AndEmptyStrings() {
        let repaired = String(
            decoding: [0x41, 0xFF, 0xE2, 0x80, 0x22, 0xC3, 0x0A, 0xED, 0xA0, 0x80, 0xF0, 0x9F], as: UTF8.self)
        #expect(Self.written(repaired) == Self.referenceQuoted(repaired))
        #expect(Self.written("") == "\"\"")
        #expect(JSONValue.string("").compact() == "\"\"")
    }

    @Test func longStringsWithAndWithoutEscapesGrowTheBuffer() {
        let plain = String(repeating: "The minister said “no”. ", count: 40_000)
        let escaped = String(repeating: "\"\\\u{1}\n\u{2028}", count: 50_000)
        for s in [plain, escaped, plain + escaped + plain] {
            var w = ClaimJSONWriter(capacity: 16)
            w.beginArray()
            w.element()
            w.string(s)
            w.element()
            w.string(s)
            w.endArray()
            let one = Self.referenceQuoted(s)
            #expect(w.text == "[" + one + "," + one + "]")
            #expect(w.count == w.text.utf8.count)
        }
    }

    /// Text longer than 64 KiB is escaped a piece at a time; a piece never ends inside a
    /// character, so U+2028, emoji and escapes across the boundary come out whole.
    @Test func piecesOfLongStringsMeetAtCharacters() {
        for tail in ["\u{2028}", "😀", "é", "“", "\"", "\u{1}x", "\u{2029}\u{2029}"] {
            for offset in 65_530...65_540 {
                let s = String(repeating: "a", count: offset) + tail + String(repeating: "b", count: 70_000)
                let expected = Self.referenceQuoted(s)
                #expect(Self.written(s) == expected, "\(tail) at \(offset)")
                #expect(JSONValue.string(s).compact() == expected, "\(tail) at \(offset)")
            }
        }
    }

    // MARK: Numbers

    @Test func numbersAsJSONValueWritesThem() {
        let values: [Int] = [
            0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 12345, 65_536, 1_000_000, 987_654_321, 4_294_967_296,
            999_999_999_999_999, 1_000_000_000_000_000, 1_000_000_000_000_001, 9_007_199_254_740_993,
            Int.max, -1, -9, -10, -12345, -999_999_999_999_999, -1_000_000_000_000_000, Int.min,
        ]
        for n in values {
            var w = ClaimJSONWriter()
            w.integer(n)
            #expect(w.text == JSONValue.number(Double(n)).compact(), "\(n)")
            var s = ClaimJSONWriter(style: .pretty)
            s.span(Span(n, n))
            let number = JSONValue.number(Double(n))
            #expect(s.text == JSONValue.array([number, number]).serialized(), "\(n)")
        }
        for n in stride(from: 0, to: 2_000_000, by: 997) {
            var w = ClaimJSONWriter()
            w.integer(n)
            #expect(w.text == String(n))
        }
    }

    // MARK: Claims

    /// Claims of the corpus and of noisy generated articles, with odd sources and spans.
    static func sampleClaims() -> [Claim] {
        var claims: [Claim] = []
        let extractor = ClaimExtractor()
        for name in Package.articles {
            if let bytes = FileManager.default.contents(
                atPath: Package.corpus.appendingPathComponent(name + ".txt").path)
            {
                claims += extractor.extract(utf8: Array(bytes)).claims
            }
        }
        var gen = ArticleGenerator(seed: 0xC1A1_7777)
        for _ in 0..<20 { claims += extractor.extract(from: gen.article(noise: 10)).claims }
        let odd = Source(
            text: "a \"b\"\n\u{2028}", span: Span(-5, 3), name: "\u{0}\u{1F}\\", role: "r\u{2029}", type: .anonymous)
        let cue = Cue(text: "said\t", span: Span(1_000_000_000_000_000, 1_000_000_000_000_007), lemma: "")
        let time = TextSpan(text: "", span: Span(0, 0))
        claims.append(
            Claim(
                id: "", text: "", span: Span(0, 0), kind: .mixed,
                quotes: [time, TextSpan(text: "q\"", span: Span(2, 4))],
                attribution: Attribution(
                    source: odd, cue: cue, time: time,
                    via: [Hop(source: odd, cue: cue), Hop(source: odd, cue: cue, time: time)]),
                decidedBy: [RuleDecision(field: "", rule: "\u{7}"), RuleDecision(field: "source", rule: "X")]))
        claims.append(Claim(id: "c1", text: "t", span: Span(1, 2), kind: .unattributed))
        return claims
    }

    @Test func claimsAreWrittenAsTheirJSONValueSerialises() {
        let claims = Self.sampleClaims()
        #expect(claims.count > 200)
        for rules in [false, true] {
            for claim in claims {
                let tree = ClaimJSON.value(claim, includeRules: rules)
                var compact = ClaimJSONWriter()
                compact.claim(claim, includeRules: rules)
                #expect(compact.text == tree.compact())
                var pretty = ClaimJSONWriter(style: .pretty)
                pretty.claim(claim, includeRules: rules)
                #expect(pretty.text == tree.serialized())
                var indented = ClaimJSONWriter(style: .pretty, indent: 6)
                indented.claim(claim, includeRules: rules)
                #expect(indented.text == tree.serialized(indent: 6))
            }
            let array = JSONValue.array(claims.map { ClaimJSON.value($0, includeRules: rules) })
            for style in [ClaimJSONWriter.Style.compact, .pretty] {
                var w = ClaimJSONWriter(style: style, capacity: 8)
                w.claims(claims, includeRules: rules)
                #expect(w.text == (style == .compact ? array.compact() : array.serialized()))
            }
        }
    }

    @Test func documentsWithEmptyContainersIssuesAndEmbeddedValues() {
        let issues = [
            TextIssue(kind: .unclosedQuote, span: Span(3, 6)), TextIssue(kind: .strayClosingQuote, span: Span(9, 12)),
        ]
        let ids: [JSONValue] = [
            .null, .number(1.5), .number(-0.0), .number(1e20), .string("x\u{2028}"), .array([]), .object([]),
            .object([("a", .array([.number(1), .number(2)])), ("b", .object([("c", .bool(true))]))]),
        ]
        for id in ids {
            for (claims, issues) in [([Claim](), [TextIssue]()), (Array(Self.sampleClaims().prefix(3)), issues)] {
                let tree = JSONValue.object([
                    ("id", id),
                    ("claims", .array(claims.map { ClaimJSON.value($0) })),
                    (
                        "issues",
                        .array(
                            issues.map {
                                .object([
                                    ("kind", .string($0.kind.rawValue)),
                                    ("span", .array([.number(Double($0.span.start)), .number(Double($0.span.end))])),
                                ])
                            })
                    ),
                    ("empty", .object([])),
                ])
                for style in [ClaimJSONWriter.Style.compact, .pretty] {
                    var w = ClaimJSONWriter(style: style)
                    w.beginArray()
                    w.element()
                    w.beginObject()
                    w.key("id")
                    w.value(id)
                    w.key("claims")
                    w.claims(claims)
                    w.key("issues")
                    w.issues(issues)
                    w.key("empty")
                    w.beginObject()
                    w.endObject()
                    w.endObject()
                    w.endArray()
                    w.newline()
                    let doc = JSONValue.array([tree])
                    #expect(w.text == (style == .compact ? doc.compact() : doc.serialized()) + "\n")
                }
            }
        }
        var empty = ClaimJSONWriter(style: .pretty)
        empty.beginArray()
        empty.endArray()
        #expect(empty.text == "[]")
    }

    @Test func reuseAfterRemoveAll() {
        var w = ClaimJSONWriter()
        w.beginObject()
        w.key("a")
        w.null()
        w.removeAll()
        w.beginArray()
        w.element()
        w.integer(7)
        w.endArray()
        #expect(w.text == "[7]")
        #expect(w.bytes == Array("[7]".utf8))
        #expect(w.withBytes { Array($0) } == Array("[7]".utf8))
    }

    /// The fixture text is that of the `JSONValue` document it replaced.
    @Test func fixturesAreTheSerialisedDocument() {
        let claims = Self.sampleClaims()
        for (name, some) in [("a.txt", Array(claims.prefix(40))), ("\u{2028}\"odd\".txt", claims), ("none.txt", [])] {
            let sorted = some.sorted { $0.span < $1.span }
            let doc = JSONValue.object([
                ("schemaVersion", .number(Double(ClaimJSON.schemaVersion))),
                ("article", .string(name)),
                ("claims", .array(sorted.map { ClaimJSON.value($0) })),
            ])
            #expect(ClaimJSON.fixture(article: name, claims: some) == doc.serialized() + "\n")
        }
    }
}
