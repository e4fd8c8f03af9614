import ClaimKit
import Testing

/// The ordered JSON value: a parser that remembers locations and a writer that keeps key order.
@Suite struct JSONValueTests {
    // MARK: Parser

    @Test func parsesEveryKindOfValue() throws {
        var parser = JSONParser(
            #"{"a": [1, -2.5, 3e2], "b": true, "c": false, "d": null, "e": "x\ny\u00e9\ud83d\ude00"}"#)
        let v = try parser.parse()
        #expect(v["a"] == .array([.number(1), .number(-2.5), .number(300)]))
        #expect(v["b"] == .bool(true))
        #expect(v["c"] == .bool(false))
        #expect(v["d"] == .null)
        #expect(v["e"] == .string("x\nyé😀"))
        #expect(v["missing"] == nil)
    }

    @Test func keepsKeyOrder() throws {
        var parser = JSONParser(#"{"zeta": 1, "alpha": 2, "mid": 3}"#)
        guard case .object(let pairs) = try parser.parse() else { Issue.record("not an object"); return }
        #expect(pairs.map(\.0) == ["zeta", "alpha", "mid"])
    }

    @Test func recordsTheLocationOfEveryValueByPath() throws {
        let text = """
            {
              "claims": [
                { "text": "Fares rose", "kind": "indirect" },
                {
                  "text": "Zoë left",
                  "kind": "unattributed"
                }
              ]
            }
            """
        var parser = JSONParser(text)
        _ = try parser.parse()
        #expect(parser.location(of: "") == JSONLocation(line: 1, column: 1))
        #expect(parser.location(of: "claims") == JSONLocation(line: 2, column: 13))
        #expect(parser.location(of: "claims/0") == JSONLocation(line: 3, column: 5))
        #expect(parser.location(of: "claims/0/kind") == JSONLocation(line: 3, column: 37))
        #expect(parser.location(of: "claims/1/text") == JSONLocation(line: 5, column: 15))
        #expect(parser.location(of: "claims/1/kind") == JSONLocation(line: 6, column: 15))
        #expect(parser.location(of: "claims/2") == nil)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        var parser = JSONParser(#"{"é": "ü", "k": 1}"#)
        _ = try parser.parse()
        // {"é": "ü", "k": 1} — "k"'s value is the 17th character.
        #expect(parser.location(of: "k") == JSONLocation(line: 1, column: 17))
    }

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        var json: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { json }
    }

    @Test(arguments: [
        ErrorCase(json: "{\n  \"a\": 1\n  \"b\": 2\n}", line: 3, column: 3, message: "expected ',' or '}'"),
        ErrorCase(json: "[1, 2", line: 1, column: 6, message: "unexpected end of file"),
        ErrorCase(json: "{\"a\": tru}", line: 1, column: 7, message: "unexpected text; expected a JSON value"),
        ErrorCase(json: "{\"a\": 1, \"a\": 2}", line: 1, column: 10, message: "duplicate key"),
        ErrorCase(json: "{\"a\": \"x\ny\"}", line: 1, column: 9, message: "unterminated string"),
        ErrorCase(json: "{a: 1}", line: 1, column: 2, message: "expected a key"),
        ErrorCase(json: "[1] 2", line: 1, column: 5, message: "unexpected text after"),
        ErrorCase(json: "\"\\q\"", line: 1, column: 4, message: "invalid escape"),
        ErrorCase(json: "", line: 1, column: 1, message: "unexpected end of file"),
    ])
    func syntaxErrorsSayWhere(_ c: ErrorCase) {
        var parser = JSONParser(c.json)
        do {
            _ = try parser.parse()
            Issue.record("parsed invalid JSON")
        } catch let error as JSONSyntaxError {
            #expect(error.location == JSONLocation(line: c.line, column: c.column), "\(error)")
            #expect(error.message.contains(c.message), "\(error.message)")
            #expect(error.description.hasPrefix("\(c.line):\(c.column): "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        var parser = JSONParser(String(repeating: "[", count: 5000))
        #expect(throws: JSONSyntaxError.self) { try parser.parse() }
    }

    // MARK: Writer

    @Test func writesKeysInStoredOrderWithTwoSpaceIndent() {
        let v: JSONValue = .object([
            ("text", .string("Fares rose")),
            ("span", .array([.number(4), .number(14)])),
            ("quotes", .array([])),
            ("attribution", .null),
            ("extra", .object([("b", .bool(true)), ("a", .number(2.5))])),
            ("empty", .object([])),
        ])
        #expect(
            v.serialized() == """
                {
                  "text": "Fares rose",
                  "span": [4, 14],
                  "quotes": [],
                  "attribution": null,
                  "extra": {
                    "b": true,
                    "a": 2.5
                  },
                  "empty": {}
                }
                """)
    }

    @Test func arraysOfObjectsAreOneItemPerLine() {
        let v: JSONValue = .array([.object([("k", .number(1))]), .string("s")])
        #expect(v.serialized() == "[\n  {\n    \"k\": 1\n  },\n  \"s\"\n]")
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("say \"hi\"", #""say \"hi\"""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nbreak\ttab\rreturn", #""line\nbreak\ttab\rreturn""#),
        ("bell\u{07}", #""bell\u0007""#),
        ("sep\u{2028}x", #""sep\u2028x""#),
        ("curly “quotes” and é", "\"curly “quotes” and é\""),
    ])
    func escapesStrings(_ raw: String, _ written: String) throws {
        #expect(JSONValue.string(raw).compact() == written)
        var parser = JSONParser(written)
        #expect(try parser.parse() == .string(raw))
    }

    @Test func numbersAreWrittenAsIntegersWhenWhole() {
        #expect(JSONValue.number(3).compact() == "3")
        #expect(JSONValue.number(-12).compact() == "-12")
        #expect(JSONValue.number(0.5).compact() == "0.5")
    }

    @Test func compactIsOneLine() {
        let v: JSONValue = .object([("a", .array([.number(1), .number(2)])), ("b", .object([("c", .null)]))])
        #expect(v.compact() == #"{"a":[1, 2],"b":{"c":null}}"#)
    }

    @Test func serialisedTextParsesBackToTheSameValue() throws {
        let v: JSONValue = .object([
            ("z", .array([.string("a\"b"), .number(1.25), .bool(false), .null])),
            ("a", .object([("nested", .array([.array([])]))])),
        ])
        var pretty = JSONParser(v.serialized())
        #expect(try pretty.parse() == v)
        var compact = JSONParser(v.compact())
        #expect(try compact.parse() == v)
    }

    @Test func equalityIsOrderSensitiveForObjects() {
        let ab: JSONValue = .object([("a", .null), ("b", .null)])
        let ba: JSONValue = .object([("b", .null), ("a", .null)])
        #expect(ab != ba)
        #expect(ab == .object([("a", .null), ("b", .null)]))
    }
}
