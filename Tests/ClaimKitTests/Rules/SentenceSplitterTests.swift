import Testing

@testable import ClaimKit

/// Sentence boundaries inside a paragraph.
@Suite struct SentenceSplitterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var sentences: [String]
        var testDescription: String { input }
    }

    @Test(arguments: [
        Case(input: "The ferry left. The pier closed.", sentences: ["The ferry left.", "The pier closed."]),
        Case(input: "Did it sink? No! It floated…", sentences: ["Did it sink?", "No!", "It floated…"]),
        Case(input: "Fares rose. 40 people complained.", sentences: ["Fares rose.", "40 people complained."]),
        // A period inside a title, an initial or a decimal ends nothing.
        Case(input: "Mr. Hale met Dr. Ortiz at 3.5 knots.", sentences: ["Mr. Hale met Dr. Ortiz at 3.5 knots."]),
        Case(input: "Ana J. Ortiz spoke.", sentences: ["Ana J. Ortiz spoke."]),
        // An acronym ends a sentence only before a word that starts sentences.
        Case(input: "She moved to the U.S. He stayed.", sentences: ["She moved to the U.S.", "He stayed."]),
        Case(input: "The U.S. Navy sailed.", sentences: ["The U.S. Navy sailed."]),
        // Lower case after a period: no new sentence.
        Case(input: "The vote was 5 vs. 4 in favour.", sentences: ["The vote was 5 vs. 4 in favour."]),
        // Never inside a quotation; right after its closing mark when the next sentence starts.
        Case(
            input: "She said: “We won. We are glad.” Then she left.",
            sentences: ["She said: “We won. We are glad.”", "Then she left."]),
        Case(input: "“Are we late?” she asked.", sentences: ["“Are we late?” she asked."]),
        Case(
            input: "The ferry left. “We are late,” she said.",
            sentences: ["The ferry left.", "“We are late,” she said."]),
        Case(input: "The ferry left... The pier closed.", sentences: ["The ferry left...", "The pier closed."]),
    ])
    func split(_ c: Case) {
        #expect(analyze(c.input).sentenceTexts == c.sentences)
    }

    @Test func parentheticalSentence() {
        #expect(
            analyze("The ferry left. (Nobody cared.) It rained.").sentenceTexts
                == ["The ferry left.", "(Nobody cared.)", "It rained."])
    }

    @Test func sentencesNeverCrossParagraphs() {
        let a = analyze("The ferry left\nearly.\n\nIt was late.")
        #expect(a.sentenceTexts == ["The ferry left\nearly.", "It was late."])
        #expect(a.sentences.map(\.paragraph) == [0, 1])
    }

    @Test func everyTokenOfABodyParagraphHasItsSentence() {
        let a = analyze("One fell. Two rose. Three stayed.")
        #expect(a.sentenceOfToken.allSatisfy { $0 >= 0 })
        #expect(a.sentences.count == 3)
        for (s, sentence) in a.sentences.enumerated() {
            for t in sentence.tokens { #expect(a.sentenceOfToken[t] == Int32(s)) }
        }
    }

    @Test func headlineIsOneSentenceMarkedAsHeading() {
        let a = analyze("Ferry service cut. Fares up\n\nThe ferry left.")
        #expect(a.sentences.first?.isHeading == true)
        #expect(a.sentenceTexts.first == "Ferry service cut. Fares up")
        #expect(a.sentences.last?.isHeading == false)
    }
}
