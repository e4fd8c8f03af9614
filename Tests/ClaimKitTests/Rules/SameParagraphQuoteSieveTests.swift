import Testing

@testable import ClaimKit

/// A later quotation in the same paragraph as an attributed one, with no cue between.
@Suite struct SameParagraphQuoteSieveTests {
    let name = SameParagraphQuoteSieve.name

    @Test(arguments: [
        "“The pier is sound,” the skipper said, “and it will stay open.”",
        "“The pier is sound,” the skipper said. “And it will stay open.”",
        "The skipper said: “The pier is sound.” Then he smiled. “And it will stay open.”",
    ])
    func laterQuotationInheritsTheAttribution(_ input: String) throws {
        let e = extract(input)
        let quotes = e.claims.filter { $0.kind == .direct }
        #expect(quotes.map { $0.text.lowercased() } == ["the pier is sound", "and it will stay open"])
        let first = try #require(quotes.first)
        let second = try #require(quotes.last)
        #expect(second.attribution == first.attribution)
        #expect(rule(second, "content") == name)
        #expect(rule(first, "content") != name)
    }

    @Test func inheritedAttributionKeepsTheTime() throws {
        let e = extract("“The pier is sound,” the skipper said on Monday. “It will stay open.”")
        let second = try #require(e.claim("It will stay open"))
        #expect(second.attribution?.time?.text == "on Monday")
    }

    @Test func inheritedAttributionKeepsTheChain() throws {
        let e = extract("“The pier is sound,” the skipper told Reuters. “It will stay open.”")
        let first = try #require(e.claim("The pier is sound"))
        let second = try #require(e.claim("It will stay open"))
        #expect(first.attribution?.via.map(\.source.name) == ["Reuters"])
        #expect(second.attribution?.via == first.attribution?.via)
    }

    @Test func anotherCueInBetweenStopsTheInheritance() throws {
        let e = extract(
            "“The pier is sound,” the skipper said. The union said it was rotten. “It will last a century.”")
        let last = try #require(e.claims.last)
        #expect(last.attribution?.source.name != "skipper")
        #expect(rule(last, "content") != name)
    }

    @Test func quotationInTheNextParagraphIsNotTheSameParagraph() throws {
        let e = extract("“The pier is sound,” the skipper said.\n\nThe union disagreed. “It is rotten.”")
        let last = try #require(e.claims.last)
        #expect(rule(last, "content") != name)
        #expect(last.attribution?.source.name != "skipper")
    }
}
