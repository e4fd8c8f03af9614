import Testing

@testable import ClaimKit

/// Datelines and wire credits opening a paragraph are stripped, never a source.
@Suite struct DatelineDetectorTests {
    /// The paragraph's body after any dateline.
    func body(_ input: String) -> String {
        let a = analyze(input)
        let p = a.paragraphs[0]
        return a.string(Span(Int(a.tokens[p.bodyStart].start), p.span.end))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var body: String
        var testDescription: String { input }
    }

    @Test(arguments: [
        Case(input: "PORT ELSWICK — The ferry left.", body: "The ferry left."),
        Case(input: "ELSWICK (Wirenews) - The ferry left.", body: "The ferry left."),
        Case(input: "ELSWICK, Norland (Wirenews) — The ferry left.", body: "The ferry left."),
        Case(input: "ELSWICK, May 4 (Wirenews) -- The ferry left.", body: "The ferry left."),
        // Not datelines: no dash, or no capitals, or an acronym opening a sentence.
        Case(input: "ELSWICK is a port.", body: "ELSWICK is a port."),
        Case(input: "The NATO envoy — a veteran — spoke.", body: "The NATO envoy — a veteran — spoke."),
        Case(input: "Elswick — a port town — grew.", body: "Elswick — a port town — grew."),
    ])
    func bodyStart(_ c: Case) {
        #expect(body(c.input) == c.body)
    }

    @Test func datelineIsNotPartOfTheClaim() throws {
        let e = extract("ELSWICK (Wirenews) - The harbour master said the ferry would sail.")
        let claim = try #require(e.claims.first)
        #expect(e.claims.count == 1)
        #expect(claim.text == "the ferry would sail")
        #expect(claim.attribution?.source.text == "The harbour master")
    }

    @Test func datelineAloneBeforeANarratorSentence() {
        let e = extract("ELSWICK (Wirenews) - The ferry left at noon.")
        #expect(gists(e) == [Gist(.unattributed, "The ferry left at noon")])
        #expect(rule(e.claims.first, "content") == UnattributedSentenceSieve.name)
    }

    @Test func datelineTokensBelongToNoSentence() throws {
        let a = analyze("ELSWICK (Wirenews) - The ferry left.")
        let credit = try #require(a.token("Wirenews"))
        #expect(a.sentenceOfToken[credit] == -1)
        #expect(a.sentenceTexts == ["The ferry left."])
    }
}
