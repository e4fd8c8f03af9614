/// Finds reporting expressions: verb groups from the lexicon's verbs ("has said",
/// "would later tell", "said in a statement") and its multi-word phrases
/// ("according to", "as reported by", "citing").
///
/// A verb form is not a cue inside a quotation, after a determiner or possessive
/// ("the said company", "his report"), after "to" (an infinitive: "declined to say"),
/// after a form of "be" (a passive: "was told"), after a negation ("did not say"),
/// when capitalised inside a sentence ("Said", "United States"), or in "That said,".
enum CueScanner {
    static func scan(_ text: TextAnalysis) -> [CueCandidate] {
        var cues: [CueCandidate] = []
        // News text has a cue every 30 to 60 tokens; growing the array costs more than spare room.
        cues.reserveCapacity(text.tokens.count / 24 + 4)
        let tokens = text.tokens
        let index = text.index
        let grammar = Grammar(text: text)
        for (s, sentence) in text.sentences.enumerated() {
            var t = sentence.tokens.lowerBound
            while t < sentence.tokens.upperBound {
                defer { t += 1 }
                // Only a phrase's first word or a verb form can start a cue: one read of the
                // token's lexicon facts (empty for anything but a word) passes over the rest.
                let classes = text.classes(t)
                guard !classes.isDisjoint(with: [.phraseStart, .verbForm]) else { continue }
                let token = tokens[t]
                guard token.kind == .word, text.quotationOfToken[t] < 0 else { continue }
                if classes.contains(.phraseStart), let phrase = matchPhrase(text, t, sentence.tokens) {
                    cues.append(
                        CueCandidate(
                            tokens: t..<(t + phrase.length), head: t, lemma: phrase.lemma, cueClass: .speech,
                            phraseRole: phrase.role, sentence: s, isParticipial: false,
                            takesAudience: index.lemmaTakesAudience[Int(phrase.lemma.raw)]))
                    t += phrase.length - 1
                    continue
                }
                guard classes.contains(.verbForm), let verb = index.verb(token.key) else { continue }
                if token.flags.contains(.capitalized) && t != sentence.tokens.lowerBound
                    && !token.flags.contains(.allCaps)
                {
                    continue  // "Said" the name, "United States"
                }
                if token.flags.contains(.allCaps) && token.end - token.start <= 3 { continue }
                // "Said Karimi, an analyst, said": a capitalised form before a name is a name.
                if token.flags.contains(.capitalized), t + 1 < sentence.tokens.upperBound,
                    tokens[t + 1].kind == .word, tokens[t + 1].flags.contains(.capitalized),
                    text.classes(t + 1).isDisjoint(with: [
                        .article, .determiner, .functionWord, .title,
                    ])
                {
                    continue
                }
                // "That said," opening a sentence.
                if t + 1 < sentence.tokens.upperBound, tokens[t + 1].isPunctuation(0x2C),
                    t > sentence.tokens.lowerBound,
                    t - 1 == sentence.tokens.lowerBound, index.classes(of: tokens[t - 1].key).contains(.cueBlocker)
                {
                    continue
                }
                // Walk back over auxiliaries and adverbs inside the verb group.
                var start = t
                var blocked = false
                var u = t - 1
                while u >= sentence.tokens.lowerBound, tokens[u].kind == .word {
                    let c = text.classes(u)
                    // "Theresa May said": a capitalised word inside a sentence is a name.
                    if tokens[u].flags.contains(.capitalized) && u != sentence.tokens.lowerBound { break }
                    // "He apparently said": an adverb in -ly stays outside the cue.
                    if c.isEmpty && grammar.endsIn(u, "ly") { u -= 1; continue }
                    if c.contains(.negation) { blocked = true; break }
                    if c.contains(.auxiliary) { start = u; u -= 1; continue }
                    // "kept saying", "began telling": the verb before a gerund cue joins it.
                    if c.contains(.catenative), u == start - 1, endsInIng(text, t) { start = u; u -= 1; continue }
                    if c.contains(.adverb) && !tokens[u].flags.contains(.capitalized) { u -= 1; continue }
                    // "is warning": a progressive is active; "was told" is a passive.
                    if c.contains(.beForm) && endsInIng(text, t) { start = u; u -= 1; continue }
                    if c.contains(.beForm) || c.contains(.cueBlocker) { blocked = true }
                    if tokens[u].flags.contains(.possessive) { blocked = true }
                    break
                }
                if blocked { continue }
                // "Trump's early-morning tweets", "the agency's annual report": a noun inside a
                // noun phrase that a determiner or possessive opened.
                if classes.contains(.verbNounForm),
                    insideNounPhrase(text, t, sentence.tokens.lowerBound)
                {
                    continue
                }
                // Adverbs skipped but no auxiliary before them stay outside the cue ("also said").
                var end = t + 1
                if let ext = matchExtension(text, end, sentence.tokens) { end = ext }
                let participial =
                    t > sentence.tokens.lowerBound && tokens[t - 1].isPunctuation(0x2C)
                    && classes.contains(.verbForm) && endsInIng(text, t)
                cues.append(
                    CueCandidate(
                        tokens: start..<end, head: t, lemma: verb.lemma, cueClass: verb.cueClass,
                        complement: verb.complement, phraseRole: nil, sentence: s, isParticipial: participial,
                        takesAudience: index.lemmaTakesAudience[Int(verb.lemma.raw)]))
                t = end - 1
            }
        }
        return cues
    }

