import Testing

@testable import ClaimKit

/// `The mayor was blunt: “…”` — a source, a predicate without a cue, a colon, a quotation
/// that ends the sentence.
@Suite struct ColonLeadInSieveTests {
    let name = ColonLeadInSieve.name

    @Test(arguments: [
        ("The mayor was blunt: “The pier is not safe.”", "The mayor"),
        ("Sara Lind, however, struck a different tone: “The pier is not safe.”", "Sara Lind"),
        ("Union leader Tom Berg put it simply: “The pier is not safe.”", "Union leader Tom Berg"),
        ("Residents of the estate had a warning: \"The pier is not safe.\"", "Residents of the estate"),
        ("His spokesman was more cautious: “The pier is not safe.”", "His spokesman"),
    ])
    func quotationAfterAColonIsADirectClaimOfTheSubject(_ input: String, _ source: String) throws {
        let e = extract(input)
        #expect(e.claims.count == 1, "the lead-in is not a claim of its own: \(gists(e))")
        let claim = try #require(e.claim("The pier is not safe"), "\(input)")
        #expect(claim.kind == .direct, "\(input)")
        #expect(claim.attribution?.source.text == source, "\(input)")
        #expect(claim.attribution?.cue.text == ":", "\(input)")
        #expect(claim.attribution?.cue.lemma == ":", "\(input)")
        #expect(rule(claim, "content") == name, "\(input)")
        #expect(rule(claim, "source") == name, "\(input)")
    }

    @Test func aPronounSubjectIsResolved() throws {
        let e = extract("Harbour master Ana Ortiz spoke last. She was defiant: “I have done nothing wrong. I stay.”")
        let claim = try #require(e.claim("I have done nothing wrong. I stay"))
        #expect(claim.attribution?.source.text == "She")
        #expect(claim.attribution?.source.name == "Ana Ortiz")
    }

    @Test(arguments: [
        "The reason was simple: “Nobody wanted to pay.”",  // not a source
        "There was one message from the stands: “Sack the board.”",
        "Her verdict on the season was harsh: “We were not good enough.”",  // a possessive's thing
        "The mayor was blunt: “Not safe” was all she wrote.",  // the quotation does not end it
    ])
    func notALeadIn(_ input: String) {
        let e = extract(input)
        #expect(!e.claims.flatMap(\.decidedBy).contains { $0.rule == name }, "\(input): \(gists(e))")
    }

    @Test func aCueInThePredicateIsLeftToQuoteLeadIn() throws {
        let e = extract("The mayor said on Monday: “The pier is not safe.”")
        let claim = try #require(e.claim("The pier is not safe"))
        #expect(claim.attribution?.cue.text == "said")
        #expect(rule(claim, "content") == QuoteLeadInSieve.name)
    }
}
