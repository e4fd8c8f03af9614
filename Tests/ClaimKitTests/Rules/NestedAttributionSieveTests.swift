import Testing

@testable import ClaimKit

/// Nested attribution flattened into the reported-by chain.
@Suite struct NestedAttributionSieveTests {
    let name = NestedAttributionSieve.name

    @Test func relayWithNoContentOfItsOwn() throws {
        let e = extract("The minister told parliament that the harbour master had assured him the pier was sound.")
        #expect(e.claims.count == 1, "\(gists(e))")
        let claim = try #require(e.claims.first)
        #expect(claim.text == "the pier was sound")
        let a = try #require(claim.attribution)
        #expect(a.source.text == "the harbour master")
        #expect(a.cue.text == "had assured")
        #expect(a.cue.lemma == "assure")
        #expect(a.via.map(\.source.text) == ["The minister"])
        #expect(a.via.map(\.cue.lemma) == ["tell"])
        #expect(a.chain.map(\.source.name) == ["minister", "harbour master"])
        #expect(rule(claim, "via") == name)
    }

    @Test func outerContentHoldingAWholeAttribution() throws {
        let e = extract("The gazette reported that the skipper said the pier was sound.")
        #expect(e.claims.count == 1, "the gazette's own claim is dropped: \(gists(e))")
        let claim = try #require(e.claims.first)
        #expect(claim.text == "the pier was sound")
        #expect(claim.attribution?.source.text == "the skipper")
        #expect(claim.attribution?.via.map(\.source.name) == ["gazette"])
        #expect(claim.attribution?.via.map(\.cue.text) == ["reported"])
        #expect(rule(claim, "via") == name)
    }

    @Test func threeLevels() throws {
        let e = extract("The gazette reported that the minister said the skipper believes the pier is sound.")
        let claim = try #require(e.claim("the pier is sound"))
        #expect(claim.attribution?.source.name == "skipper")
        #expect(claim.attribution?.chain.map(\.source.name) == ["gazette", "minister", "skipper"])
    }

    @Test func independentAttributionsInOneSentenceAreNotNested() throws {
        let e = extract("The skipper said the pier was sound, but the union said it was rotten.")
        for claim in e.attributed { #expect(claim.attribution?.via.isEmpty == true, "\(claim.text)") }
    }

    @Test func trailingReportOfAnAttribution() throws {
        let e = extract("The skipper said the pier was sound, the agency reported.")
        let claim = try #require(e.claims.first)
        #expect(e.claims.count == 1)
        #expect(claim.text == "the pier was sound")
        #expect(claim.attribution?.source.name == "skipper")
        #expect(claim.attribution?.via.map(\.source.name) == ["agency"])
        #expect(claim.attribution?.via.map(\.cue.lemma) == ["report"])
    }
}
