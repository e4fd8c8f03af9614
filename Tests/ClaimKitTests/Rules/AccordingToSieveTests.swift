import Testing

@testable import ClaimKit

/// `According to X, C.` / `C, according to X.` / `C according to X.`
@Suite struct AccordingToSieveTests {
    let name = AccordingToSieve.name

    @Test(arguments: [
        "According to the ministry, ferry fares rose in May.",
        "Ferry fares rose in May, according to the ministry.",
        "Ferry fares rose in May according to the ministry.",
    ])
    func sourceFollowsThePhrase(_ input: String) throws {
        let e = extract(input)
        #expect(e.claims.count == 1)
        let claim = try #require(e.claims.first)
        #expect(claim.kind == .indirect)
        #expect(claim.text.lowercased() == "ferry fares rose in may")
        let a = try #require(claim.attribution)
        #expect(a.source.text.lowercased() == "the ministry")
        #expect(a.source.name == "ministry")
        #expect(a.source.type == .government)
        #expect(a.cue.text.lowercased() == "according to")
        #expect(a.cue.lemma == "according to")
        #expect(rule(claim, "content") == name)
        #expect(rule(claim, "source") == name)
    }

    @Test(arguments: [
        "According to the ministry, as reported by the Elswick Gazette, ferry fares rose in May.",
        "According to the ministry, as reported by the Elswick Gazette on Friday, ferry fares rose in May.",
        "Ferry fares rose in May, according to the ministry, as reported by the Elswick Gazette.",
    ])
    func relayPhraseAfterTheSourceIsAHopNotContent(_ input: String) throws {
        let e = extract(input)
        #expect(e.claims.count == 1, "\(input)")
        let claim = try #require(e.claims.first)
        #expect(claim.text.lowercased() == "ferry fares rose in may", "\(input)")
        #expect(claim.attribution?.source.name == "ministry", "\(input)")
        #expect(claim.attribution?.via.map(\.source.name) == ["Elswick Gazette"], "\(input)")
        #expect(rule(claim, "content") == name)
    }

    @Test func documentSourceWithAPostModifier() throws {
        let e = extract("Ferry fares rose in May, according to a report by the harbour board.")
        let claim = try #require(e.claims.first)
        #expect(claim.attribution?.source.text == "a report by the harbour board")
        #expect(claim.attribution?.source.type == .document)
    }

    @Test func frontedPhraseWithAnAppositive() throws {
        let e = extract("According to Ana Ortiz, the harbour master, the pier is sound.")
        let claim = try #require(e.claims.first)
        #expect(claim.text == "the pier is sound")
        #expect(claim.attribution?.source.name == "Ana Ortiz")
        #expect(claim.attribution?.source.role == "harbour master")
    }

    @Test func reportedSpeechInsideAccordingToBecomesItsRelay() throws {
        // "According to the minutes, the clerk said C": the minutes are the outer hop.
        let e = extract("The clerk said fares rose, according to the minutes.")
        let claim = try #require(e.claim("fares rose"))
        #expect(claim.attribution?.source.name == "clerk")
        #expect(claim.attribution?.via.map(\.source.name) == ["minutes"])
        #expect(claim.attribution?.via.map(\.cue.lemma) == ["according to"])
        #expect(e.claims.count == 1)
    }

    @Test func noPhraseNoClaim() {
        let e = extract("Ferry fares rose in May.")
        #expect(!e.claims.flatMap(\.decidedBy).contains { $0.rule == name })
    }
}
