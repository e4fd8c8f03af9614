import Testing

@testable import ClaimKit

/// The byte-level tokenizer: words, numbers, punctuation, quotation marks, dashes.
@Suite struct TokenizerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var tokens: [String]
        var testDescription: String { input }
    }

    @Test(arguments: [
        // Internal hyphens and apostrophes stay inside the word.
        Case(input: "A well-known mayor’s plan", tokens: ["A", "well-known", "mayor’s", "plan"]),
        Case(input: "They don't know.", tokens: ["They", "don't", "know", "."]),
        // Acronym dots, decimals and digit separators.
        Case(
            input: "The U.S envoy paid 3.5 million, or 1,000 each.",
            tokens: ["The", "U.S", "envoy", "paid", "3.5", "million", ",", "or", "1,000", "each", "."]),
        // A trailing period is taken into a title, an initial or an acronym.
        Case(
            input: "Mr. Hale met J. Ortiz in the U.S. on Monday.",
            tokens: ["Mr.", "Hale", "met", "J.", "Ortiz", "in", "the", "U.S.", "on", "Monday", "."]),
        // Dashes: an em dash, a spaced hyphen, a double hyphen; an ellipsis.
        Case(
            input: "Fares rose — again - and again -- sadly...",
            tokens: ["Fares", "rose", "—", "again", "-", "and", "again", "--", "sadly", "..."]),
        // Quotation marks are tokens of their own.
        Case(input: "“Go,” she said.", tokens: ["“", "Go", ",", "”", "she", "said", "."]),
        // A zero-width space inside a word does not split it.
        Case(input: "The bri\u{200B}dge held.", tokens: ["The", "bri\u{200B}dge", "held", "."]),
        // Letters of other scripts are word characters.
        Case(input: "Zoë met Ōta in Kraków.", tokens: ["Zoë", "met", "Ōta", "in", "Kraków", "."]),
    ])
    func tokens(_ c: Case) {
        #expect(analyze(c.input).tokenTexts == c.tokens)
    }

    @Test func spansAreUTF8ByteOffsets() {
        let input = "Zoë — “ok”"
        let a = analyze(input)
        let bytes = Array(input.utf8)
        for token in a.tokens {
            #expect(token.start >= 0 && token.end <= Int32(bytes.count) && token.start < token.end)
        }
        // "Zoë" is 4 bytes (ë is two), the em dash 3, each curly mark 3.
        #expect(a.tokens.map(\.span) == [Span(0, 4), Span(5, 8), Span(9, 12), Span(12, 14), Span(14, 17)])
    }

    @Test func possessiveIsFlaggedAndLeftOutOfTheKey() throws {
        let a = analyze("The mayor’s aide and the mayor's driver.")
        for word in ["mayor’s", "mayor's"] {
            let t = try #require(a.token(word))
            #expect(a.tokens[t].flags.contains(.possessive), "\(word)")
            #expect(a.tokens[t].key == WordKey.of("mayor"), "\(word)")
            #expect(a.string(a.tokens[t].coreSpan) == "mayor")
        }
        let plain = try #require(a.token("aide"))
        #expect(!a.tokens[plain].flags.contains(.possessive))
    }

    @Test func capitalisationFlags() throws {
        let a = analyze("The NATO envoy met al-Sarraj and Ana.")
        let flags = { (w: String) in a.tokens[a.token(w)!].flags }
        #expect(flags("NATO").contains(.allCaps))
        #expect(flags("NATO").contains(.capitalized))
        #expect(flags("al-Sarraj").contains(.capitalized), "a name particle joined by a hyphen")
        #expect(flags("Ana").contains(.capitalized) && !flags("Ana").contains(.allCaps))
        #expect(!flags("envoy").contains(.capitalized))
    }

    @Test func titleAbbreviationNeverEndsASentence() throws {
        let a = analyze("Gen. Hale spoke.")
        let gen = try #require(a.token("Gen."))
        #expect(a.tokens[gen].flags.contains(.titleAbbreviation))
        #expect(a.tokens[gen].flags.contains(.periodAbsorbed))
    }

    @Test func periodAfterAnOrdinaryWordIsItsOwnToken() {
        // Not an abbreviation: the period stays a separate token.
        #expect(analyze("The vote failed.").tokenTexts == ["The", "vote", "failed", "."])
    }

    @Test func spaceFlags() throws {
        let a = analyze("said: “Go”")
        let colon = try #require(a.token(":"))
        #expect(!a.tokens[colon].flags.contains(.spaceBefore))
        #expect(a.tokens[colon].flags.contains(.spaceAfter))
        let open = try #require(a.token("“"))
        #expect(a.tokens[open].flags.contains(.spaceBefore))
        #expect(!a.tokens[open].flags.contains(.spaceAfter))
    }

    @Test(arguments: ["", "   ", "\u{FEFF}", "\u{00A0}\u{00A0}", "...", "—", "\u{200B}"])
    func oddInputsNeverCrash(_ input: String) {
        let a = analyze(input)
        for token in a.tokens { #expect(Int(token.end) <= input.utf8.count) }
        _ = extract(input)
    }
}
