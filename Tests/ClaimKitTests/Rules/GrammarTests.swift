import Testing

@testable import ClaimKit

/// The shallow phrase recognisers shared by the attribution rules: subjects, noun
/// phrases after a cue, time expressions, audiences of "tell", reported clauses.
@Suite struct GrammarTests {
    /// Text analysis, grammar and the cue whose head is `word` in a one-sentence input.
    struct Setup {
        let a: TextAnalysis
        let g: Grammar
        let cue: CueCandidate?
        var sentence: SentenceInfo { a.sentences[cue?.sentence ?? 0] }

        init(_ input: String, cue word: String? = nil) {
            a = analyze(input)
            g = Grammar(text: a)
            let a = self.a
            cue = word.flatMap { w in CueScanner.scan(a).first { a.string(a.tokens[$0.head].span) == w } }
        }
    }

    // MARK: Subject before a cue

    struct SubjectCase: CustomTestStringConvertible, Sendable {
        var input: String
        var cue: String
        var subject: String?
        var appositive: String? = nil
        var parenthetical: String? = nil
        var time: String? = nil
        var testDescription: String { input }
    }

    @Test(arguments: [
        SubjectCase(input: "The harbour master said the ferry was late.", cue: "said", subject: "The harbour master"),
        SubjectCase(
            input: "Ana Ortiz, the harbour master, said the ferry was late.", cue: "said",
            subject: "Ana Ortiz", appositive: "the harbour master"),
        SubjectCase(
            input: "Ana Ortiz, who runs the port, said the ferry was late.", cue: "said",
            subject: "Ana Ortiz", parenthetical: "who runs the port"),
        SubjectCase(
            input: "The clerk, meanwhile, said the ferry was late.", cue: "said",
            subject: "The clerk", parenthetical: "meanwhile"),
        SubjectCase(
            input: "The clerk on Friday said the ferry was late.", cue: "said",
            subject: "The clerk", time: "on Friday"),
        SubjectCase(
            input: "Last week the clerk said the ferry was late.", cue: "said",
            subject: "the clerk", time: "Last week"),
        SubjectCase(input: "Sailors who missed the boat said the ferry was late.", cue: "said", subject: "Sailors"),
        SubjectCase(input: "The ferry was late, the clerk said.", cue: "said", subject: "the clerk"),
        // A time is not a source.
        SubjectCase(input: "Yesterday said nothing new.", cue: "said", subject: nil),
    ])
    func subject(_ c: SubjectCase) throws {
        let s = Setup(c.input, cue: c.cue)
        let cue = try #require(s.cue)
        let found = s.g.subject(endingBefore: cue.tokens.lowerBound, limit: s.sentence.tokens.lowerBound)
        #expect(s.a.text(found?.mention.tokens) == c.subject)
        #expect(s.a.text(found?.mention.appositive) == c.appositive)
        #expect(s.a.text(found?.mention.parenthetical) == c.parenthetical)
        #expect(s.a.text(found?.time) == c.time)
    }

    // MARK: Noun phrase after a cue

    struct PhraseCase: CustomTestStringConvertible, Sendable {
        var input: String
        var from: String
        var phrase: String?
        var appositive: String? = nil
        var testDescription: String { input }
    }

    @Test(arguments: [
        PhraseCase(input: "The ferry was late, said Ana Ortiz.", from: "Ana", phrase: "Ana Ortiz"),
        PhraseCase(
            input: "The ferry was late, said Ana Ortiz, the harbour master.", from: "Ana",
            phrase: "Ana Ortiz", appositive: "the harbour master"),
        // A time expression, a relative pronoun or a cue phrase ends the phrase.
        PhraseCase(input: "The ferry was late, said the clerk on Friday.", from: "the", phrase: "the clerk"),
        PhraseCase(input: "Fares rose, according to clerks who asked for a raise.", from: "clerks", phrase: "clerks"),
        PhraseCase(input: "Fares rose, according to a memo cited by the Gazette.", from: "a", phrase: "a memo"),
        // Nothing that can be a source.
        PhraseCase(input: "Fares rose, said some.", from: "some", phrase: nil),
    ])
    func nounPhraseAfter(_ c: PhraseCase) throws {
        let s = Setup(c.input)
        let start = try #require(s.a.token(c.from))
        let found = s.g.nounPhrase(startingAt: start, limit: s.a.sentences[0].tokens.upperBound)
        #expect(s.a.text(found?.tokens) == c.phrase)
        #expect(s.a.text(found?.appositive) == c.appositive)
    }

