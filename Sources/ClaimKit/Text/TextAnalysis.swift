/// A paragraph: its span, its tokens, and what the layout rules found.
struct ParagraphInfo: Sendable {
    var span: Span
    var tokens: Range<Int>
    /// No final punctuation: a headline or subheading, not a claim.
    var isHeading: Bool
    /// First token after a dateline ("GENEVA (Reuters) -"), or `tokens.lowerBound`.
    var bodyStart: Int
}

struct SentenceInfo: Sendable {
    var tokens: Range<Int>
    var paragraph: Int
    var span: Span
    var isHeading: Bool
}

/// Everything the rules read: bytes, tokens, paragraphs, quotations and sentences,
/// built once per article in linear time.
///
/// All stored properties are `let`: the rules read them millions of times, and a `var`
/// of a class costs a dynamic exclusivity check on every access.
final class TextAnalysis {
    let bytes: [UInt8]
    let index: LexiconIndex
    let tokens: [Token]
    let paragraphs: [ParagraphInfo]
    let sentences: [SentenceInfo]
    let quotations: [Quotation]
    /// For each token, the index of the top-level quotation whose interior holds it, or -1.
    let quotationOfToken: [Int32]
    /// For each token, the index of its sentence, or -1 (datelines, outside text).
    let sentenceOfToken: [Int32]
    let issues: [TextIssue]
    /// Per token, what `classes(_:)`, `nounClasses(_:)` and `isTitle(_:)` return, found
    /// once by the tokenizer instead of by hash lookups on every call.
    private let facts: [TokenFacts]

    init(bytes: [UInt8], index: LexiconIndex) {
        self.bytes = bytes
        self.index = index
        let built = bytes.withUnsafeBufferPointer { Self.build($0, index) }
        tokens = built.tokens
        paragraphs = built.paragraphs
        sentences = built.sentences
        quotations = built.quotations
        quotationOfToken = built.quotationOfToken
        sentenceOfToken = built.sentenceOfToken
        issues = built.issues
        facts = built.facts
    }

    private struct Built {
        var tokens: [Token] = []
        var paragraphs: [ParagraphInfo] = []
        var sentences: [SentenceInfo] = []
        var quotations: [Quotation] = []
        var quotationOfToken: [Int32] = []
        var sentenceOfToken: [Int32] = []
        var issues: [TextIssue] = []
        var facts: [TokenFacts] = []
    }

    private static func build(_ buffer: UnsafeBufferPointer<UInt8>, _ index: LexiconIndex) -> Built {
        // Each new array costs a generic metadata lookup besides the allocation, and most
        // articles are short: only the arrays kept are allocated, each once; scratch lists
        // start on the stack.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 256) { build(buffer, index, ScratchList(storage: $0)) }
    }

    private static func build(
        _ buffer: UnsafeBufferPointer<UInt8>, _ index: LexiconIndex, _ marks: ScratchList<Int32>
    ) -> Built {
        var b = Built()
        b.paragraphs = ParagraphSplitter.split(buffer)
        var tokenized = Tokenizer(index: index).tokenize(buffer, paragraphs: &b.paragraphs, marks: marks)
        defer { tokenized.marks.free() }
        b.tokens = tokenized.tokens
        tokenized.tokens = []  // the only reference left: the scanner's changes copy nothing
        b.facts = tokenized.facts
        let marks = tokenized.marks.buffer
        b.quotations = QuotationScanner.scan(
            tokens: &b.tokens, paragraphs: b.paragraphs, marks: marks, quotes: tokenized.quotes, bytes: buffer,
            issues: &b.issues)
        let count = b.tokens.count
        b.quotationOfToken = [Int32](repeating: -1, count: count)
        for (q, quotation) in b.quotations.enumerated() where quotation.depth == 0 {
            for t in quotation.contentTokens { b.quotationOfToken[t] = Int32(q) }
        }
        b.sentenceOfToken = [Int32](repeating: -1, count: count)
        // Every sentence but a paragraph's last ends at a mark.
        b.sentences.reserveCapacity(marks.count + b.paragraphs.count)
        // Paragraph ranges and marks lie in 0..<count: the buffers below are read in bounds.
        var nextMark = 0
        b.tokens.withUnsafeBufferPointer { tokens in
            b.quotationOfToken.withUnsafeBufferPointer { quotationOfToken in
                b.facts.withUnsafeBufferPointer { facts in
                    b.sentenceOfToken.withUnsafeMutableBufferPointer { sentenceOfToken in
                        for p in b.paragraphs.indices {
                            let range = b.paragraphs[p].tokens
                            let heading =
                                isHeading(tokens, range) || p == 0 && isTitleCaseHeadline(tokens, range, index)
                            let body = heading ? range.lowerBound : DatelineDetector.bodyStart(tokens, range, index)
                            b.paragraphs[p].isHeading = heading
                            b.paragraphs[p].bodyStart = body
                            if heading {
                                if !range.isEmpty {
                                    SentenceSplitter.add(
                                        tokens, range, paragraph: p, isHeading: true, &b.sentences, sentenceOfToken)
                                }
                            } else {
                                SentenceSplitter.split(
                                    tokens, body..<range.upperBound, paragraph: p, marks: marks, nextMark: &nextMark,
                                    quotationOfToken: quotationOfToken, facts: facts, into: &b.sentences,
                                    sentenceOfToken: sentenceOfToken)
                            }
                        }
                    }
                }
            }
        }
        return b
    }

