import Testing

@testable import ClaimKit

/// `Minister: fares to rise 6%` — a headline that attributes with a colon.
@Suite struct HeadlineColonSieveTests {
    let name = HeadlineColonSieve.name

    @Test func colonHeadlineIsAClaimOfTheNounPhraseBeforeIt() throws {
        let e = extract("Harbour master: ferries to stop in winter\n\nThe island has two piers.")
        let claim = try #require(e.claim("ferries to stop in winter"))
        #expect(claim.kind == .indirect)
        let a = try #require(claim.attribution)
        #expect(a.source.text == "Harbour master")
        #expect(a.cue.text == ":")
        #expect(a.cue.lemma == ":")
        #expect(a.time == nil && a.via.isEmpty)
        #expect(rule(claim, "content") == name)
        #expect(rule(claim, "source") == name)
    }

    @Test func namedSourceIsResolved() throws {
        let e = extract("Ana Ortiz: the pier will not last\n\nThe island has two piers.")
        let claim = try #require(e.claim("the pier will not last"))
        #expect(claim.attribution?.source.name == "Ana Ortiz")
        #expect(claim.attribution?.source.type == .person)
    }

    @Test(arguments: [
        "Ferries to stop in winter",  // no colon: a plain headline is not a claim
        "The harbour authority of the windswept northern island of Elswick: ferries stop",  // colon too far in
    ])
    func plainOrLongHeadlineIsNotAClaim(_ headline: String) {
        let e = extract(headline + "\n\nThe island has two piers.")
        #expect(gists(e) == [Gist(.unattributed, "The island has two piers")])
    }

    @Test func colonInABodySentenceIsNotAHeadline() throws {
        let e = extract("The plan is simple: fares will rise.")
        #expect(e.claims.count == 1)
        #expect(e.claims[0].kind == .unattributed)
        #expect(!e.claims[0].decidedBy.contains { $0.rule == name })
    }

    @Test func headlineThatIsAClauseBeforeTheColonIsNotAttributed() {
        // "Why it matters" is a subheading's lead, not a source.
        let e = extract("Why it matters: fares rise\n\nThe island has two piers.")
        #expect(e.attributed.isEmpty, "\(gists(e))")
    }

    @Test func fullStopOfATitleCaseHeadlineIsNotContent() throws {
        let e = extract("Poll: Wealthy Voters Abandon Ferry Company.\n\nThe island has two piers.")
        let claim = try #require(e.claims.first { $0.attribution?.cue.text == ":" }, "\(gists(e))")
        #expect(claim.text == "Wealthy Voters Abandon Ferry Company")
        #expect(claim.attribution?.source.text == "Poll")
    }
}