    // MARK: Time

    struct TimeCase: CustomTestStringConvertible, Sendable {
        var input: String
        var from: String
        var time: String?
        var testDescription: String { input }
    }

    @Test(arguments: [
        TimeCase(input: "It sank on Tuesday.", from: "on", time: "on Tuesday"),
        TimeCase(input: "It sank last week.", from: "last", time: "last week"),
        TimeCase(input: "It sank earlier this month.", from: "earlier", time: "earlier this month"),
        TimeCase(input: "It sank on November 27.", from: "on", time: "on November 27"),
        TimeCase(input: "It sank yesterday.", from: "yesterday", time: "yesterday"),
        TimeCase(input: "It sank after the hearing.", from: "after", time: "after the hearing"),
        // Weekdays and months must be capitalised; a preposition alone is no time.
        TimeCase(input: "It sank on may day.", from: "on", time: nil),
        TimeCase(input: "It sank on the reef.", from: "on", time: nil),
        TimeCase(input: "It sank after the crew left.", from: "after", time: nil),
    ])
    func timeExpression(_ c: TimeCase) throws {
        let s = Setup(c.input)
        let start = try #require(s.a.token(c.from))
        let found = s.g.timeExpression(startingAt: start, limit: s.a.sentences[0].tokens.upperBound)
        #expect(s.a.text(found) == c.time)
    }

    @Test func timeExpressionEndingAtAToken() throws {
        let s = Setup("The clerk earlier this month said it sank.")
        let month = try #require(s.a.token("month"))
        #expect(s.a.text(s.g.timeExpression(endingAt: month, limit: 0)) == "earlier this month")
    }

    // MARK: Audience of "tell"

    struct AudienceCase: CustomTestStringConvertible, Sendable {
        var input: String
        var audience: String?
        var isMedia: Bool = false
        var testDescription: String { input }
    }