    /// A paragraph that does not end in terminal punctuation (or a closing mark after it)
    /// and is short is a headline or subheading.
    private static func isHeading(_ tokens: UnsafeBufferPointer<Token>, _ range: Range<Int>) -> Bool {
        guard let last = range.last else { return false }
        if range.count > 30 { return false }
        let token = tokens[last]
        if token.isTerminal || token.flags.contains(.periodAbsorbed) { return false }
        if token.flags.contains(.closesQuote) || token.kind == .quote { return false }
        if token.isPunctuation(0x3A) { return false }  // a colon lead-in paragraph
        return true
    }

    /// An opening line in Title Case, even with a final period ("Poll: Wealthy Voters
    /// Abandon Republican Party."): most of its words capitalised.
    private static func isTitleCaseHeadline(
        _ tokens: UnsafeBufferPointer<Token>, _ range: Range<Int>, _ index: LexiconIndex
    ) -> Bool {
        guard range.count <= 25 else { return false }
        var words = 0
        var capitalized = 0
        for t in range where tokens[t].kind == .word {
            if index.classes(of: tokens[t].key).contains(.functionWord) && !tokens[t].flags.contains(.capitalized) {
                continue
            }
            // A letter split off a word ("U.N.'s" → … "s") is no word of the headline.
            if tokens[t].end - tokens[t].start == 1 && !tokens[t].flags.contains(.capitalized) { continue }
            words += 1
            if tokens[t].flags.contains(.capitalized) { capitalized += 1 }
        }
        let sentenceEnds = range.dropLast().filter { tokens[$0].isTerminal }.count
        // Title Case capitalises every content word: one lower-case word in eight at most
        // (a lapse in a long headline), none in a short one, where a sentence full of
        // names ("Amir Shah spoke to the Gazette on Monday.") has one.
        return words >= 3 && words - capitalized <= words / 8 && sentenceEnds == 0
    }

    // MARK: - Reading

    func string(_ span: Span) -> String {
        // From the raw buffer: the ArraySlice path cost more than the copy and the check.
        bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[span.start..<span.end]), as: UTF8.self)
        }
    }

    func string(tokens range: Range<Int>) -> String { string(span(of: range)) }

    func span(of range: Range<Int>) -> Span {
        Span(Int(tokens[range.lowerBound].start), Int(tokens[range.upperBound - 1].end))
    }

    func classes(_ t: Int) -> WordClass { facts[t].classes }

    /// A title word, also as the last part of a hyphenated word ("co-leader").
    func isTitle(_ t: Int) -> Bool { facts[t].isTitle }

    /// Word classes of the word, or of its singular when it ends in "s" ("commanders",
    /// "clubs"), so that plural nouns type like their singular.
    func nounClasses(_ t: Int) -> WordClass { facts[t].nounClasses }

    func isSentenceStart(_ t: Int) -> Bool {
        let s = Int(sentenceOfToken[t])
        return s < 0 || sentences[s].tokens.lowerBound == t
    }

    func isQuoteMark(_ t: Int) -> Bool { tokens[t].kind == .quote && !tokens[t].flags.contains(.apostrophe) }

    /// The top-level quotation opened at token `t`, if any.
    func quotation(openedAt t: Int) -> Int? {
        guard tokens[t].flags.contains(.opensQuote) else { return nil }
        let q = t + 1 < tokens.count ? Int(quotationOfToken[t + 1]) : -1
        if q >= 0, quotations[q].open == t { return q }
        return topLevelQuotation(open: t)
    }

    /// The top-level quotation closed at token `t`, if any.
    func quotation(closedAt t: Int) -> Int? {
        guard tokens[t].flags.contains(.closesQuote), t > 0 else { return nil }
        let q = Int(quotationOfToken[t - 1])
        if q >= 0, quotations[q].close == t { return q }
        return nil
    }

    private func topLevelQuotation(open t: Int) -> Int? {
        // An empty quotation ("") has no interior token; binary search by opening token.
        var lo = 0
        var hi = quotations.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if quotations[mid].open < t { lo = mid + 1 } else { hi = mid }
        }
        while lo < quotations.count, quotations[lo].open == t {
            if quotations[lo].depth == 0 { return lo }
            lo += 1
        }
        return nil
    }
}
