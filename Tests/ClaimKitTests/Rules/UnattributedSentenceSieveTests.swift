import Testing

@testable import ClaimKit

/// Every sentence no rule attributed is a narrator statement.
@Suite struct UnattributedSentenceSieveTests {
    let name = UnattributedSentenceSieve.name

    @Test func eachNarratorSentenceIsAClaim() {
        let e = extract("The ferry sank off the point. Nobody was hurt! Was the lifeboat late?")
        #expect(
            gists(e) == [
                Gist(.unattributed, "The ferry sank off the point"),
                Gist(.unattributed, "Nobody was hurt!"),
                Gist(.unattributed, "Was the lifeboat late?"),
            ])
        for claim in e.claims {
            #expect(claim.attribution == nil)
            #expect(claim.quotes.isEmpty)
            #expect(claim.decidedBy == [RuleDecision(field: "content", rule: name)])
        }
    }

    @Test func headlinesAndSubheadingsAreNotClaims() {
        let e = extract("Ferry sinks off Elswick\n\nThe ferry sank.\n\nRescue\n\nThe lifeboat came.")
        #expect(e.claims.map(\.text) == ["The ferry sank", "The lifeboat came"])
    }

    @Test(arguments: [
        "Wealthy Voters Abandon Ferry Company Over Fares.\n\nThe ferry sank.",
        "Examining the U.N.'s Record on Ferry Safety.\n\nThe ferry sank.",
    ])
    func titleCaseOpeningLineWithAFullStopIsAHeadline(_ input: String) {
        let e = extract(input)
        #expect(e.claims.map(\.text) == ["The ferry sank"], "\(input)")
    }

    @Test(arguments: [
        "Amir Shah spoke to the Gazette on Monday.",  // names, but "spoke" is not capitalised
        "Ana Ortiz left Elswick for Port Elwyn.",
    ])
    func openingSentenceFullOfNamesIsAClaim(_ input: String) {
        let e = extract(input + "\n\nThe ferry sank.")
        #expect(e.claims.map(\.text) == [String(input.dropLast()), "The ferry sank"], "\(input)")
    }

    @Test func sentenceWithACueButNoContentIsTheNarrators() {
        let e = extract("The ferry sank. Ana Ortiz spoke to the Gazette on Monday.")
        #expect(e.claims.map(\.text) == ["The ferry sank", "Ana Ortiz spoke to the Gazette on Monday"])
    }

    @Test func attributedSentenceYieldsNoUnattributedRest() {
        let e = extract("In a rare move, the board said fares would fall.")
        #expect(e.claims.count == 1)
        #expect(e.unattributed.isEmpty)
    }

    @Test func sentencesAroundAnAttributedOneStayUnattributed() {
        let e = extract("The ferry sank. The skipper said the crew was safe. The pier closed.")
        #expect(e.claims.map(\.kind) == [.unattributed, .indirect, .unattributed])
    }

    @Test func unattributedQuotationKeepsItsMarks() throws {
        let e = extract("The ferry sank.\n\n“Nobody saw it coming.”")
        let last = try #require(e.claims.last)
        #expect(last.kind == .unattributed)
        #expect(last.text == "“Nobody saw it coming.”")
    }

    @Test(arguments: ["", "\n\n", "— …", "“”"])
    func nothingToSay(_ input: String) {
        #expect(extract(input).claims.isEmpty)
    }
}
