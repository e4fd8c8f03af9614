import Testing

@testable import ClaimKit

/// `X said A, but cautioned that B`: a coordinated cue without its own subject.
@Suite struct CoordinatedCueSieveTests {
    let name = CoordinatedCueSieve.name

    @Test(arguments: [
        ("The skipper said the ferry was safe, but warned that repairs would take weeks.", "warned", "warn"),
        ("The skipper said the ferry was safe and insisted that repairs would take weeks.", "insisted", "insist"),
        ("The skipper said the ferry was safe but cautioned that repairs would take weeks.", "cautioned", "caution"),
    ])
    func secondCueSharesTheSource(_ input: String, _ cue: String, _ lemma: String) throws {
        let e = extract(input)
        #expect(e.claims.map(\.text) == ["the ferry was safe", "repairs would take weeks"])
        let second = try #require(e.claim("repairs would take weeks"))
        #expect(second.kind == .indirect)
        #expect(second.attribution?.source.text == "The skipper")
        #expect(second.attribution?.cue.text == cue)
        #expect(second.attribution?.cue.lemma == lemma)
        #expect(rule(second, "content") == name)
    }

    @Test func nounPhraseContentOfTheFirstCue() throws {
        let e = extract("The skipper denied the rumour and insisted that the ferry was on time.")
        let second = try #require(e.claim("the ferry was on time"))
        #expect(second.attribution?.source.text == "The skipper")
        #expect(rule(second, "content") == name)
    }

    @Test func timeOfTheMainClauseIsShared() throws {
        let e = extract("On Monday, the skipper said the ferry was safe, but warned that repairs would take weeks.")
        let second = try #require(e.claim("repairs would take weeks"))
        #expect(second.attribution?.time?.text == "On Monday")
    }

    @Test func secondCueWithItsOwnSubjectIsNotCoordinated() throws {
        let e = extract("The skipper said the ferry was safe, and the union said it was not.")
        let second = try #require(e.claim("it was not"))
        #expect(second.attribution?.source.name == "union")
        #expect(rule(second, "content") != name)
    }

    @Test func coordinatedCueWithNoEarlierAttribution() {
        let e = extract("The ferry sank and warned nobody.")
        #expect(e.attributed.isEmpty)
    }
}
