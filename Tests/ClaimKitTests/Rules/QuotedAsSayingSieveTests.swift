import Testing

@testable import ClaimKit

/// `Reuters quoted the minister as saying C`: the minister is the origin, Reuters a hop.
@Suite struct QuotedAsSayingSieveTests {
    let name = QuotedAsSayingSieve.name

    @Test(arguments: [
        "State radio quoted the harbour master as saying the pier would reopen.",
        "State radio quoted the harbour master as saying that the pier would reopen.",
        "State radio cited the harbour master as saying the pier would reopen.",
        "The pier would reopen, state radio quoted the harbour master as saying.",
    ])
    func objectIsTheOriginAndTheSubjectAHop(_ input: String) throws {
        let e = extract(input)
        #expect(e.claims.count == 1, "\(input): \(gists(e))")
        let claim = try #require(e.claims.first)
        #expect(claim.kind == .indirect, "\(input)")
        #expect(claim.text.lowercased() == "the pier would reopen", "\(input)")
        let attribution = try #require(claim.attribution, "\(input)")
        #expect(attribution.source.text == "the harbour master", "\(input)")
        #expect(attribution.cue.text == "as saying", "\(input)")
        #expect(attribution.cue.lemma == "say", "\(input)")
        #expect(
            attribution.via.map(\.source.text) == ["State radio"]
                || attribution.via.map(\.source.text) == ["state radio"], "\(input)")
        #expect(["quote", "cite"].contains(attribution.via.first?.cue.lemma ?? ""), "\(input)")
        #expect(rule(claim, "content") == name, "\(input)")
        #expect(rule(claim, "via") == name, "\(input)")
    }

    @Test(arguments: [
        "State radio quoted the harbour master as saying: “The pier is closed.”",
        "“The pier is closed,” state radio quoted the harbour master as saying.",
    ])
    func quotationIsADirectClaimOfTheOrigin(_ input: String) throws {
        let e = extract(input)
        let claim = try #require(e.claim("The pier is closed"), "\(input): \(gists(e))")
        #expect(claim.kind == .direct, "\(input)")
        #expect(claim.attribution?.source.text == "the harbour master", "\(input)")
        #expect(claim.attribution?.via.count == 1, "\(input)")
        #expect(e.claims.count == 1, "\(input): \(gists(e))")
    }

    @Test func himIsResolvedLikeHe() throws {
        let e = extract("Harbour master Ana Ortiz spoke first. State radio quoted her as saying the pier would reopen.")
        let claim = try #require(e.claim("the pier would reopen"))
        #expect(claim.attribution?.source.text == "her")
        #expect(claim.attribution?.source.name == "Ana Ortiz")
        #expect(claim.attribution?.source.type == .person)
    }

    @Test(arguments: [
        "The report cited rising fuel costs for the delay.",  // no cue of the object's own
        "The council quoted a price of 40,000 crowns for the repairs.",
    ])
    func relayingVerbWithoutTheOriginsCueIsNoAttribution(_ input: String) throws {
        let e = extract(input)
        let claim = try #require(e.claims.first)
        #expect(claim.kind == .unattributed, "\(input): \(gists(e))")
        #expect(e.claims.count == 1, "\(input): \(gists(e))")
    }

    @Test func contentStopsAtTheNextAttributionInAParagraphWithoutPunctuation() {
        // Content to the paragraph's end would make every claim as long as the paragraph:
        // quadratic in time and memory for a long one.
        let input = String(
            repeating: "state radio quoted the harbour master as saying the pier would reopen ", count: 200)
        let e = extract(input)
        #expect(e.claims.count >= 199, "\(e.claims.count) claims")
        let longest = e.claims.map(\.text.utf8.count).max() ?? 0
        #expect(longest < 200, "the longest claim has \(longest) bytes")
    }
}
