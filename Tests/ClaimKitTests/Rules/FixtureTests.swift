import ClaimKit
import Foundation
import Testing

/// Fixture loading and validation: every problem is reported as `file:line:column: message`.
@Suite struct FixtureTests {
    static let valid = """
        {
          "schemaVersion": 1,
          "article": "ferry.txt",
          "claims": [
            {
              "id": "c00000001",
              "text": "the pier was sound",
              "span": [15, 33],
              "kind": "indirect",
              "quotes": [],
              "attribution": {
                "source": { "text": "The skipper", "name": "skipper", "role": null, "type": "anonymous" },
                "cue": { "text": "said", "lemma": "say" },
                "time": null,
                "via": [
                  { "source": { "text": "Reuters", "name": "Reuters", "type": "media" }, "cue": { "text": "told" }, "time": null }
                ]
              }
            },
            { "text": "The ferry sank", "kind": "unattributed", "attribution": null, "optional": true, "note": "made up" },
            { "text": "mixed one", "kind": "mixed", "quotes": ["a fragment", { "text": "another" }] }
          ]
        }
        """

    @Test func validFixtureLoads() throws {
        let fixture = try Fixture.parse(Array(Self.valid.utf8), path: "ferry.json")
        #expect(fixture.path == "ferry.json")
        #expect(fixture.article == "ferry.txt")
        #expect(fixture.claims.map(\.text) == ["the pier was sound", "The ferry sank", "mixed one"])
        #expect(fixture.claims.map(\.isOptional) == [false, true, false])
        #expect(fixture.claims.map(\.path) == ["claims/0", "claims/1", "claims/2"])
        #expect(fixture.claims[0].json["kind"] == .string("indirect"))
    }

    @Test func locationOfAFieldAndItsNearestEnclosingValue() throws {
        let fixture = try Fixture.parse(Array(Self.valid.utf8), path: "ferry.json")
        #expect(fixture.location(of: "claims/0/attribution/cue/lemma") == JSONLocation(line: 13, column: 43))
        // A field the fixture does not state falls back to the nearest enclosing value.
        #expect(fixture.location(of: "claims/0/attribution/cue/span") == JSONLocation(line: 13, column: 16))
        #expect(fixture.location(of: "claims/1") == JSONLocation(line: 20, column: 5))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var json: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "not an object", json: "[]", line: 1, column: 1, message: "expected an object"),
        Case(
            name: "unknown top-level key",
            json: "{\n  \"schemaVersion\": 1,\n  \"claimz\": []\n}", line: 3, column: 13,
            message: "unknown key \"claimz\""),
        Case(name: "missing schemaVersion", json: "{\"claims\": []}", line: 1, column: 1, message: "schemaVersion"),
        Case(
            name: "unknown schemaVersion",
            json: "{\n  \"schemaVersion\": 7,\n  \"claims\": []\n}", line: 2, column: 20,
            message: "unknown schemaVersion 7"),
        Case(
            name: "claims not an array",
            json: "{\"schemaVersion\": 1, \"claims\": {}}", line: 1, column: 32, message: "\"claims\" to be an array"),
        Case(
            name: "claim without text",
            json: "{\"schemaVersion\": 1, \"claims\": [\n  {\"kind\": \"direct\"}\n]}", line: 2, column: 3,
            message: "expected \"text\""),
        Case(
            name: "unknown kind",
            json: "{\"schemaVersion\": 1, \"claims\": [\n  {\"text\": \"x\", \"kind\": \"quoted\"}\n]}", line: 2,
            column: 25,
            message: "one of direct, indirect, mixed, unattributed"),
        Case(
            name: "bad span",
            json: "{\"schemaVersion\": 1, \"claims\": [\n  {\"text\": \"x\", \"span\": [9, 3]}\n]}", line: 2,
            column: 25,
            message: "span"),
        Case(
            name: "unknown source type",
            json:
                "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"x\",\n \"attribution\": {\"source\": {\"type\": \"robot\"}}}]}",
            line: 2, column: 37, message: "expected type to be one of"),
        Case(
            name: "unknown key in a hop",
            json:
                "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"x\",\n \"attribution\": {\"via\": [{\"who\": 1}]}}]}",
            line: 2, column: 34, message: "unknown key \"who\""),
        Case(
            name: "duplicate id",
            json:
                "{\"schemaVersion\": 1, \"claims\": [\n{\"id\": \"c1\", \"text\": \"x\"},\n{\"id\": \"c1\", \"text\": \"y\"}]}",
            line: 3, column: 8, message: "duplicate claim id \"c1\""),
        Case(
            name: "optional not a boolean",
            json: "{\"schemaVersion\": 1, \"claims\": [\n{\"text\": \"x\", \"optional\": \"yes\"}]}", line: 2,
            column: 27,
            message: "\"optional\" to be true or false"),
        Case(
            name: "JSON syntax error",
            json: "{\n  \"schemaVersion\": 1,\n  \"claims\": [,]\n}", line: 3, column: 14, message: "invalid JSON"),
    ])
    func errorsSayWhere(_ c: Case) {
        do {
            _ = try Fixture.parse(Array(c.json.utf8), path: "bad.json")
            Issue.record("accepted an invalid fixture")
        } catch let error as FixtureError {
            #expect(error.path == "bad.json")
            #expect(error.location == JSONLocation(line: c.line, column: c.column), "\(error)")
            #expect(error.message.contains(c.message), "\(error.message)")
            #expect(error.description.hasPrefix("bad.json:\(c.line):\(c.column): "), "\(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func invalidUTF8IsRejectedAtItsByte() {
        let bytes: [UInt8] =
            Array("{\"schemaVersion\": 1, \"claims\": [{\"text\": \"".utf8) + [0xFF, 0xFE] + Array("\"}]}".utf8)
        #expect(throws: FixtureError.self) { try Fixture.parse(bytes, path: "bad.json") }
        do {
            _ = try Fixture.parse(bytes, path: "bad.json")
        } catch let error as FixtureError {
            #expect(error.location == SourceLocation(line: 1, column: 43))
            #expect(error.description == "bad.json:1:43: invalid UTF-8 at byte offset 42; a fixture is UTF-8 JSON")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func missingFileIsAFixtureError() {
        let url = URL(fileURLWithPath: "/nonexistent/dir/none.json")
        #expect(throws: FixtureError.self) { try Fixture.load(contentsOf: url) }
    }

    @Test func extractorOutputWrittenAsAFixtureReadsBack() throws {
        let claims = ClaimExtractor().extract(from: "The skipper told Reuters the pier was sound. The ferry sank.")
            .claims
        let text = ClaimJSON.fixture(article: "ferry.txt", claims: claims)
        #expect(text.hasSuffix("}\n"))
        let fixture = try Fixture.parse(Array(text.utf8), path: "ferry.json")
        #expect(fixture.claims.map(\.text) == claims.map(\.text))
        let report = ClaimComparison(tolerance: 1).compare(claims, with: fixture)
        #expect(report.differences.isEmpty)
    }
}