    /// Whether `t` is a noun after a possessive and its modifiers ("Trump's early-morning
    /// tweets"), or after an article and an adjective ("the annual report"); "the region
    /// doubt" is a subject and its verb.
    static func insideNounPhrase(_ text: TextAnalysis, _ t: Int, _ start: Int) -> Bool {
        let g = Grammar(text: text)
        var u = t - 1
        while u >= max(start, t - 3), text.tokens[u].kind == .word {
            let c = text.classes(u)
            if text.tokens[u].flags.contains(.possessive) { return true }
            if c.contains(.article) || c.contains(.determiner) && !c.contains(.cardinal) {
                guard u < t - 1 else { return true }
                return ((u + 1)..<t).allSatisfy { m in
                    let bytes = text.bytes[Int(text.tokens[m].start)..<Int(text.tokens[m].coreEnd)]
                    return bytes.contains(0x2D) || g.endsIn(m, "al") || g.endsIn(m, "ic") || g.endsIn(m, "ive")
                        || g.endsIn(m, "ous") || g.endsIn(m, "ary") || g.endsIn(m, "ly")
                }
            }
            if !c.isEmpty || text.tokens[u].flags.contains(.capitalized) { return false }
            u -= 1
        }
        return false
    }

    static func endsInIng(_ text: TextAnalysis, _ t: Int) -> Bool {
        let token = text.tokens[t]
        let e = Int(token.coreEnd)
        guard e - Int(token.start) > 4 else { return false }
        return text.bytes[e - 3] | 0x20 == 0x69 && text.bytes[e - 2] | 0x20 == 0x6E && text.bytes[e - 1] | 0x20 == 0x67
    }

    /// The longest phrase of the lexicon starting at `t`.
    static func matchPhrase(_ text: TextAnalysis, _ t: Int, _ range: Range<Int>) -> PhraseMatch? {
        text.index.longestPhrase(text.tokens, at: t, end: range.upperBound)
    }

    /// The end of a cue extension ("in a statement") starting at `t`, if one does.
    static func matchExtension(_ text: TextAnalysis, _ t: Int, _ range: Range<Int>) -> Int? {
        guard t < range.upperBound, text.tokens[t].kind == .word,
            let found = text.index.longestPhrase(text.tokens, at: t, end: range.upperBound, extensions: true)
        else { return nil }
        // "in an interview with CBS" names a relay: leave it to the relay rule.
        if let phrase = matchPhrase(text, t, range), phrase.role == .relayAfter { return nil }
        return t + found.length
    }
}
