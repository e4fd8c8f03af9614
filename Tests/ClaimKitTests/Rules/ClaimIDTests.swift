import Testing

@testable import ClaimKit

/// Claim ids: `c` + 8 hex digits of FNV-1a over the white-space-collapsed text; repeats get -2, -3.
@Suite struct ClaimIDTests {
    @Test(arguments: [
        // Published FNV-1a (32-bit) test vectors.
        ("", "c811c9dc5"),
        ("a", "ce40c292c"),
        ("foobar", "cbf9cf968"),
    ])
    func idIsFNV1aOfTheText(_ text: String, _ id: String) {
        #expect(ClaimAssembler.id(for: text) == id)
    }

    @Test func whiteSpaceIsCollapsed() {
        let id = ClaimAssembler.id(for: "the pier was sound")
        #expect(ClaimAssembler.id(for: "the  pier\nwas\t sound") == id)
        #expect(ClaimAssembler.id(for: " the pier was sound") == id)
        #expect(ClaimAssembler.id(for: "the pier was Sound") != id)
    }

    @Test func idIsNineCharactersOfLowercaseHex() {
        for text in ["The ferry sank", "x", "Zoë — “ok”"] {
            let id = ClaimAssembler.id(for: text)
            #expect(id.count == 9)
            #expect(id.first == "c")
            #expect(id.dropFirst().allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }

    @Test func sameTextSameIdInAnyArticle() throws {
        let a = extract("The ferry sank off the point.").claims
        let b = extract("The pier closed. The ferry sank off the point. Nobody was hurt.").claims
        let idA = try #require(a.first?.id)
        #expect(b.first { $0.text == "The ferry sank off the point" }?.id == idA)
        #expect(idA == ClaimAssembler.id(for: "The ferry sank off the point"))
    }

    @Test func repeatsGetNumberedInArticleOrder() {
        let claims = extract("The ferry sank. The pier closed. The ferry sank. The ferry sank.").claims
        let base = ClaimAssembler.id(for: "The ferry sank")
        #expect(claims.map(\.id) == [base, ClaimAssembler.id(for: "The pier closed"), base + "-2", base + "-3"])
        #expect(Set(claims.map(\.id)).count == claims.count)
    }

    @Test func addingAClaimDoesNotRenumberTheOthers() {
        let before = extract("The ferry sank. The pier closed.").claims.map(\.id)
        let after = extract("A gull watched. The ferry sank. The pier closed.").claims.map(\.id)
        #expect(Array(after.dropFirst()) == before)
    }

    @Test func idsAreStableAcrossRuns() {
        let text = "The skipper said the pier was sound. “It will last,” she added."
        #expect(extract(text).claims.map(\.id) == extract(text).claims.map(\.id))
    }
}

@Suite struct InvisibleCharacterScanTests {
    @Test(arguments: [
        ("plain ASCII", false), ("curly “quotes” and an em dash —", false), ("café, naïve, €5", false),
        ("soft hy\u{00AD}phen", true), ("zero\u{200B}width", true), ("direction \u{202E}mark", true),
        ("word\u{2060}joiner", true), ("\u{FEFF}BOM", true), ("“quoted”\u{200D}", true),
    ])
    func findsTheCharactersVisibleNameDrops(_ text: String, _ expected: Bool) {
        #expect(ClaimAssembler.holdsInvisibles(Array(text.utf8)) == expected, "\(text.debugDescription)")
        // The scan agrees with the name filter it lets the assembler skip.
        #expect((ClaimAssembler.visibleName(text) != text) == expected, "\(text.debugDescription)")
    }
}
