import Testing

@testable import ClaimKit

/// `C, as reported by the Gazette.` — a relay phrase no attribution of its sentence owns.
@Suite struct LoneRelayPhraseSieveTests {
    let name = LoneRelayPhraseSieve.name

    @Test(arguments: [
        ("The pier will close for a week, as reported by the Harbour Post.", "The pier will close for a week"),
        ("As reported by the Harbour Post, the pier will close for a week.", "the pier will close for a week"),
        (
            "The pier will close for a week, as reported by the Harbour Post on Monday.",
            "The pier will close for a week"
        ),
    ])
    func theOutletIsTheSource(_ input: String, _ content: String) throws {
        let e = extract(input)
        #expect(e.claims.count == 1, "\(input): \(gists(e))")
        let claim = try #require(e.claim(content), "\(input): \(gists(e))")
        #expect(claim.kind == .indirect, "\(input)")
        #expect(claim.attribution?.source.text == "the Harbour Post", "\(input)")
        #expect(claim.attribution?.cue.lemma == "report", "\(input)")
        #expect(claim.attribution?.via.isEmpty == true, "\(input)")
        #expect(rule(claim, "content") == name, "\(input)")
    }

    @Test func aCitedOriginMakesTheOutletAHop() throws {
        let e = extract("The pier will close for a week, as reported by the Harbour Post, citing two port officials.")
        let claim = try #require(e.claim("The pier will close for a week"), "\(gists(e))")
        #expect(claim.attribution?.source.text == "two port officials")
        #expect(claim.attribution?.cue.text == "citing")
        #expect(claim.attribution?.via.map(\.source.text) == ["the Harbour Post"])
        #expect(claim.attribution?.via.first?.cue.text == "as reported by")
    }

    @Test func aRelayOfAnAttributedSentenceStaysAHop() throws {
        let e = extract("The harbour master said the pier would close, as reported by the Harbour Post.")
        let claim = try #require(e.claim("the pier would close"), "\(gists(e))")
        #expect(claim.attribution?.source.text == "The harbour master")
        #expect(claim.attribution?.via.map(\.source.text) == ["the Harbour Post"])
        #expect(!claim.decidedBy.contains { $0.rule == name })
    }

    @Test(arguments: [
        "The report, cited by the Harbour Post, was never published.",  // a noun's modifier
        "The figures cited by the Harbour Post.",  // no clause
    ])
    func notAnAttribution(_ input: String) {
        let e = extract(input)
        #expect(!e.claims.flatMap(\.decidedBy).contains { $0.rule == name }, "\(input): \(gists(e))")
    }
}
