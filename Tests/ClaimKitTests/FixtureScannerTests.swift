import Foundation
import Testing

@testable import ClaimKit

/// The byte-level fixture reader (`FixtureScanner`) and the comparison on it
/// (`QuickComparison`) must never disagree with the full reader (`Fixture.parse` +
/// `ClaimComparison`): a quick answer is a pass with exactly the full report's counts,
/// and everything else is left to the full reader (nil).
@Suite struct FixtureScannerTests {
    /// The quick report of `claims` against fixture bytes, or nil.
    static func quick(
        _ claims: [Claim], _ fixture: [UInt8], articleLength: Int, comparison: ClaimComparison = ClaimComparison()
    ) -> ComparisonReport? {
        var q = QuickComparison()
        return fixture.withUnsafeBufferPointer {
            q.report(claims, fixture: $0, articleLength: articleLength, ignored: comparison.ignoredMask)
        }
    }

    /// The full reader's report, or its error.
    static func full(
        _ claims: [Claim], _ fixture: [UInt8], articleLength: Int, comparison: ClaimComparison = ClaimComparison()
    ) -> Result<ComparisonReport, FixtureError> {
        do {
            let f = try Fixture.parse(fixture, path: "f.json")
            return .success(try comparison.compare(claims, with: f, articleLength: articleLength))
        } catch let e as FixtureError {
            return .failure(e)
        } catch {
            return .failure(FixtureError(path: "f.json", location: nil, message: "\(error)"))
        }
    }

    /// Everything a report says but its differences (a quick report has none).
    static func counts(_ r: ComparisonReport) -> String {
        let fields = r.fields.keys.sorted().map { "\($0) \(r.fields[$0]!.compared)/\(r.fields[$0]!.equal)" }
        let pr = r.fieldPR.keys.sorted().map {
            "\($0) \(r.fieldPR[$0]!.correct)/\(r.fieldPR[$0]!.predicted)/\(r.fieldPR[$0]!.expected)"
        }
        return "passed \(r.passed) tp \(r.truePositives) fp \(r.falsePositives) fn \(r.falseNegatives); "
            + fields.joined(separator: ", ") + "; " + pr.joined(separator: ", ")
    }

