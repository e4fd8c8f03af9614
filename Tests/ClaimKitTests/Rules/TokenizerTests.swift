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

    @Test func possessivesBeforeAnyFollowingByte() throws {
        // The fast path takes "X’s"/"X's" before a certain break; anything else goes the long way.
        let a = analyze("NATO’s, Lee's. J’s. the mayor’s” the mayor’sa Lee’s\u{200B}x U.S’s")
        #expect(
            a.tokenTexts == [
                "NATO’s", ",", "Lee's", ".", "J’s.", "the", "mayor’s", "”", "the", "mayor’sa", "Lee’s\u{200B}x",
                "U.S’s",
            ])
        let nato = try #require(a.token("NATO’s"))
        #expect(a.tokens[nato].flags.isSuperset(of: [.possessive, .allCaps, .capitalized]))
        #expect(a.tokens[nato].key == WordKey.of("nato"))
        #expect(a.tokens[try #require(a.token("J’s."))].flags.contains(.periodAbsorbed), "an initial's period")
        #expect(!a.tokens[try #require(a.token("mayor’sa"))].flags.contains(.possessive))
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

    @Test func spaceFlagsAcrossInvisibleCharacters() throws {
        // `spaceAfter` looks past zero-width characters to the next token's `spaceBefore`.
        let a = analyze("a\u{200B} b c\u{200B}d e\u{200B}, f\u{200B}")
        let flags = a.tokens.map { ($0.flags.contains(.spaceBefore), $0.flags.contains(.spaceAfter)) }
        #expect(a.tokenTexts == ["a", "b", "c\u{200B}d", "e", ",", "f"])
        #expect(flags.map(\.0) == [true, true, true, true, false, true])
        #expect(flags.map(\.1) == [true, true, true, false, true, true])
    }

    /// The lexicon facts the tokenizer stores, as the rules used to compute them.
    @Test func lexiconFactsMatchLookups() {
        let input = """
            The Mr. commanders' ministers said co-leader Vice-President Gen. Lee’s clubs, \
            news and claims; 3.5 reports, AT&T, U.S. ex-ministers SAID: “Reports” said\u{200B}s \
            deputy-director al-Sarraj’s claims. Vice\u{2011}president 1990s Préfets presidents
            """
        let a = analyze(input)
        let bytes = Array(input.utf8)
        func key(_ range: Range<Int>) -> UInt64 { bytes.withUnsafeBufferPointer { WordKey.of($0, range) } }
        for t in a.tokens.indices {
            let token = a.tokens[t]
            let word = token.kind == .word
            let c = word ? englishIndex.classes(of: token.key) : []
            var noun = c
            let core = Int(token.start)..<Int(token.coreEnd)
            if word, core.count > 3, bytes[core.upperBound - 1] | 0x20 == 0x73 {
                noun.formUnion(
                    englishIndex.classes(of: key(core.lowerBound..<(core.upperBound - 1)))
                        .subtracting([.verbForm, .verbNounForm]))
            }
            var title = c.contains(.title) || c.contains(.titleAbbreviation)
            if word, !title, let hyphen = core.dropFirst().last(where: { bytes[$0] == 0x2D }) {
                title = englishIndex.classes(of: key((hyphen + 1)..<core.upperBound)).contains(.title)
            }
            let text = a.string(token.span)
            #expect(a.classes(t) == c, "\(text)")
            #expect(a.nounClasses(t) == noun, "\(text)")
            #expect(a.isTitle(t) == title, "\(text)")
        }
        #expect(a.isTitle(a.token("co-leader")!) && a.isTitle(a.token("Mr.")!))
        #expect(a.nounClasses(a.token("ministers")!).contains(.title))
    }

    @Test func unmixUndoesMix() {
        for hash in [WordKey.seed, 0, 1, UInt64.max, 0x1234_5678_9ABC_DEF0] {
            for byte: UInt8 in [0, 0x27, 0x73, 0xFF] { #expect(WordKey.unmix(WordKey.mix(hash, byte), byte) == hash) }
        }
    }

    @Test func denseTextGrowsTheTokenArrays() {
        // One token per byte: far more than the arrays first hold; the tokens come out the same.
        let dense = String(repeating: ",.;(", count: 3000) + " the end"
        let a = analyze(dense)
        #expect(a.tokens.count == 12_002)
        #expect(a.tokenTexts.suffix(3) == ["(", "the", "end"])
        #expect((0..<12_000).allSatisfy { a.tokens[$0].start == Int32($0) })
        #expect(a.classes(12_000).contains(.article))
    }

    @Test(arguments: ["", "   ", "\u{FEFF}", "\u{00A0}\u{00A0}", "...", "—", "\u{200B}"])
    func oddInputsNeverCrash(_ input: String) {
        let a = analyze(input)
        for token in a.tokens { #expect(Int(token.end) <= input.utf8.count) }
        _ = extract(input)
    }
}
