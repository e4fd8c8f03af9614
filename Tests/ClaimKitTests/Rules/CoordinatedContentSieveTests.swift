import Testing

@testable import ClaimKit

/// `X said A and that B` → two claims with one attribution.
@Suite struct CoordinatedContentSieveTests {
    let name = CoordinatedContentSieve.name

    @Test(arguments: [
        "The skipper said the ferry was safe and that repairs would start soon.",
        "The skipper said the ferry was safe, and that repairs would start soon.",
        "The skipper said the ferry was safe but that repairs would start soon.",
        "The skipper said that the ferry was safe and that repairs would start soon.",
    ])
    func twoContentsEachWithThat(_ input: String) throws {
        let e = extract(input)
        #expect(e.claims.map(\.text) == ["the ferry was safe", "repairs would start soon"])
        let first = try #require(e.claim("the ferry was safe"))
        let second = try #require(e.claim("repairs would start soon"))
        #expect(second.attribution?.source == first.attribution?.source)
        #expect(second.attribution?.cue == first.attribution?.cue)
        #expect(rule(first, "content") == ReportedSpeechSieve.name)
        #expect(rule(second, "content") == name)
    }

    @Test func secondContentKeepsTheTimeAndChain() throws {
        let e = extract("The skipper told Reuters on Monday that the ferry was safe and that repairs would start soon.")
        let first = try #require(e.claim("the ferry was safe"))
        let second = try #require(e.claim("repairs would start soon"))
        #expect(second.attribution?.time?.text == "on Monday")
        #expect(second.attribution?.via == first.attribution?.via)
    }

    @Test func coordinationWithoutThatIsOneContent() throws {
        let e = extract("The skipper said the ferry was safe and the pier was sound.")
        #expect(e.claims.map(\.text) == ["the ferry was safe and the pier was sound"])
        #expect(!e.claims.flatMap(\.decidedBy).contains { $0.rule == name })
    }
}