    @Test(arguments: [
        AudienceCase(input: "The clerk told reporters the ferry sank.", audience: "reporters"),
        AudienceCase(input: "The clerk told a news conference that the ferry sank.", audience: "a news conference"),
        AudienceCase(input: "The clerk told him the ferry sank.", audience: "him"),
        AudienceCase(input: "The clerk told the BBC that the ferry sank.", audience: "the BBC", isMedia: true),
        AudienceCase(input: "The clerk told Reuters the ferry sank.", audience: "Reuters", isMedia: true),
        AudienceCase(input: "The clerk told that the ferry sank.", audience: nil),
    ])
    func audience(_ c: AudienceCase) throws {
        let s = Setup(c.input, cue: "told")
        let cue = try #require(s.cue)
        let found = s.g.audience(startingAt: cue.tokens.upperBound, limit: s.sentence.tokens.upperBound)
        #expect(s.a.text(found) == c.audience)
        if let r = found { #expect(s.g.isMedia(r) == c.isMedia) }
    }

    // MARK: Reported clause

    struct ClauseCase: CustomTestStringConvertible, Sendable {
        var input: String
        var cue: String
        /// The first word of the content, or nil when the cue has no reported clause.
        var start: String?
        var hasThat = false
        var colon = false
        var quote = false
        var time: String? = nil
        var testDescription: String { input }
    }

    @Test(arguments: [
        ClauseCase(input: "The clerk said the ferry sank.", cue: "said", start: "the"),
        ClauseCase(input: "The clerk said that the ferry sank.", cue: "said", start: "the", hasThat: true),
        ClauseCase(
            input: "The clerk said on Monday that the ferry sank.", cue: "said", start: "the", hasThat: true,
            time: "on Monday"),
        ClauseCase(input: "The clerk told reporters the ferry sank.", cue: "told", start: "the"),
        ClauseCase(
            input: "The clerk told a meeting in Elswick that the ferry sank.", cue: "told", start: "the",
            hasThat: true),
        ClauseCase(input: "The clerk said: the ferry sank.", cue: "said", start: "the", colon: true),
        ClauseCase(input: "The clerk said “the ferry sank.”", cue: "said", start: "“", quote: true),
        // Complements from the lexicon: "agree" needs "that"; "expect" a finite clause.
        ClauseCase(input: "The union agreed that the offer was fair.", cue: "agreed", start: "the", hasThat: true),
        ClauseCase(input: "The union agreed a deal with the port.", cue: "agreed", start: nil),
        ClauseCase(input: "The union expects the port will close.", cue: "expects", start: "the"),
        ClauseCase(input: "The union expects the port to close.", cue: "expects", start: nil),
        // A preposition that leads nowhere, or nothing after the cue.
        ClauseCase(input: "The clerk said in Elswick.", cue: "said", start: nil),
        ClauseCase(input: "The ferry sank, the clerk said.", cue: "said", start: nil),
    ])
    func reportedClause(_ c: ClauseCase) throws {
        let s = Setup(c.input, cue: c.cue)
        let cue = try #require(s.cue)
        let clause = s.g.reportedClause(after: cue, sentence: s.sentence)
        #expect(clause.map { s.a.string(s.a.tokens[$0.start].span) } == c.start)
        guard let clause else { return }
        #expect(clause.hasThat == c.hasThat)
        #expect((clause.colon != nil) == c.colon)
        #expect((clause.quoteOpen != nil) == c.quote)
        #expect(s.a.text(clause.time) == c.time)
    }

    // MARK: Validity

    @Test(arguments: [
        ("Analysts say the port will close.", "say", true),
        ("They say the port will close.", "say", true),
        ("The clerk say the port will close.", "say", false),  // a bare base form needs a plural subject
        ("The study showed the port will close.", "showed", true),
        ("The clerk showed the port will close.", "showed", false),  // a document verb needs a document
        ("The clerk showed that the port will close.", "showed", true),  // … unless "that" follows
    ])
    func validAttribution(_ input: String, _ word: String, _ valid: Bool) throws {
        let s = Setup(input, cue: word)
        let cue = try #require(s.cue)
        let subject = try #require(
            s.g.subject(endingBefore: cue.tokens.lowerBound, limit: s.sentence.tokens.lowerBound))
        let clause = try #require(s.g.reportedClause(after: cue, sentence: s.sentence))
        #expect(s.g.isValidAttribution(cue, subject: subject.mention, clause: clause) == valid)
    }

    @Test func clauseSubjectOpensTheSentence() {
        let s = Setup("Both unions condemned the strike, saying it was reckless.")
        #expect(s.a.text(s.g.clauseSubject(s.a.sentences[0])?.tokens) == "Both unions")
    }

    @Test func contentEndsAtAParticipialCue() throws {
        let s = Setup("The clerk said the ferry sank, adding that nobody was hurt.", cue: "said")
        var state = AttributionState(text: s.a)
        let from = try #require(s.a.token("ferry")) - 1
        let end = s.g.contentEnd(from: from, sentence: s.sentence, state: &state)
        #expect(s.a.string(tokens: from..<end) == "the ferry sank")
    }

    @Test func contentEndsAtACoordinatedThat() throws {
        let s = Setup("The clerk said the ferry sank and that nobody was hurt.", cue: "said")
        var state = AttributionState(text: s.a)
        let from = try #require(s.a.token("ferry")) - 1
        let end = s.g.contentEnd(from: from, sentence: s.sentence, state: &state)
        #expect(s.a.string(tokens: from..<end) == "the ferry sank")
    }

    @Test func trimmingLeavesQuestionMarksAndDropsCommasAndPeriods() {
        let s = Setup("Did it sink?, it did.")
        let span = s.a.sentences[0].span
        #expect(s.g.trimmed(span).map { s.a.string($0) } == "Did it sink?, it did")
        #expect(s.g.trimmed(Span(span.start, span.start + 12)).map { s.a.string($0) } == "Did it sink?")
    }
}
