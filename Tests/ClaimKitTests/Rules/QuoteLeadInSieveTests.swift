import Testing

@testable import ClaimKit

/// `She said: “…”`, `He told reporters, “…”`, and a colon lead-in ending a paragraph.
@Suite struct QuoteLeadInSieveTests {
    let name = QuoteLeadInSieve.name

    @Test(arguments: [
        "The harbour master said: “The ferry will run on time.”",
        "The harbour master said “the ferry will run on time.”",
    ])
    func quotationAfterTheCue(_ input: String) throws {
        let e = extract(input)
        #expect(e.claims.count == 1)
        let claim = try #require(e.claims.first)
        #expect(claim.kind == .direct)
        #expect(claim.text.lowercased() == "the ferry will run on time")
        #expect(claim.attribution?.source.text == "The harbour master")
        #expect(claim.attribution?.cue.text == "said")
        #expect(rule(claim, "content") == name)
        #expect(rule(claim, "source") == name)
    }

    @Test func colonAtTheEndOfAParagraphLeadsIntoTheNextParagraphsQuotation() throws {
        let e = extract("The skipper told a meeting in Elswick:\n\n“We lost an engine off the point.”")
        let claim = try #require(e.claim("We lost an engine off the point"))
        #expect(claim.kind == .direct)
        #expect(claim.attribution?.source.text == "The skipper")
        #expect(claim.attribution?.cue.lemma == "tell")
        #expect(rule(claim, "content") == name)
        #expect(e.claims.count == 1, "the lead-in is not a claim of its own: \(gists(e))")
    }

    @Test func timeBeforeTheSourceIsKept() throws {
        let e = extract("The skipper on Sunday said: “We lost an engine.”")
        let claim = try #require(e.claim("We lost an engine"))
        #expect(claim.attribution?.time?.text == "on Sunday")
    }

    @Test func verbThatNeedsThatIsNotALeadIn() {
        // "agree" takes "that", a colon or a comma before a quotation.
        let e = extract("The union agreed “the offer is fair.”")
        #expect(!e.claims.contains { $0.kind == .direct })
    }

    @Test func quotationThatDoesNotEndTheSentenceIsAPartialQuote() throws {
        let e = extract("The skipper said “no” to the offer.")
        #expect(!e.claims.contains { $0.kind == .direct })
        #expect(!e.claims.flatMap(\.decidedBy).contains { $0.rule == name })
    }

    @Test(arguments: [
        "The skipper said, “We lost an engine off the point.”",
        "The skipper told reporters, “We lost an engine off the point.”",
    ])
    func commaBeforeTheQuotation(_ input: String) throws {
        let e = extract(input)
        let claim = try #require(e.claim("We lost an engine off the point"))
        #expect(claim.kind == .direct)
        #expect(claim.attribution?.source.text == "The skipper")
        #expect(rule(claim, "content") == name)
    }
}
