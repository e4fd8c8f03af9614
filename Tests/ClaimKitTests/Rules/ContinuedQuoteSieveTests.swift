import Testing

@testable import ClaimKit

/// A quotation over several paragraphs: one claim per paragraph, one attribution.
@Suite struct ContinuedQuoteSieveTests {
    let name = ContinuedQuoteSieve.name

    @Test func eachReopenedParagraphIsAClaimWithTheSameAttribution() throws {
        let input = """
            The skipper said: “We lost an engine off the point.

            “The crew rowed for two hours.

            “Nobody was hurt.”
            """
        let e = extract(input)
        #expect(
            e.claims.map(\.text) == [
                "We lost an engine off the point", "The crew rowed for two hours", "Nobody was hurt",
            ])
        #expect(e.claims.allSatisfy { $0.kind == .direct })
        let first = try #require(e.claims.first)
        #expect(rule(first, "content") == QuoteLeadInSieve.name)
        for claim in e.claims.dropFirst() {
            #expect(claim.attribution == first.attribution)
            #expect(rule(claim, "content") == name)
            #expect(rule(claim, "source") == name)
        }
        #expect(e.extraction.issues.isEmpty)
    }

    @Test func continuationOfATrailingCueQuotation() throws {
        let input = "“We lost an engine,” the skipper said, “and the crew rowed home.\n\n“Nobody was hurt.”"
        let e = extract(input)
        let last = try #require(e.claim("Nobody was hurt"))
        #expect(last.attribution?.source.text == "the skipper")
        #expect(rule(last, "content") == name)
    }

    @Test func paragraphThatDoesNotReopenTheQuoteIsNotAContinuation() throws {
        let e = extract("The skipper said: “We lost an engine.\n\nThe storm passed at dawn.")
        let last = try #require(e.claims.last)
        #expect(last.text == "The storm passed at dawn")
        #expect(last.kind == .unattributed)
        #expect(e.extraction.issues.map(\.kind) == [.unclosedQuote])
    }

    @Test func unattributedOpeningHasNothingToPassOn() {
        let e = extract("“We lost an engine.\n\n“Nobody was hurt.”")
        #expect(e.attributed.isEmpty)
    }
}
