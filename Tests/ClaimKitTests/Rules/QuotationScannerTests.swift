import Testing

@testable import ClaimKit

/// Pairing quotation marks into quotations, paragraph by paragraph.
@Suite struct QuotationScannerTests {
    /// Contents of the top-level quotations.
    func quotations(_ input: String) -> [String] {
        let a = analyze(input)
        return a.quotations.filter { $0.depth == 0 }.map { a.string($0.content) }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var quotations: [String]
        var testDescription: String { input }
    }

    @Test(arguments: [
        Case(input: "She said: “The ferry is late.”", quotations: ["The ferry is late."]),
        Case(input: "She said: \"The ferry is late.\"", quotations: ["The ferry is late."]),
        Case(input: "She said: ‘The ferry is late.’", quotations: ["The ferry is late."]),
        Case(input: "She said: «The ferry is late.»", quotations: ["The ferry is late."]),
        Case(input: "“One,” she said, “two.”", quotations: ["One,", "two."]),
        // Apostrophes are not quotation marks.
        Case(input: "The pilots’ union said the captain’s log was lost in the ’90s.", quotations: []),
        Case(input: "She said: “The pilots’ union is angry.”", quotations: ["The pilots’ union is angry."]),
        Case(input: "He said: ‘The drivers’ union will strike.’", quotations: ["The drivers’ union will strike."]),
        Case(input: "Rock ’n’ roll ’em all.", quotations: []),
    ])
    func pairs(_ c: Case) {
        #expect(quotations(c.input) == c.quotations)
    }

    @Test func nestedQuotationHasDepthOne() throws {
        let a = analyze("She said: “They told us ‘wait’ and left.”")
        #expect(a.quotations.count == 2)
        let outer = try #require(a.quotations.first { $0.depth == 0 })
        let inner = try #require(a.quotations.first { $0.depth == 1 })
        #expect(a.string(outer.content) == "They told us ‘wait’ and left.")
        #expect(a.string(inner.content) == "wait")
        #expect(outer.isDouble && !inner.isDouble)
    }

    @Test func marksAreFlaggedAndInteriorTokensKnowTheirQuotation() throws {
        let a = analyze("She said: “Go home.” Then she left.")
        let open = try #require(a.token("“"))
        let close = try #require(a.token("”"))
        #expect(a.tokens[open].flags.contains(.opensQuote))
        #expect(a.tokens[close].flags.contains(.closesQuote))
        let q = try #require(a.quotation(openedAt: open))
        #expect(a.quotation(closedAt: close) == q)
        #expect(a.quotationOfToken[a.token("home")!] == Int32(q))
        #expect(a.quotationOfToken[a.token("Then")!] == -1)
    }

    @Test func unclosedQuotationRunsToItsParagraphEndAndIsReported() throws {
        let input = "She said: “The ferry is late.\n\nThe pier closed."
        let a = analyze(input)
        let q = try #require(a.quotations.first)
        #expect(q.close == nil)
        #expect(a.string(q.content) == "The ferry is late.")
        #expect(a.issues.map(\.kind) == [.unclosedQuote])
        #expect(a.issues.first.map { a.string($0.span) } == "“")
    }

    @Test func strayClosingMarkIsReported() {
        let a = analyze("The ferry is late.” The pier closed.")
        #expect(a.quotations.isEmpty)
        #expect(a.issues.map(\.kind) == [.strayClosingQuote])
    }

    @Test func quotationContinuesIntoAParagraphThatReopensIt() {
        let a = analyze("She said: “The ferry is late.\n\n“The pier is closed.”")
        #expect(a.quotations.count == 2)
        #expect(a.quotations[0].continuesIntoNext)
        #expect(a.quotations[1].continuesFromPrevious)
        #expect(a.issues.isEmpty, "a continued quotation is not an unclosed one")
    }

    @Test func quotationDoesNotContinueIntoAParagraphThatDoesNotReopenIt() {
        let a = analyze("She said: “The ferry is late.\n\nThe pier closed.")
        #expect(!a.quotations[0].continuesIntoNext)
    }

    @Test func emptyQuotationHasEmptyContent() throws {
        let a = analyze("She said “” and left.")
        let q = try #require(a.quotations.first)
        #expect(q.content.isEmpty)
        #expect(q.contentTokens.isEmpty)
    }
}
