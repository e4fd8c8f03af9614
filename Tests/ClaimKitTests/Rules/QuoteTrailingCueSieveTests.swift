import Testing

@testable import ClaimKit

/// `“…,” she said.` / `“…,” said X, a spokeswoman.` / `“…?” he asked.`
@Suite struct QuoteTrailingCueSieveTests {
    let name = QuoteTrailingCueSieve.name

    @Test func sourceThenCueAfterTheQuotation() throws {
        let e = extract("“The ferry will run on time,” the harbour master said.")
        #expect(e.claims.count == 1)
        let claim = try #require(e.claim("The ferry will run on time"))
        #expect(claim.kind == .direct)
        #expect(claim.attribution?.source.text == "the harbour master")
        #expect(claim.attribution?.cue.text == "said")
        #expect(claim.attribution?.cue.lemma == "say")
        #expect(rule(claim, "content") == name)
        #expect(rule(claim, "source") == name)
    }

    @Test func cueThenSourceWithAnAppositive() throws {
        let e = extract("“The ferry will run on time,” said Ana Ortiz, the harbour master.")
        let claim = try #require(e.claim("The ferry will run on time"))
        let source = try #require(claim.attribution?.source)
        #expect(source.text == "Ana Ortiz")
        #expect(source.name == "Ana Ortiz")
        #expect(source.role == "harbour master")
        #expect(source.type == .person)
        #expect(rule(claim, "source") == name)
    }

    @Test func questionMarkStaysInTheText() throws {
        let e = extract("“Is the pier safe?” asked a fisherman.")
        let claim = try #require(e.claims.first)
        #expect(claim.text == "Is the pier safe?")
        #expect(claim.attribution?.cue.lemma == "ask")
        #expect(claim.attribution?.source.text == "a fisherman")
        #expect(rule(claim, "content") == name)
    }

    @Test func quotationOfSeveralSentencesIsOneClaim() throws {
        let e = extract("“The pier is old. It will not last,” a fisherman said.")
        #expect(gists(e).map(\.text) == ["The pier is old. It will not last"])
        #expect(e.claims.first?.attribution?.source.text == "a fisherman")
    }

    @Test func timeBetweenCueAndSource() throws {
        let e = extract("“The pier is old,” said on Sunday a fisherman.")
        let claim = try #require(e.claims.first)
        #expect(claim.attribution?.time?.text == "on Sunday")
        #expect(claim.attribution?.source.text == "a fisherman")
    }

    @Test func timeAfterTheInvertedSource() throws {
        // The same order in reported speech ("The pier is old, said a fisherman on
        // Sunday.") gets its time from TrailingAttribution.
        let e = extract("“The pier is old,” said a fisherman on Sunday.")
        let claim = try #require(e.claims.first)
        #expect(claim.attribution?.source.text == "a fisherman")
        #expect(claim.attribution?.time?.text == "on Sunday")
    }

    @Test func quotationThatDoesNotOpenTheSentenceIsNotADirectClaim() {
        // A partial quote inside a clause is reported speech, not a direct quotation.
        let e = extract("The skipper called the delay “a farce” on the radio.")
        #expect(!e.claims.contains { $0.kind == .direct })
        #expect(!e.claims.flatMap(\.decidedBy).contains { $0.rule == name })
    }

    @Test func quotationFollowedByNoCueIsNotAttributed() {
        let e = extract("“Fine,” and then the boat left.")
        #expect(e.attributed.isEmpty)
    }

    @Test(arguments: [
        ("“The border is closed,” state media reported.", "state media", "reported"),
        ("“The border is closed,” report cards showed.", "report cards", "showed"),
        ("“The border is closed,” say officials in the capital.", "officials in the capital", "say"),
    ])
    func bareBaseFormBeforeASubjectAndItsCue(_ input: String, _ source: String, _ cue: String) throws {
        // "state" and "report" are cue verbs; before a noun phrase with a cue of its own
        // they modify that subject ("state media reported").
        let e = extract(input)
        #expect(e.claims.count == 1, "\(input): \(gists(e))")
        let claim = try #require(e.claim("The border is closed"), "\(input): \(gists(e))")
        #expect(claim.attribution?.source.text == source, "\(input)")
        #expect(claim.attribution?.cue.text == cue, "\(input)")
    }

    @Test(arguments: [
        ("“Is this fair?” Hollis asked.", "Hollis", "asked"),
        ("“We won!” Coach Ana Ruiz said.", "Coach Ana Ruiz", "said"),
        ("“Why now?” Police Chief Ann Ford told reporters.", "Police Chief Ann Ford", "told"),
    ])
    func questionOrExclamationBeforeACapitalisedSource(_ input: String, _ source: String, _ cue: String) throws {
        // The ? or ! stays in the quotation and does not end the sentence before "Hollis asked".
        let e = extract(input)
        #expect(e.claims.count == 1, "\(input): \(gists(e))")
        let claim = try #require(e.claims.first)
        #expect(claim.kind == .direct, "\(input)")
        #expect(claim.attribution?.source.text == source, "\(input)")
        #expect(claim.attribution?.cue.text == cue, "\(input)")
    }

    @Test func questionBeforeANewSentenceStillEndsIt() {
        let e = extract("“Why now?” The question hung in the air.")
        #expect(e.claims.count == 2, "\(gists(e))")
        #expect(e.attributed.isEmpty, "\(gists(e))")
    }
}
