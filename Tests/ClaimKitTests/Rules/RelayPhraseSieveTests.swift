import Testing

@testable import ClaimKit

/// Relays named by a phrase next to an attribution, and news outlets told.
@Suite struct RelayPhraseSieveTests {
    let name = RelayPhraseSieve.name

    @Test func asReportedByAfterAccordingTo() throws {
        let e = extract(
            "Fares rose in May, according to a report by the harbour board, as reported by the Elswick Gazette.")
        let claim = try #require(e.claims.first)
        #expect(claim.text == "Fares rose in May")
        let a = try #require(claim.attribution)
        #expect(a.source.text == "a report by the harbour board")
        #expect(a.cue.lemma == "according to")
        #expect(a.via.count == 1)
        #expect(a.via.first?.source.name == "Elswick Gazette")
        #expect(a.via.first?.source.type == .media)
        #expect(a.via.first?.cue.text == "as reported by")
        #expect(a.via.first?.cue.lemma == "report")
        #expect(rule(claim, "via") == name)
    }

    @Test func relayTimeAfterTheRelay() throws {
        let e = extract("Fares rose, according to the harbour board, as reported by the Elswick Gazette last week.")
        let claim = try #require(e.claims.first)
        #expect(claim.attribution?.via.first?.time?.text == "last week")
        #expect(claim.attribution?.time == nil)
    }

    @Test func citingMakesTheCitedSourceTheOrigin() throws {
        let e = extract("The gazette reported, citing two harbour officials, that the pier would close.")
        let claim = try #require(e.claims.first)
        #expect(claim.text == "the pier would close")
        let a = try #require(claim.attribution)
        #expect(a.source.text == "two harbour officials")
        #expect(a.source.type == .anonymous)
        #expect(a.cue.text == "citing")
        #expect(a.cue.lemma == "cite")
        #expect(a.via.map(\.source.text) == ["The gazette"])
        #expect(a.via.map(\.cue.text) == ["reported"])
        #expect(rule(claim, "via") == name)
    }

    @Test func citedByAfterAccordingTo() throws {
        let e = extract("Fares rose, according to figures from the harbour board cited by Reuters.")
        let claim = try #require(e.claims.first)
        #expect(claim.attribution?.source.text == "figures from the harbour board")
        #expect(claim.attribution?.via.map(\.source.name) == ["Reuters"])
        #expect(claim.attribution?.via.map(\.cue.lemma) == ["cite"])
    }

    @Test func seenByInsideTheSubjectsParenthetical() throws {
        let e = extract("The harbour board, seen by Reuters, says the pier will close.")
        let claim = try #require(e.claims.first)
        #expect(claim.attribution?.source.text == "The harbour board")
        #expect(claim.attribution?.via.map(\.source.name) == ["Reuters"])
        #expect(claim.attribution?.via.map(\.cue.lemma) == ["see"])
    }

    @Test func interviewWithAnOutlet() throws {
        let e = extract("The skipper said in an interview with CBS that the pier would close.")
        let claim = try #require(e.claims.first)
        #expect(claim.text == "the pier would close")
        #expect(claim.attribution?.cue.text == "said")
        #expect(claim.attribution?.via.map(\.source.name) == ["CBS"])
        #expect(claim.attribution?.via.map(\.cue.text) == ["in an interview with"])
        #expect(claim.attribution?.via.map(\.cue.lemma) == ["interview"])
    }

    @Test(arguments: ["Reuters", "the BBC", "the Tarvik news agency", "the state news agency"])
    func newsOutletToldIsAHop(_ outlet: String) throws {
        let e = extract("The skipper told \(outlet) that the pier would close.")
        let claim = try #require(e.claims.first)
        #expect(claim.text == "the pier would close")
        let a = try #require(claim.attribution)
        #expect(a.source.text == "The skipper")
        #expect(a.via.map(\.source.text) == [outlet])
        #expect(a.via.map(\.cue.text) == ["told"])
        #expect(a.via.first?.source.type == .media)
        #expect(rule(claim, "via") == name)
    }

    @Test(arguments: ["reporters", "a news conference", "parliament", "him"])
    func audienceToldIsNotAHop(_ audience: String) throws {
        let e = extract("The skipper told \(audience) that the pier would close.")
        let claim = try #require(e.claims.first)
        #expect(claim.text == "the pier would close")
        #expect(claim.attribution?.via.isEmpty == true)
    }

    @Test func relayPhraseWithNoAttributionIsNotAClaim() {
        let e = extract("The pier closed, as reported by the Elswick Gazette.")
        #expect(!e.claims.flatMap(\.decidedBy).contains { $0.rule == name })
    }
}