    /// Whether the quick comparison answered; records an issue when it disagrees.
    @discardableResult
    static func agree(
        _ claims: [Claim], _ fixture: [UInt8], articleLength: Int, comparison: ClaimComparison = ClaimComparison(),
        _ label: @autoclosure () -> String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Bool {
        guard let q = quick(claims, fixture, articleLength: articleLength, comparison: comparison) else { return false }
        switch full(claims, fixture, articleLength: articleLength, comparison: comparison) {
        case .success(let f):
            #expect(f.passed, "quick passed what the full comparison fails: \(label())", sourceLocation: sourceLocation)
            #expect(counts(q) == counts(f), "\(label())", sourceLocation: sourceLocation)
        case .failure(let e):
            Issue.record("quick passed a malformed fixture (\(e)): \(label())", sourceLocation: sourceLocation)
        }
        return true
    }

    struct Article {
        var name: String
        var bytes: [UInt8]
        var claims: [Claim]
        var fixture: [UInt8]
    }

    /// Every corpus article with its claims and its hand-written fixture.
    static let corpus: [Article] = Package.articles.compactMap { name in
        guard let text = try? Data(contentsOf: Package.corpus.appendingPathComponent(name + ".txt")),
            let fixture = try? Data(contentsOf: Package.expected.appendingPathComponent(name + ".json"))
        else { return nil }
        let bytes = Array(text)
        return Article(
            name: name, bytes: bytes, claims: ClaimExtractor().extract(utf8: bytes).claims, fixture: Array(fixture))
    }

    static let comparisons: [ClaimComparison] = [
        ClaimComparison(),
        ClaimComparison(tolerance: 1),
        ClaimComparison(ignoredFields: ["attribution.time", "span", "quotes.text", "attribution.via.cue"]),
        ClaimComparison(ignoredFields: ["attribution", "id", "no.such.field"]),
        ClaimComparison(ignoredFields: [""]),
    ]

    @Test func corpusFixturesPassQuickly() {
        #expect(Self.corpus.count > 30)
        for a in Self.corpus {
            for (k, c) in Self.comparisons.enumerated() {
                let answered = Self.agree(a.claims, a.fixture, articleLength: a.bytes.count, comparison: c, a.name)
                #expect(answered, "\(a.name), comparison \(k): the quick comparison gave up")
            }
        }
    }

    @Test func generatedFixturesPassQuickly() {
        for a in Self.corpus {
            let fixture = Array(ClaimJSON.fixture(article: a.name + ".txt", claims: a.claims).utf8)
            #expect(Self.agree(a.claims, fixture, articleLength: a.bytes.count, a.name))
            // Claims in another order than the article's: the quick match looks them up.
            var doc = try! JSONParser(bytes: fixture).parseValue()
            if case .object(var pairs) = doc, case .array(let claims) = pairs[2].1 {
                pairs[2].1 = .array(claims.reversed())
                doc = .object(pairs)
            }
            #expect(Self.agree(a.claims, Array(doc.compact().utf8), articleLength: a.bytes.count, a.name))
        }
    }

    /// Every escape, non-ASCII text as \u escapes (surrogate pairs too), a byte order
    /// mark, CRLF and tabs: all read as the full reader reads them.
    @Test func escapesUnicodeAndLayoutPassQuickly() {
        let text = "“Café crème 🎉,” Zoë said. She said the “big \"plan\"” would work.\n"
        let bytes = Array(text.utf8)
        let claims = ClaimExtractor().extract(utf8: bytes).claims
        #expect(!claims.isEmpty)
        let fixture = ClaimJSON.fixture(article: "a.txt", claims: claims)
        var ascii = ""
        for u in fixture.unicodeScalars {
            if u.value < 0x80 {
                ascii.unicodeScalars.append(u)
            } else {
                for unit in String(u).utf16 { ascii += String(format: "\\u%04x", unit) }
            }
        }
        #expect(ascii.contains("\\ud83c\\udf89"))
        // The same escapes with upper-case hex digits.
        var upper = ""
        var hex = 0
        for ch in ascii {
            if hex > 0 {
                upper += ch.uppercased()
                hex -= 1
            } else {
                upper.append(ch)
                if upper.hasSuffix("\\u") { hex = 4 }
            }
        }
        #expect(upper.contains("\\uD83C\\uDF89"))
        let variants: [String] = [
            fixture, ascii, upper, "\u{FEFF}" + fixture, fixture.replacingOccurrences(of: "\n", with: "\r\n"),
            fixture.replacingOccurrences(of: "  ", with: "\t"),
            fixture.replacingOccurrences(of: "Caf", with: "C\\u0061f").replacingOccurrences(
                of: "would", with: "w\\u006Fuld"),
        ]
        for (k, v) in variants.enumerated() {
            #expect(Self.agree(claims, Array(v.utf8), articleLength: bytes.count, "variant \(k)"), "variant \(k)")
        }
        // `\/` and `\"` in a text: decoded before comparing.
        let slash = fixture.replacingOccurrences(of: "crème", with: "cr\\u00e8me").replacingOccurrences(
            of: "said", with: "sa\\/id")
        _ = Self.agree(claims, Array(slash.utf8), articleLength: bytes.count, "slash")
    }

    /// Malformed fixtures: never a quick pass, and the checker reports them exactly as
    /// before, at `file:line:column`.
    @Test(arguments: [
        ("", "1:1: invalid JSON: unexpected end of file: expected a value"),
        ("{\"schemaVersion\": 1, \"claims\": [", "1:33: invalid JSON: unexpected end of file: expected a value"),
        ("{\"schemaVersion\": 1, \"claims\": []} x", "1:36: invalid JSON: unexpected text after the JSON value"),
        ("{\"schemaVersion\": 1, \"schemaVersion\": 1, \"claims\": []}", "1:22: invalid JSON: duplicate key"),
        (
            "{\"schemaVersion\": 1, \"claims\": [], \"cl\\u0061ims\": []}",
            "1:36: invalid JSON: duplicate key \"claims\""
        ),
        ("{\"schemaVersion\": 1, \"claims\": [{\"text\": \"a\\x\"}]}", "1:46: invalid JSON: invalid escape \\x"),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"\\u12G4\"}]}",
            "1:45: invalid JSON: invalid \\u escape: expected 4 hex digits"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"\\ud800\"}]}",
            "1:43: invalid JSON: unpaired UTF-16 surrogate"
        ),
        ("{\"schemaVersion\": 1, \"claims\": [{\"text\": \"\\udc00\"}]}", "1:43: invalid JSON: invalid \\u escape"),
        ("{\"schemaVersion\": 1e400, \"claims\": []}", "1:19: invalid JSON: number 1e400 is out of range"),
        (
            "{\"schemaVersion\": 01, \"claims\": []}",
            "1:19: invalid JSON: invalid number 01 (a JSON number has no leading zero)"
        ),
        ("{\"schemaVersion\": -01, \"claims\": []}", "1:19: invalid JSON: invalid number -01"),
        ("{\"schemaVersion\": 1., \"claims\": []}", "1:19: invalid JSON: invalid number 1."),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"a\", \"span\": [0, 07]}]}",
            "1:59: invalid JSON: invalid number 07"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"a\", \"note\": 1.e5}]}",
            "1:55: invalid JSON: invalid number 1.e5"
        ),
        ("{\"schemaVersion\": 2, \"claims\": []}", "1:19: unknown schemaVersion 2"),
        ("{\"schemaVersion\": 1}", "1:1: expected \"claims\" to be an array"),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"txt\": \"a\"}]}",
            "1:41: unknown key \"txt\"; expected one of attribution, decidedBy, id"
        ),
        ("{\"schemaVersion\": 1, \"claims\": [{\"text\": 5}]}", "1:33: expected \"text\" (a string) in every claim"),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"a\", \"kind\": \"odd\"}]}",
            "1:55: expected \"kind\" to be one of direct"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"a\", \"optional\": 1}]}",
            "1:59: expected \"optional\" to be true or false"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"a\", \"span\": [0, 99999999999999999999]}]}",
            "1:55: span [0, 1e+20] is beyond"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"a\", \"span\": [0, 500]}]}",
            "1:55: span [0, 500] is beyond the end of the article (40 bytes)"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"a\", \"note\": {\"span\": [0, 500]}}]}",
            "1:64: span [0, 500]"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"a\", \"note\": {\"k\": 1, \"k\": 2}}]}",
            "1:64: invalid JSON: duplicate key \"k\""
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"id\": \"c1\", \"text\": \"a\"}, {\"id\": \"c1\", \"text\": \"b\"}]}",
            "1:67: duplicate claim id \"c1\""
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"a\u{1}\"}]}",
            "1:44: invalid JSON: control character in string"
        ),
        ("{\"schemaVersion\": 1,\u{0B}\"claims\": []}", "1:21: invalid JSON: expected a key in double quotes"),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"a\", \"attribution\": {\"time\": \"today\"}}]}",
            "1:71: expected {\"text\": …}"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"a\", \"attribution\": {\"source\": {\"type\": \"x\"}}}]}",
            "1:82: expected type to be one of person"
        ),
        (
            "{\"schemaVersion\": 1, \"article\": \"../a.txt\", \"claims\": []}",
            "1:33: \"article\" must be a plain file name"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"a\", \"note\": " + String(repeating: "[", count: 600)
                + String(repeating: "]", count: 600) + "}]}",
            "invalid JSON: nesting deeper than 512 levels"
        ),
    ])
    func malformedFixturesAreLeftToTheFullReader(_ fixture: String, _ message: String) throws {
        let article = "The mayor said the bridge would reopen.\n"
        let claims = ClaimExtractor().extract(from: article).claims
        let bytes = Array(fixture.utf8)
        #expect(Self.quick(claims, bytes, articleLength: article.utf8.count) == nil, "\(fixture)")
        let dir = try TempFolder()
        defer { dir.remove() }
        try FileManager.default.createDirectory(
            at: dir.url.appendingPathComponent("C"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: dir.url.appendingPathComponent("E"), withIntermediateDirectories: true)
        try dir.file("C/a.txt", Array(article.utf8))
        try dir.file("E/a.json", bytes)
        let corpus = GoldenCorpus(
            corpus: dir.url.appendingPathComponent("C").path, expected: dir.url.appendingPathComponent("E").path)
        let result = GoldenCorpus.Checker(corpus: corpus).check("a")
        guard case .malformedFixture(let e) = result.outcome else {
            Issue.record("not malformed: \(result.outcome) for \(fixture)")
            return
        }
        #expect(e.description.hasPrefix(result.fixturePath + ":"), "\(e)")
        #expect(e.description.contains(message), "\(e)")
        // Exactly what the full reader says.
        guard case .malformedFixture(let old) = corpus.check("a").outcome else {
            Issue.record("the full check does not find it malformed")
            return
        }
        #expect(old == e)
    }

    /// One flaw in a fixture that otherwise passes quickly (also in values no comparison
    /// looks at: a note, an ignored field, the article name): never a quick pass, and
    /// the full reader refuses it.
    @Test func flawsInAPassingFixtureAreNeverPassed() {
        let article = "The mayor said the bridge would reopen. “We are ready,” she told reporters.\n"
        let claims = ClaimExtractor().extract(from: article).claims
        #expect(claims.count == 2)
        let n = article.utf8.count
        let base = ClaimJSON.fixture(article: "a.txt", claims: claims).replacingOccurrences(
            of: "\"kind\": \"indirect\",", with: "\"kind\": \"indirect\",\n      \"note\": \"checked ✓\",")
        #expect(base.contains("checked ✓"))
        #expect(Self.agree(claims, Array(base.utf8), articleLength: n), "the base must pass quickly")
        let note = "\"note\": \"checked ✓\""
        /// The base with the first `old` replaced.
        func replacing(_ old: String, _ new: [UInt8]) -> [UInt8] {
            guard let r = base.range(of: old) else {
                Issue.record("no \(old) in the base")
                return []
            }
            return Array(base[..<r.lowerBound].utf8) + new + Array(base[r.upperBound...].utf8)
        }
        func replacing(_ old: String, _ new: String) -> [UInt8] { replacing(old, Array(new.utf8)) }
        func noteBytes(_ bytes: [UInt8]) -> [UInt8] { replacing("checked ✓", Array("checked ".utf8) + bytes) }
        let firstID = claims[0].id
        let flaws: [(String, [UInt8], ClaimComparison)] = [
            (
                "duplicate key",
                replacing("\"kind\": \"indirect\",", "\"kind\": \"indirect\", \"kind\": \"indirect\","), .init()
            ),
            (
                "duplicate root key", replacing("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"schemaVersion\": 1,"),
                .init()
            ),
            ("duplicate escaped key", replacing(note, note + ", \"n\\u006fte\": 1"), .init()),
            ("invalid UTF-8 in a note", noteBytes([0xFF]), .init()),
            ("cut-short sequence", noteBytes([0xE2, 0x9C]), .init()),
            ("encoded surrogate", noteBytes([0xED, 0xA0, 0x80]), .init()),
            ("overlong form", noteBytes([0xC0, 0xAF]), .init()),
            ("above U+10FFFF", noteBytes([0xF4, 0x90, 0x80, 0x80]), .init()),
            ("control character", noteBytes([0x01]), .init()),
            ("bad escape", noteBytes(Array("\\x".utf8)), .init()),
            ("bad \\u", noteBytes(Array("\\u12G4".utf8)), .init()),
            ("lone high surrogate", noteBytes(Array("\\ud800".utf8)), .init()),
            ("high then not low", noteBytes(Array("\\ud800\\u0041".utf8)), .init()),
            ("lone low surrogate", noteBytes(Array("\\udc00".utf8)), .init()),
            (
                "deep note",
                replacing(note, "\"note\": " + String(repeating: "[", count: 600) + String(repeating: "]", count: 600)),
                .init()
            ),
            ("note keys twice", replacing(note, "\"note\": {\"a\": 1, \"a\": 2}"), .init()),
            ("a span in a note", replacing(note, "\"note\": {\"span\": [0, 9999]}"), .init()),
            ("number out of range", replacing(note, "\"note\": 1e400"), .init()),
            ("article with ..", replacing("\"article\": \"a.txt\"", "\"article\": \"../a.txt\""), .init()),
            ("article not a string", replacing("\"article\": \"a.txt\"", "\"article\": 3"), .init()),
            ("schemaVersion 2", replacing("\"schemaVersion\": 1", "\"schemaVersion\": 2"), .init()),
            ("unknown claim key", replacing(note, note + ", \"notes\": 1"), .init()),
            ("unknown source key", replacing("\"role\": null", "\"role\": null, \"rank\": 1"), .init()),
            ("unknown cue key", replacing("\"lemma\": \"say\"", "\"lemma\": \"say\", \"x\": 1"), .init()),
            ("text after the document", Array((base + "x").utf8), .init()),
            ("two documents", Array((base + base).utf8), .init()),
            ("vertical tab", replacing("\"schemaVersion\": 1,", "\"schemaVersion\": 1,\u{0B}"), .init()),
            ("trailing comma", replacing(note, note + ","), .init()),
            ("optional not a boolean", replacing(note, note + ", \"optional\": \"yes\""), .init()),
            (
                "duplicate id, ids ignored", replacing("\"id\": \"\(claims[1].id)\"", "\"id\": \"\(firstID)\""),
                .init(ignoredFields: ["id"])
            ),
            (
                "bad type, types ignored", replacing("\"type\": \"person\"", "\"type\": \"alien\""),
                .init(ignoredFields: ["attribution.source.type"])
            ),
            (
                "span backwards, spans ignored", replacing("\"span\": [0, 9]", "\"span\": [9, 0]"),
                .init(ignoredFields: ["attribution.source.span"])
            ),
            (
                "span beyond, spans ignored", replacing("\"span\": [0, 9]", "\"span\": [0, 4000]"),
                .init(ignoredFields: ["attribution.source.span"])
            ),
            (
                "role a number, roles ignored", replacing("\"role\": null", "\"role\": 3"),
                .init(ignoredFields: ["attribution.source.role"])
            ),
            (
                "time a string, times ignored", replacing("\"time\": null", "\"time\": \"today\""),
                .init(ignoredFields: ["attribution.time"])
            ),
            (
                "name null, names ignored", replacing("\"name\": \"mayor\"", "\"name\": null"),
                .init(ignoredFields: ["attribution.source.name"])
            ),
            (
                "kind unknown, kinds ignored", replacing("\"kind\": \"indirect\"", "\"kind\": \"oblique\""),
                .init(ignoredFields: ["kind"])
            ),
            (
                "via not an array, chain ignored", replacing("\"via\": []", "\"via\": {}"),
                .init(ignoredFields: ["attribution.via"])
            ),
            (
                "attribution ignored but broken", replacing("\"cue\": {", "\"cue\": 7, \"x\": {"),
                .init(ignoredFields: ["attribution"])
            ),
        ]
        for (label, bytes, comparison) in flaws {
            #expect(Self.quick(claims, bytes, articleLength: n, comparison: comparison) == nil, "\(label)")
            if case .success = Self.full(claims, bytes, articleLength: n, comparison: comparison) {
                Issue.record("the full reader accepts \(label)")
            }
        }
    }

    /// Fixtures the full reader accepts but the quick one leaves to it: numbers that are not
    /// plain integers, escaped keys, deep notes, non-ASCII ids, canonically equivalent
    /// texts. The checker's outcome is the full reader's.
    @Test func unusualButValidFixturesGiveTheFullAnswer() {
        let article = "The mayor said the bridge would reopen.\n"
        let claims = ClaimExtractor().extract(from: article).claims
        let text = claims[0].text
        let n = article.utf8.count
        let cases = [
            "{\"schemaVersion\": 1.0, \"claims\": [{\"text\": \"\(text)\"}]}",
            "{\"schemaVersion\": 01, \"claims\": [{\"text\": \"\(text)\"}]}",
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"\(text)\", \"span\": [1e1, 2E1]}]}",
            "{\"schemaVersion\": 1, \"claims\": [{\"t\\u0065xt\": \"\(text)\"}]}",
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"\(text)\", \"id\": \"é\"}]}",
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"\(text)\", \"note\": \(String(repeating: "[", count: 100))"
                + String(repeating: "]", count: 100) + "}]}",
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"\(text)\", \"note\": {\"a\": 0.5, \"b\": -1, \"c\": [true, null]}}]}",
        ]
        for c in cases {
            #expect(Self.quick(claims, Array(c.utf8), articleLength: n) == nil, "\(c)")
            _ = Self.agree(claims, Array(c.utf8), articleLength: n, c)
        }
        // A note the quick reader does read.
        let note =
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"\(text)\", \"note\": {\"a\": [1, -2, \"x\", {}]}}]}"
        #expect(Self.agree(claims, Array(note.utf8), articleLength: n, note))
    }

    /// `String` equality is canonical equivalence, byte equality is not: claims whose
    /// texts differ only in their Unicode normal form must be paired as the full
    /// comparison pairs them, or left to it.
    @Test func canonicallyEquivalentTextsAgree() {
        let nfc = "the café was open"
        let nfd = "the cafe\u{301} was open"
        #expect(nfc == nfd && Array(nfc.utf8) != Array(nfd.utf8))
        func claim(_ text: String, _ start: Int, _ kind: ClaimKind) -> Claim {
            Claim(id: "c\(start)", text: text, span: Span(start, start + 5), kind: kind)
        }
        let claimSets: [[Claim]] = [
            [claim(nfd, 0, .unattributed), claim(nfc, 10, .direct)],
            [claim(nfc, 0, .unattributed), claim(nfd, 10, .direct)],
            [claim(nfd, 0, .unattributed)],
        ]
        let fixtures = [
            "[{\"text\": \"\(nfc)\", \"optional\": true}, {\"text\": \"\(nfd)\"}]",
            "[{\"text\": \"\(nfc)\", \"kind\": \"direct\"}, {\"text\": \"\(nfd)\", \"kind\": \"unattributed\"}]",
            "[{\"text\": \"\(nfd)\"}, {\"text\": \"\(nfc)\"}]",
            "[{\"text\": \"\(nfc)\"}]",
            "[{\"text\": \"x\", \"optional\": true}, {\"text\": \"\(nfc)\"}, {\"text\": \"\(nfd)\"}]",
        ]
        for claims in claimSets {
            for f in fixtures {
                let doc = Array("{\"schemaVersion\": 1, \"claims\": \(f)}".utf8)
                _ = Self.agree(claims, doc, articleLength: 100, "\(f) / \(claims.map(\.text))")
            }
        }
    }

    /// Thousands of seeded mutations of the corpus fixtures and of generated ones — bytes
    /// deleted, inserted, replaced or copied; keys removed; values replaced; claims
    /// reordered, duplicated, made optional; texts respaced or requoted; white space
    /// changed — each compared both ways under several configurations.
    @Test func mutatedFixturesAgree() {
        var rng = SplitMix64(seed: 0xF1C5_CA11)
        var answered = 0
        var total = 0
        for round in 0..<40 {
            for a in Self.corpus {
                let sources = [a.fixture, Array(ClaimJSON.fixture(article: a.name, claims: a.claims).utf8)]
                let source = sources[round % 2]
                let mutant = Mutator.mutate(source, using: &rng)
                let comparison = Self.comparisons[Int.random(in: 0..<Self.comparisons.count, using: &rng)]
                total += 1
                let label = "\(a.name) round \(round): \(String(decoding: mutant, as: UTF8.self).prefix(300))"
                if Self.agree(a.claims, mutant, articleLength: a.bytes.count, comparison: comparison, label) {
                    answered += 1
                }
            }
        }
        // Both answers must occur, or the test shows nothing.
        #expect(answered > total / 10, "\(answered) of \(total) answered quickly")
        #expect(answered < total * 9 / 10, "\(answered) of \(total) answered quickly")
    }

    /// The checker's outcomes are those of `GoldenCorpus.check` for every corpus article.
    @Test func checkerAgreesWithCheck() throws {
        let corpus = try GoldenCorpus.open(corpus: Package.corpus.path, expected: Package.expected.path)
        let checker = GoldenCorpus.Checker(corpus: corpus, keepClaims: true)
        for name in try corpus.articles() {
            let new = checker.check(name)
            let old = corpus.check(name)
            #expect(new.claims == old.claims, "\(name)")
            #expect(new.articlePath == old.articlePath && new.fixturePath == old.fixturePath)
            switch (new.outcome, old.outcome) {
            case (.passed(let a), .passed(let b)):
                #expect(Self.counts(a) == Self.counts(b), "\(name)")
            default:
                Issue.record("\(name): \(new.outcome) vs \(old.outcome)")
            }
        }
    }

    // MARK: Pieces

    /// The eight-bytes-at-a-time tests agree with a byte-by-byte reference.
    @Test func wordTestsAgreeWithBytes() {
        var rng = SplitMix64(seed: 0x5CA7_0001)
        let interesting: [UInt8] = [
            0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x5C, 0x7F, 0x80, 0xA0, 0xE2, 0xFF,
        ]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<8 {
                bytes.append(
                    Bool.random(using: &rng)
                        ? interesting.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng))
            }
            let w = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let firstSpecial = bytes.firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }
            let special = FixtureScanner.special(w)
            #expect((special == 0 ? nil : special.trailingZeroBitCount >> 3) == firstSpecial, "\(bytes)")
            let zeros = FixtureScanner.zeroBytes(w)
            for (k, b) in bytes.enumerated() {
                #expect((zeros >> (8 * UInt64(k) + 7)) & 1 == (b == 0 ? 1 : 0), "\(bytes)")
            }
        }
    }

    /// White space between tokens: any mix of space, tab, CR and LF is read; any other
    /// control character is left to the full reader (which refuses it).
    @Test func whiteSpaceBetweenTokens() {
        var rng = SplitMix64(seed: 0x5BAC_E001)
        guard let a = Self.corpus.first else { return }
        let compact = Array((try! JSONParser(bytes: a.fixture).parseValue()).compact().utf8)
        let blanks: [[UInt8]] = [
            [0x20], [0x09], [0x0A], [0x0D, 0x0A], [0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20],
        ]
        for round in 0..<200 {
            var out: [UInt8] = []
            var inString = false
            var escaped = false
            let bad = round % 10 == 9
            var insertedBad = false
            for b in compact {
                out.append(b)
                if inString {
                    if escaped {
                        escaped = false
                    } else if b == 0x5C {
                        escaped = true
                    } else if b == 0x22 {
                        inString = false
                    }
                    continue
                }
                if b == 0x22 { inString = true; continue }
                if b == 0x2C || b == 0x3A || b == 0x7B || b == 0x5B, Bool.random(using: &rng) {
                    for _ in 0..<Int.random(in: 1...3, using: &rng) { out += blanks.randomElement(using: &rng)! }
                    if bad && !insertedBad && Int.random(in: 0..<20, using: &rng) == 0 {
                        out += [[0x0B], [0x0C], [0x00], [0xA0]].randomElement(using: &rng)!
                        insertedBad = true
                    }
                }
            }
            let answered = Self.agree(a.claims, out, articleLength: a.bytes.count, "round \(round)")
            #expect(answered != insertedBad, "round \(round)")
        }
    }

    /// The ignore mask knows every field path a configuration may name.
    @Test func ignorablePathsAreTheFieldPaths() {
        #expect(Set(IgnorablePath.names) == CheckConfiguration.fieldPaths.union([""]))
        #expect(IgnorablePath.names.count == Set(IgnorablePath.names).count)
        #expect(IgnorablePath.names[IgnorablePath.viaTime + 2] == "attribution.via.time.span")
        #expect(IgnorablePath.names[IgnorablePath.source + 4] == "attribution.source.role")
        #expect(IgnorablePath.names[IgnorablePath.cue + 3] == "attribution.cue.lemma")
    }

    /// `fields` and `fieldPR` read and write the fixed slots, and keep other names.
    @Test func reportDictionariesRoundTrip() {
        var r = ComparisonReport(fields: ["kind": FieldScore(compared: 2, equal: 1), "other": FieldScore(compared: 1)])
        #expect(r.fields == ["kind": FieldScore(compared: 2, equal: 1), "other": FieldScore(compared: 1)])
        var pr = FieldPrecisionRecall()
        pr.correct = 3
        r.fieldPR = ["cue": pr, "extra": pr]
        #expect(r.fieldPR == ["cue": pr, "extra": pr])
        var total = ComparisonReport()
        total.accumulate(r)
        total.accumulate(r)
        #expect(total.fields["kind"] == FieldScore(compared: 4, equal: 2))
        #expect(total.fields["other"] == FieldScore(compared: 2, equal: 0))
        #expect(total.fieldPR["cue"]?.correct == 6 && total.fieldPR["extra"]?.correct == 6)
        #expect(total.fields.count == 2 && total.fieldPR.count == 2)
    }
}

