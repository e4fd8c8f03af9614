import ClaimKit
import Foundation
import Testing

/// Fixtures that review well (format), partial fixtures, and claimcheck.json.
@Suite struct FixtureFormatTests {
    static let reference = Package.corpus.appendingPathComponent("turkey-libya-security-deal.txt").path

    func referenceClaims() throws -> [Claim] {
        ClaimExtractor().extract(utf8: try ArticleReader.read(path: Self.reference).bytes).claims
    }

    // MARK: Format

    @Test func fixtureTextIsStableLFTwoSpaceSchemaOrdered() throws {
        let claims = try referenceClaims()
        try #require(claims.count >= 2)
        let text = ClaimJSON.fixture(article: "turkey-libya-security-deal.txt", claims: claims.reversed())
        #expect(
            text == ClaimJSON.fixture(article: "turkey-libya-security-deal.txt", claims: claims),
            "input order does not matter")
        #expect(!text.contains("\r"))
        #expect(text.hasSuffix("}\n") && !text.hasSuffix("\n\n"), "exactly one final newline")
        for line in text.split(separator: "\n") {
            let indent = line.prefix { $0 == " " }.count
            #expect(indent % 2 == 0, "two-space indentation: \(line)")
            #expect(!line.contains("\t"))
        }
        var parser = JSONParser(text)
        let root = try parser.parse()
        guard case .object(let top) = root, case .array(let items)? = root["claims"] else {
            Issue.record("not a fixture document")
            return
        }
        #expect(top.map(\.0) == ["schemaVersion", "article", "claims"])
        #expect(root["schemaVersion"] == .number(Double(ClaimJSON.schemaVersion)))
        var previous: (Double, Double) = (-1, -1)
        for item in items {
            guard case .object(let pairs) = item, case .array(let span)? = item["span"],
                case .number(let s)? = span.first, case .number(let e)? = span.last
            else {
                Issue.record("claim without a span")
                continue
            }
            #expect(pairs.map(\.0) == ["id", "text", "span", "kind", "quotes", "attribution"])
            if case .object(let a)? = item["attribution"] {
                #expect(a.map(\.0) == ["source", "cue", "time", "via"])
                if case .object(let source)? = item["attribution"]?["source"] {
                    #expect(source.map(\.0) == ["text", "span", "name", "role", "type"])
                }
            }
            #expect((s, e) >= previous, "claims sorted by span")
            previous = (s, e)
        }
        // No timestamps or tool versions: every key is a schema key.
        func keys(_ v: JSONValue) -> Set<String> {
            switch v {
            case .object(let pairs): return pairs.reduce(into: Set(pairs.map(\.0))) { $0.formUnion(keys($1.1)) }
            case .array(let items): return items.reduce(into: Set<String>()) { $0.formUnion(keys($1)) }
            default: return []
            }
        }
        #expect(
            keys(root).isSubset(of: [
                "schemaVersion", "article", "claims", "id", "text", "span", "kind", "quotes", "attribution",
                "source", "cue", "time", "via", "name", "role", "type", "lemma",
            ]))
        let fixture = try Fixture.parse(Array(text.utf8), path: "t.json")
        #expect(ClaimComparison().compare(claims, with: fixture).passed, "a recorded fixture passes")
    }

    @Test func repositoryKeepsFixturesLF() throws {
        let attributes = try String(contentsOf: Package.root.appendingPathComponent(".gitattributes"), encoding: .utf8)
        #expect(attributes.split(separator: "\n").contains("Expected/*.json text eol=lf"))
    }

    // MARK: Partial fixtures

    func fixture(_ claims: [JSONValue]) throws -> Fixture {
        let doc: JSONValue = .object([("schemaVersion", .number(1)), ("claims", .array(claims))])
        return try Fixture.parse(Array(doc.serialized().utf8), path: "partial.json")
    }

    func set(_ claim: JSONValue, _ key: String, _ value: JSONValue?) -> JSONValue {
        guard case .object(var pairs) = claim else { return claim }
        pairs.removeAll { $0.0 == key }
        if let value { pairs.append((key, value)) }
        return .object(pairs)
    }

    @Test func absentFieldsAreNotAsserted() throws {
        let claims = try referenceClaims()
        let full = claims.map { ClaimJSON.value($0) }
        let textOnly = full.map { .object([("text", $0["text"]!)]) as JSONValue }
        #expect(ClaimComparison().compare(claims, with: try fixture(textOnly)).passed)
        // A stated field is asserted…
        let wrongKind: JSONValue = .string(claims[0].kind == .direct ? "unattributed" : "direct")
        var stated = textOnly
        stated[0] = set(stated[0], "kind", wrongKind)
        let report = ClaimComparison().compare(claims, with: try fixture(stated))
        #expect(report.differences.map(\.field) == ["kind"])
        // …and only the fields stated under attribution.
        var nested = full
        nested[0] = set(nested[0], "attribution", .object([("cue", .object([("lemma", .string("zzz"))]))]))
        let n = ClaimComparison().compare(claims, with: try fixture(nested))
        #expect(n.differences.map(\.field) == [claims[0].attribution == nil ? "attribution" : "attribution.cue.lemma"])
        // null asserts "none".
        if let i = claims.firstIndex(where: { $0.attribution != nil }) {
            var none = full
            none[i] = set(none[i], "attribution", .null)
            #expect(
                ClaimComparison().compare(claims, with: try fixture(none)).differences.map(\.field) == ["attribution"])
        }
    }

    /// A quoted fragment may be a plain string, a time may not (docs/ANNOTATION.md writes
    /// times as `{"text": …}`, as every fixture in Expected/ does); docs/FIXTURES.md says so.
    @Test func aTimeIsAnObjectOrNullNeverAPlainString() throws {
        let quote: JSONValue = .object([("text", .string("a")), ("quotes", .array([.string("a")]))])
        _ = try fixture([quote])
        let time: JSONValue = .object([
            ("text", .string("a")), ("attribution", .object([("time", .string("on Friday"))])),
        ])
        #expect {
            _ = try fixture([time])
        } throws: { error in
            (error as? FixtureError)?.message
                == "expected {\"text\": …} or null for \"time\" (a time is never a plain string)"
        }
        let doc = try String(contentsOf: Package.root.appendingPathComponent("docs/FIXTURES.md"), encoding: .utf8)
        let row = try #require(doc.split(separator: "\n").first { $0.hasPrefix("| `time` |") })
        #expect(row.contains(#"`{"text", "span"}` or `null`"#) && row.contains("never a plain string"), "\(row)")
    }

    @Test func optionalClaimsAreNeitherRequiredNorExtra() throws {
        let claims = try referenceClaims()
        var items = claims.map { ClaimJSON.value($0) }
        let invented: JSONValue = .object([
            ("text", .string("A sentence this article never had")), ("optional", .bool(true)),
            ("note", .string("ambiguous")),
        ])
        items.append(invented)
        items[0] = set(items[0], "optional", .bool(true))
        let report = ClaimComparison().compare(claims, with: try fixture(items))
        #expect(report.passed)
        #expect(report.truePositives == claims.count - 1, "an optional claim is not counted")
        #expect(report.falseNegatives == 0)
        // Without "optional" the invented claim is missing.
        items[items.count - 1] = set(invented, "optional", nil)
        let strict = ClaimComparison().compare(claims, with: try fixture(items))
        #expect(strict.differences.map(\.kind) == [.missing])
        // An optional claim the extractor did not find is not an extra either way.
        items.removeFirst()
        items[items.count - 1] = set(invented, "optional", .bool(true))
        let without = ClaimComparison().compare(claims, with: try fixture(items))
        #expect(without.differences.map(\.kind) == [.extra], "claims[0] is no longer in the fixture")
    }

    // MARK: claimcheck.json

    @Test func configurationParsesAndLocatesErrors() throws {
        let ok = try CheckConfiguration.parse(
            Array(#"{"tolerance": 1, "ignore": ["attribution.time", "attribution.via.cue.lemma"]}"#.utf8),
            path: "c.json")
        #expect(ok == CheckConfiguration(tolerance: 1, ignore: ["attribution.time", "attribution.via.cue.lemma"]))
        #expect(ok.comparison.tolerance == 1)
        #expect(ok.comparison.ignoredFields == ["attribution.time", "attribution.via.cue.lemma"])
        let cases: [(String, String)] = [
            ("{\n  \"tolerance\": 1.5\n}", "c.json:2:16: expected \"tolerance\""),
            ("{\n  \"ignore\": [\"kind\", \"attribution.tme\"]\n}", "c.json:2:22: expected a field path"),
            ("{\n  \"tolerence\": 0.9\n}", "c.json:2:16: unknown key \"tolerence\""),
            ("{\"ignore\": \"kind\"}", "c.json:1:12: expected \"ignore\" to be an array"),
            ("[1]", "c.json:1:1: expected an object"),
            ("{\"tolerance\": }", "c.json:1:15: invalid JSON"),
        ]
        for (text, message) in cases {
            #expect {
                _ = try CheckConfiguration.parse(Array(text.utf8), path: "c.json")
            } throws: { error in
                (error as? FixtureError)?.description.hasPrefix(message) == true
            }
        }
        let t = try TemporaryCorpus(articles: [:])
        #expect(try CheckConfiguration.load(corpus: t.corpus) == CheckConfiguration(), "no file: the defaults")
    }

    @Test func configurationIsUsedByCheckDiffReviewAndUpdate() throws {
        let t = try TemporaryCorpus()
        try t.recordAll()
        try t.breakKind("harbour")
        let config = FilePath.join(t.corpus, "claimcheck.json")
        let article = FilePath.join(t.corpus, "harbour.txt")
        #expect(tool(["check", t.corpus, t.expected]).status == 1)
        #expect(tool(["diff", article, t.fixturePath("harbour")]).status == 1)

        try t.write(#"{"ignore": ["kind"]}"#, to: config)
        #expect(tool(["check", t.corpus, t.expected]).status == 0)
        #expect(tool(["diff", article, t.fixturePath("harbour")]).status == 0)
        #expect(
            tool(["update", t.corpus, t.expected]).out.contains("nothing to update"), "update proposes what check fails"
        )

        // Review compares a pending fixture with the same settings.
        try t.write(try t.read(t.fixturePath("library")), to: t.pendingPath("library"))
        try t.breakKind("library")
        #expect(tool(["review", t.corpus, t.expected]).out.contains("no asserted field changes"))

        try t.write(#"{"tolerance": 7}"#, to: config)
        let bad = tool(["check", t.corpus, t.expected])
        #expect(bad.status == 2)
        #expect(bad.err.contains("claimcheck.json:1:15"), "\(bad.err)")
        #expect(tool(["diff", article, t.fixturePath("harbour")]).status == 2)
    }

    @Test func toleranceDecidesFuzzyTextMatches() throws {
        let claims = try referenceClaims()
        guard let long = claims.firstIndex(where: { $0.text.split(separator: " ").count >= 12 }) else {
            Issue.record("no long claim in the reference article")
            return
        }
        var items = claims.map { ClaimJSON.value($0) }
        var words = claims[long].text.split(separator: " ").map(String.init)
        words[words.count / 2] = "zzzz"
        items[long] = set(items[long], "text", .string(words.joined(separator: " ")))
        let fx = try fixture(items.map { $0.removingKeys(["id"]) })
        let loose = CheckConfiguration(tolerance: 0.8).comparison.compare(claims, with: fx)
        #expect(loose.differences.map(\.kind) == [.field], "matched despite one word; the text field differs")
        let exact = CheckConfiguration(tolerance: 1).comparison.compare(claims, with: fx)
        #expect(Set(exact.differences.map(\.kind)) == [.missing, .extra])
    }

    // MARK: Locations

    /// Numbers follow JSON's grammar, not `Double(_:)`'s: no leading zero, digits after
    /// a point and in an exponent.
    @Test func numbersFollowTheJSONGrammar() throws {
        for good in ["0", "-0", "7", "10", "-12", "0.5", "1.25e3", "1E-2", "2e+10", "-0.0e0"] {
            var p = JSONParser(good)
            #expect(try p.parse() == .number(Double(good)!), "\(good)")
        }
        for bad in [
            "01", "-01", "00", "007", "1.", "1.e5", "-", "-a", "1e", "1e+", "1E-", "0.5.5", "1e5e5", "1-2", "1+",
        ] {
            var p = JSONParser(bad)
            #expect(throws: JSONSyntaxError.self, "\(bad)") { try p.parse() }
        }
    }

    @Test func locationsAreLineAndCharacterColumn() throws {
        let text = "{\n  \"a\": \"é€𝄞\", \"b\": [1,\n\n    2],\n\"c\": {\"d\": null}}"
        var parser = JSONParser(text)
        _ = try parser.parse()
        #expect(parser.location(of: "a") == SourceLocation(line: 2, column: 8))
        #expect(parser.location(of: "b") == SourceLocation(line: 2, column: 20))
        #expect(parser.location(of: "b/1") == SourceLocation(line: 4, column: 5))
        #expect(parser.location(of: "c/d") == SourceLocation(line: 5, column: 12))
        #expect(parser.location(of: "") == SourceLocation(line: 1, column: 1))
    }
}
