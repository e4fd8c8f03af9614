import Testing

@testable import ClaimKit

/// Paragraphs: blank lines separate them when the text has any, otherwise every line is one.
@Suite struct ParagraphSplitterTests {
    func paragraphs(_ input: String) -> [String] {
        let bytes = Array(input.utf8)
        let spans = bytes.withUnsafeBufferPointer { ParagraphSplitter.paragraphs($0) }
        return spans.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var input: String
        var paragraphs: [String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(
            name: "blank lines separate; a single break is a soft wrap",
            input: "The ferry left.\nIt was late.\n\nThe pier closed.",
            paragraphs: ["The ferry left.\nIt was late.", "The pier closed."]),
        Case(
            name: "list items are paragraphs of their own, without their markers",
            input: "Key points:\n\n\u{2022} Fares rise.\n\u{2022} Buses run late.\n- Piers close.\n* Ferries stop.",
            paragraphs: ["Key points:", "Fares rise.", "Buses run late.", "Piers close.", "Ferries stop."]),
        Case(
            name: "a dash opening a line is a marker only before a space; en and em dashes are not markers",
            input: "The ferry left\n-late.\n\n\u{2014} It was late.",
            paragraphs: ["The ferry left\n-late.", "\u{2014} It was late."]),
        Case(
            name: "no blank line: every line is a paragraph",
            input: "The ferry left.\nThe pier closed.",
            paragraphs: ["The ferry left.", "The pier closed."]),
        Case(
            name: "CRLF line ends",
            input: "The ferry left.\r\n\r\nThe pier closed.\r\n",
            paragraphs: ["The ferry left.", "The pier closed."]),
        Case(
            name: "lone CR line ends",
            input: "The ferry left.\r\rThe pier closed.",
            paragraphs: ["The ferry left.", "The pier closed."]),
        Case(
            name: "U+2029 is a hard paragraph break",
            input: "The ferry left.\u{2029}The pier closed.",
            paragraphs: ["The ferry left.", "The pier closed."]),
        Case(
            name: "surrounding white space, NBSP and BOM are trimmed",
            input: "\u{FEFF}  The ferry left.\u{00A0} \n\n \t The pier closed.  \n\n\n",
            paragraphs: ["The ferry left.", "The pier closed."]),
        Case(
            name: "a line of only spaces counts as blank",
            input: "The ferry left.\n   \nThe pier closed.",
            paragraphs: ["The ferry left.", "The pier closed."]),
        Case(
            name: "leading and trailing blank lines do not make a soft wrap of the rest",
            input: "\n\nThe ferry left.\nThe pier closed.\n\n",
            paragraphs: ["The ferry left.", "The pier closed."]),
        Case(name: "empty input", input: "", paragraphs: []),
        Case(name: "only white space", input: " \n\n\t\n", paragraphs: []),
    ])
    func split(_ c: Case) {
        #expect(paragraphs(c.input) == c.paragraphs)
    }

    @Test func longLinesWithControlCharactersAndCurlyQuotes() {
        // Long lines are skipped sixteen bytes at a time: a tab, a curly quote (0xE2 …) or a
        // U+2029 anywhere in them must be seen for what it is.
        let words = "“The ferry’s\tlate,” she said of the 7:40 service from the pier,"
        let input = words + "\u{2029}" + words + "\n\t\n" + words + "\r\n" + words
        #expect(paragraphs(input) == [words, words, words + "\r\n" + words])
    }

    @Test func spansAreByteOffsetsOfTheTrimmedText() {
        let input = "  Zoë left.\n\nBo stayed."
        let bytes = Array(input.utf8)
        let spans = bytes.withUnsafeBufferPointer { ParagraphSplitter.paragraphs($0) }
        #expect(spans == [Span(2, 12), Span(14, 24)])
    }

    @Test func paragraphsBecomeTheUnitsOfAnalysis() {
        let a = analyze("The ferry left.\n\nThe pier closed.")
        #expect(a.paragraphTexts == ["The ferry left.", "The pier closed."])
        #expect(a.sentences.map(\.paragraph) == [0, 1])
    }
}