/// Seeded mutations of fixture bytes, for `mutatedFixturesAgree`.
enum Mutator {
    static let alphabet = Array("{}[]\",:0123456789-.eE+ \n\t\\/untrlsfa".utf8)
    static let pieces: [[UInt8]] = [
        "\\u00e9", "\\ud83d\\ude00", "é", "e\u{301}", "“", "”", "’", "\t", "1e5", "null", "true", "[]", "{}", "\"x\"",
        "\\\"", "\\n", "  ",
    ].map { Array($0.utf8) }

    static func mutate(_ source: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0:
            return bytes(source, using: &rng)
        case 3:
            return bytes(value(source, using: &rng), using: &rng)
        default:
            return value(source, using: &rng)
        }
    }

    static func bytes(_ source: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var b = source
        for _ in 0..<[1, 1, 1, 2, 3].randomElement(using: &rng)! {
            let i = Int.random(in: 0...b.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0 where !b.isEmpty: b.remove(at: min(i, b.count - 1))
            case 1: b.insert(alphabet.randomElement(using: &rng)!, at: i)
            case 2 where !b.isEmpty: b[min(i, b.count - 1)] = alphabet.randomElement(using: &rng)!
            case 3 where !b.isEmpty:
                let j = Int.random(in: 0..<b.count, using: &rng)
                let k = min(b.count, j + Int.random(in: 1..<40, using: &rng))
                b.insert(contentsOf: b[j..<k], at: i)
            default: b.insert(contentsOf: pieces.randomElement(using: &rng)!, at: i)
            }
        }
        return b
    }

    /// A change to the parsed fixture, written back in one of three layouts.
    static func value(_ source: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var parser = JSONParser(bytes: source)
        guard var doc = try? parser.parse() else { return bytes(source, using: &rng) }
        for _ in 0..<[1, 1, 2].randomElement(using: &rng)! { doc = change(doc, using: &rng) }
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return Array(doc.serialized().utf8)
        case 1: return Array(doc.compact().utf8)
        default:
            // ASCII only: every other scalar as \u escapes.
            var out = ""
            for u in doc.compact().unicodeScalars {
                if u.value < 0x80 {
                    out.unicodeScalars.append(u)
                } else {
                    for unit in String(u).utf16 { out += String(format: "\\u%04x", unit) }
                }
            }
            return Array(out.utf8)
        }
    }

    static func change(_ doc: JSONValue, using rng: inout SplitMix64) -> JSONValue {
        guard case .object(var root) = doc, let c = root.firstIndex(where: { $0.0 == "claims" }),
            case .array(var claims) = root[c].1, !claims.isEmpty
        else { return doc }
        let k = Int.random(in: 0..<claims.count, using: &rng)
        guard case .object(var claim) = claims[k] else { return doc }
        switch Int.random(in: 0..<12, using: &rng) {
        case 0 where !claim.isEmpty: claim.remove(at: Int.random(in: 0..<claim.count, using: &rng))
        case 1: set(&claim, "optional", .bool(Bool.random(using: &rng)))
        case 2: claims.shuffle(using: &rng)
        case 3: claim = claim.map { ($0.0, $0.0 == "attribution" ? drop(in: $0.1, using: &rng) : $0.1) }
        case 4: claim = claim.map { ($0.0, $0.0 == "attribution" ? deep(in: $0.1, using: &rng) : $0.1) }
        case 5: claim = claim.map { ($0.0, $0.0 == "text" ? respace($0.1) : $0.1) }
        case 6: claim = claim.map { ($0.0, $0.0 == "text" ? requote($0.1) : $0.1) }
        case 7 where claims.count > 1: claims.remove(at: k)
        case 8: claims.append(claims[k])
        case 9: claim = claim.map { ($0.0, $0.0 == "text" ? shorten($0.1) : $0.1) }
        case 10:
            claim = claim.map {
                guard $0.0 == "span", case .array(let s) = $0.1, s.count == 2, case .number(let e) = s[1] else {
                    return $0
                }
                return ($0.0, .array([s[0], .number(e + Double(Int.random(in: -1...1, using: &rng)))]))
            }
        default:
            set(
                &claim, ["kind", "id", "note", "quotes"].randomElement(using: &rng)!,
                [.null, .string("direct"), .array([]), .object([]), .number(3), .string("x")].randomElement(
                    using: &rng)!)
        }
        if claims.indices.contains(k), case .object = claims[k] { claims[k] = .object(claim) }
        root[c].1 = .array(claims)
        return .object(root)
    }

    static func set(_ pairs: inout [(String, JSONValue)], _ key: String, _ value: JSONValue) {
        if let i = pairs.firstIndex(where: { $0.0 == key }) { pairs[i].1 = value } else { pairs.append((key, value)) }
    }

    /// Removes one key of the attribution or of its source, cue or time.
    static func drop(in v: JSONValue, using rng: inout SplitMix64) -> JSONValue {
        guard case .object(var a) = v, !a.isEmpty else { return v }
        let i = Int.random(in: 0..<a.count, using: &rng)
        if case .object(var inner) = a[i].1, !inner.isEmpty, Bool.random(using: &rng) {
            inner.remove(at: Int.random(in: 0..<inner.count, using: &rng))
            a[i].1 = .object(inner)
        } else {
            a.remove(at: i)
        }
        return .object(a)
    }

    /// Changes one value inside the attribution: a role, a type, a time, a hop.
    static func deep(in v: JSONValue, using rng: inout SplitMix64) -> JSONValue {
        guard case .object(var a) = v else { return v }
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: set(&a, "time", Bool.random(using: &rng) ? .null : .object([("text", .string("on Friday"))]))
        case 1: set(&a, "via", .array([]))
        case 2:
            if let s = a.firstIndex(where: { $0.0 == "source" }), case .object(var src) = a[s].1 {
                set(&src, "role", Bool.random(using: &rng) ? .null : .string("minister"))
                a[s].1 = .object(src)
            }
        default:
            if let s = a.firstIndex(where: { $0.0 == "source" }), case .object(var src) = a[s].1 {
                set(&src, "type", .string(["person", "media", "group", "alien"].randomElement(using: &rng)!))
                a[s].1 = .object(src)
            }
        }
        return .object(a)
    }

    static func respace(_ v: JSONValue) -> JSONValue {
        guard case .string(let s) = v else { return v }
        return .string("  " + s.replacingOccurrences(of: " ", with: " \n ") + "\t")
    }

    static func requote(_ v: JSONValue) -> JSONValue {
        guard case .string(let s) = v else { return v }
        return .string(
            s.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "“", with: "\"")
                .replacingOccurrences(of: "”", with: "\"").replacingOccurrences(of: "'", with: "‘"))
    }

    static func shorten(_ v: JSONValue) -> JSONValue {
        guard case .string(let s) = v, !s.isEmpty else { return v }
        return .string(String(s.dropLast()))
    }
}

extension JSONParser {
    /// Parses, for tests that know the text is JSON.
    func parseValue() throws -> JSONValue {
        var copy = self
        return try copy.parse()
    }
}
