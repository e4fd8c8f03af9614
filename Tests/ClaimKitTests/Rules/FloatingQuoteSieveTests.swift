import Testing

@testable import ClaimKit

/// A paragraph that is only a quotation, right after an attributed paragraph.
@Suite struct FloatingQuoteSieveTests {
    let name = FloatingQuoteSieve.name

    @Test func quotationParagraphTakesTheLastAttributionOfThePreviousParagraph() throws {
        let e = extract("The ferry sank. The skipper said the crew was safe.\n\n“We owe our lives to the lifeboat.”")
        let claim = try #require(e.claim("We owe our lives to the lifeboat"))
        #expect(claim.kind == .direct)
        let base = try #require(e.claim("the crew was safe"))
        #expect(claim.attribution == base.attribution)
        #expect(rule(claim, "content") == name)
        #expect(rule(claim, "source") == name)
    }

    @Test func lastAttributionOfTheParagraphWins() throws {
        let e = extract(
            "The union said fares would rise. The skipper said the crew was safe.\n\n“We owe our lives to them.”")
        let claim = try #require(e.claim("We owe our lives to them"))
        #expect(claim.attribution?.source.name == "skipper")
    }

    @Test func floatingQuotesChain() throws {
        let e = extract(
            "The skipper said the crew was safe.\n\n“We owe our lives to them.”\n\n“I will buy them a drink.”")
        let last = try #require(e.claim("I will buy them a drink"))
        #expect(last.attribution?.source.name == "skipper")
        #expect(rule(last, "content") == name)
    }

    @Test func previousParagraphWithoutAttribution() throws {
        let e = extract("The ferry sank off the point.\n\n“We owe our lives to the lifeboat.”")
        #expect(e.attributed.isEmpty)
    }

    @Test func quotationFollowedByMoreTextIsNotFloating() throws {
        let e = extract("The skipper said the crew was safe.\n\n“We lost an engine.” The storm passed.")
        #expect(!e.claims.flatMap(\.decidedBy).contains { $0.rule == name })
    }

    @Test func quotationWithItsOwnCueIsNotFloating() throws {
        let e = extract("The skipper said the crew was safe.\n\n“We lost an engine,” the mechanic said.")
        let claim = try #require(e.claim("We lost an engine"))
        #expect(claim.attribution?.source.name == "mechanic")
        #expect(rule(claim, "content") == QuoteTrailingCueSieve.name)
    }
}
