import Testing

@testable import ClaimKit

/// `X said (that) C`, `X told reporters C`, `X believes that C`: PARC's indirect attribution.
@Suite struct ReportedSpeechSieveTests {
    let name = ReportedSpeechSieve.name

    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var content: String
        var source: String
        var cue: String
        var lemma: String
        var testDescription: String { input }
    }

    @Test(arguments: [
        Case(
            input: "The ministry said ferry fares rose in May.", content: "ferry fares rose in May",
            source: "The ministry", cue: "said", lemma: "say"),
        Case(
            input: "The ministry said that ferry fares rose in May.", content: "ferry fares rose in May",
            source: "The ministry", cue: "said", lemma: "say"),
        Case(
            input: "The ministry has said ferry fares rose.", content: "ferry fares rose",
            source: "The ministry", cue: "has said", lemma: "say"),
        Case(
            input: "The skipper told reporters that the engine failed.", content: "the engine failed",
            source: "The skipper", cue: "told", lemma: "tell"),
        Case(
            input: "The skipper told a news conference that the engine failed.", content: "the engine failed",
            source: "The skipper", cue: "told", lemma: "tell"),
        Case(
            input: "Analysts say ferry fares will climb.", content: "ferry fares will climb",
            source: "Analysts", cue: "say", lemma: "say"),
        Case(
            input: "Officials believe the fire was started deliberately.", content: "the fire was started deliberately",
            source: "Officials", cue: "believe", lemma: "believe"),
        Case(
            input: "The union expects the port will close.", content: "the port will close",
            source: "The union", cue: "expects", lemma: "expect"),
        Case(
            input: "The study found that ferry fares rose.", content: "ferry fares rose",
            source: "The study", cue: "found", lemma: "find"),
        Case(
            input: "The ministry said in a statement that fares rose.", content: "fares rose",
            source: "The ministry", cue: "said in a statement", lemma: "say"),
        Case(
            input: "The skipper wrote on Facebook that the engine failed.", content: "the engine failed",
            source: "The skipper", cue: "wrote on Facebook", lemma: "write"),
        Case(
            input: "Two sailors, who asked not to be named, said the engine failed.", content: "the engine failed",
            source: "Two sailors", cue: "said", lemma: "say"),
        Case(
            input: "Sailors who saw the fire said the engine failed.", content: "the engine failed",
            source: "Sailors", cue: "said", lemma: "say"),
    ])
    func subjectCueAndClause(_ c: Case) throws {
        let e = extract(c.input)
        #expect(e.claims.count == 1, "\(gists(e))")
        let claim = try #require(e.claims.first)
        #expect(claim.kind == .indirect)
        #expect(claim.text == c.content)
        #expect(claim.attribution?.source.text == c.source)
        #expect(claim.attribution?.cue.text == c.cue)
        #expect(claim.attribution?.cue.lemma == c.lemma)
        #expect(rule(claim, "content") == name)
        #expect(rule(claim, "source") == name)
    }

    @Test func quotedFragmentMakesItMixed() throws {
        let e = extract("The skipper said the crossing was “a nightmare from start to finish”.")
        let claim = try #require(e.claims.first)
        #expect(claim.kind == .mixed)
        #expect(claim.quotes.map(\.text) == ["a nightmare from start to finish"])
        #expect(rule(claim, "content") == name)
    }

    @Test func quotedTitleDoesNotMakeItMixed() throws {
        let e = extract("The skipper said the film “The Last Crossing” would be shown.")
        let claim = try #require(e.claims.first)
        #expect(claim.kind == .indirect)
        #expect(claim.quotes.isEmpty)
    }

    @Test func timeAfterTheCue() throws {
        let e = extract("The ministry said earlier this month that fares rose.")
        #expect(e.claims.first?.attribution?.time?.text == "earlier this month")
    }

    @Test func timeInsideTheContentIsNotTheStatementTime() throws {
        let e = extract("The skipper said the engine failed on Tuesday.")
        let claim = try #require(e.claims.first)
        #expect(claim.text == "the engine failed on Tuesday")
        #expect(claim.attribution?.time == nil)
    }

    @Test(arguments: [
        "The skipper declined to say whether the engine failed.",  // infinitive
        "The skipper did not say whether the engine failed.",  // negation
        "The skipper was told the engine had failed.",  // passive
        "The said engine failed twice.",  // determiner + "said"
        "That said, the engine failed twice.",  // "That said,"
        "The skipper say the engine failed.",  // a bare base form needs a plural subject
        "The skipper wants to replace the engine.",  // intention with an infinitive
        "The skipper accused the mechanic of lying.",  // "accuse X of" has no clause
        "The union agreed a deal with the port.",  // "agree" needs "that"
        "The union expects the port to close.",  // a belief needs a finite clause
        "The skipper said in Elswick.",  // a preposition leading nowhere
        "The skipper found the keys.",  // a document verb with a person subject
    ])
    func notReportedSpeech(_ input: String) {
        let e = extract(input)
        #expect(e.attributed.isEmpty, "\(gists(e))")
        #expect(e.claims.map(\.kind) == [.unattributed])
    }

    @Test func relativeClauseWithoutCommasBeforeTheCue() throws {
        let e = extract("A fisherman who asked not to be named said the engine failed.")
        let claim = try #require(e.claim("the engine failed"))
        #expect(claim.attribution?.source.text == "A fisherman")
        #expect(claim.attribution?.source.type == .anonymous)
    }

    @Test func verbBeforeTheCueIsNotPartOfTheSource() throws {
        let e = extract("The skipper kept saying the engine was fine.")
        let claim = try #require(e.claim("the engine was fine"))
        #expect(claim.attribution?.source.text == "The skipper")
    }

    @Test func acronymDefinitionAfterTheSubject() throws {
        let e = extract("The Elswick Ferry Company (EFC) said fares would rise.")
        let claim = try #require(e.claim("fares would rise"))
        #expect(claim.kind == .indirect)
        #expect(claim.attribution?.source.name == "Elswick Ferry Company")
    }

    @Test func secondSubjectAfterButEndsTheFirstContent() {
        let e = extract("The skipper said the ferry was safe, but the union said it was not.")
        #expect(e.attributed.map(\.text) == ["the ferry was safe", "it was not"])
        #expect(e.attributed.map { $0.attribution?.source.name } == ["skipper", "union"])
    }
}
