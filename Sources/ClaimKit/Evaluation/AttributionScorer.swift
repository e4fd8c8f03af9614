/// True positives, false positives and false negatives of one measure.
public struct PRF: Hashable, Sendable, Codable {
    /// Predictions matched to a gold item.
    public var truePositives = 0
    /// Predictions with no gold item.
    public var falsePositives = 0
    /// Gold items with no prediction.
    public var falseNegatives = 0

    /// Creates a tally from counts.
    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// TP / (TP + FP); 1 when nothing was predicted.
    public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
    /// TP / (TP + FN); 1 when nothing was expected.
    public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
    /// Harmonic mean of precision and recall; 0 when both are 0.
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

    /// The sum of two tallies.
    public static func + (a: PRF, b: PRF) -> PRF {
        PRF(
            truePositives: a.truePositives + b.truePositives, falsePositives: a.falsePositives + b.falsePositives,
            falseNegatives: a.falseNegatives + b.falseNegatives)
    }

    /// Counts for `matched` correct items out of `predicted` predictions and `expected` gold items.
    init(matched: Int, predicted: Int, expected: Int) {
        self.init(truePositives: matched, falsePositives: predicted - matched, falseNegatives: expected - matched)
    }
}

/// The scores of one article, or of a whole corpus when accumulated.
///
/// Every measure pairs gold and predicted relations one to one (see
/// ``AttributionScorer``). `source` and `cue` count a true positive only for a pair
/// whose contents match by overlap *and* whose source (cue) matches: a source attached
/// to the wrong content is not credited.
public struct AttributionScores: Hashable, Sendable, Codable {
    /// Gold relations scored.
    public var gold = 0
    /// Predicted relations scored (after merging those that share a cue).
    public var predicted = 0
    /// Content covers the same words (after normalising the edges).
    public var contentExact = PRF()
    /// Content shares at least half the words of both.
    public var contentOverlap = PRF()
    /// Source is the same entity: same span, same resolved name, or a pronoun's antecedent.
    public var source = PRF()
    /// Source covers the same words as the gold source.
    public var sourceSpan = PRF()
    /// Cue covers the same words as the gold cue.
    public var cue = PRF()
    /// Among content-matched pairs whose gold relation has a source: how many got it right
    /// (the same entity). The "speaker accuracy" of quote-extraction papers.
    public var sourceCorrect = 0
    /// Matched relations whose gold relation has a source (the denominator of source accuracy).
    public var sourceCompared = 0
    /// How the correct sources matched: `span`, `name`, `antecedent`.
    public var sourceMatchedBy: [String: Int] = [:]

    /// Creates zero scores.
    public init() {}

    /// `sourceCorrect / sourceCompared`; 1 when nothing was compared.
    public var sourceAccuracy: Double { sourceCompared == 0 ? 1 : Double(sourceCorrect) / Double(sourceCompared) }

    /// Adds another article's counts.
    public mutating func accumulate(_ other: AttributionScores) {
        gold += other.gold
        predicted += other.predicted
        contentExact = contentExact + other.contentExact
        contentOverlap = contentOverlap + other.contentOverlap
        source = source + other.source
        sourceSpan = sourceSpan + other.sourceSpan
        cue = cue + other.cue
        sourceCorrect += other.sourceCorrect
        sourceCompared += other.sourceCompared
        for (k, v) in other.sourceMatchedBy { sourceMatchedBy[k, default: 0] += v }
    }
}

/// A gold relation not found, a prediction not in the gold, or a matched pair whose
/// source or cue is wrong: what `claimcheck eval --misses` lists.
public struct EvaluationMiss: Hashable, Sendable {
    /// What kind of miss this is.
    public enum Kind: String, Sendable, Codable {
        /// A gold relation no prediction matches by content overlap.
        case missed
        /// A predicted relation that matches no gold relation.
        case spurious
        /// Matched content, wrong source.
        case source
        /// Matched content, wrong cue.
        case cue
    }
    /// What kind of miss this is.
    public var kind: Kind
    /// The gold relation (for `missed`, `source`, `cue`).
    public var gold: AttributionRelation?
    /// The predicted relation (for `spurious`, `source`, `cue`; for `missed`, the
    /// prediction that overlaps it most, if any).
    public var predicted: AttributionRelation?
}

/// The result of scoring one article.
public struct ArticleEvaluation: Sendable {
    /// The article's name (file name without extension).
    public var name: String
    /// The article's scores.
    public var scores: AttributionScores
    /// In article order of the relation concerned.
    public var misses: [EvaluationMiss]
}

/// Scores predicted attribution relations against gold ones.
///
/// **Words.** Spans are compared as the sets of words they cover: a word is a maximal
/// run of letters and digits (so `didn’t` is `didn` and `t`), and a span covers the
/// words it overlaps. This normalises span edges: surrounding quotation marks,
/// punctuation and white space do not count. In addition a content piece that starts
/// with the complementizer `that` (followed by more words) drops it, so
/// `that “C.”` and `C` are the same content.
///
/// **Pairing.** Gold and predicted relations are paired one to one by content, best
/// first: the pair sharing the largest fraction of words goes first. A pair is a match
/// when the shared words are at least `overlap` (50%) of the words of each; it is an
/// exact match when both cover the same words.
///
/// **Sources.** Source mentions are compared without an appositive or relative clause
/// after the name (cut at the first comma, parenthesis or dash, or at `who`/`which`):
/// docs/ANNOTATION.md leaves them out of the mention, PolNeAR keeps them in. A matched
/// pair's source is the same entity when
/// 1. `span`: the predicted mention covers the same words as the gold mention; or
/// 2. `name`: the predicted resolved name (or mention) and the gold mention name the
///    same entity: they end in the same word and the words of one (without `the`, `a`,
///    `an`) are all among the other's (`Trump` ~ `Donald Trump` ~ `Republican nominee
///    Donald Trump`, but not `Bill Clinton` ~ `Hillary Clinton`); or
/// 3. `antecedent`: the gold mention is a personal pronoun and the predicted name
///    names, as in 2, the entity of the nearest earlier gold source that is not a
///    pronoun (a stand-in for the antecedent: the gold has no coreference).
/// A gold relation without a source scores no source; a predicted source there is a
/// source false positive.
///
/// Cost is linear in the article's length plus the number of overlapping pairs.
public struct AttributionScorer: Sendable {
    /// The fraction of words (of each side) two contents must share to match.
    public var overlap: Double

    /// Creates a scorer; `overlap` is the least fraction of words (0…1) that a gold and a predicted content must share, on both sides, to match.
    public init(overlap: Double = 0.5) {
        self.overlap = overlap
    }

    /// Scores `predicted` against `gold` on an article's UTF-8 `bytes`.
    public func score(name: String, gold: [AttributionRelation], predicted: [AttributionRelation], bytes: [UInt8])
        -> ArticleEvaluation
    {
        let words = WordIndex(bytes)
        let goldContent = gold.map { words.contentWords($0.content) }
        let predictedContent = predicted.map { words.contentWords($0.content) }

        // Shared words of every overlapping (gold, predicted) pair, through a word → relations index.
        var goldAt: [Int: [Int]] = [:]
        for (g, ws) in goldContent.enumerated() { for w in ws { goldAt[w, default: []].append(g) } }
        var shared: [Pair: Int] = [:]
        for (p, ws) in predictedContent.enumerated() {
            for w in ws { for g in goldAt[w] ?? [] { shared[Pair(gold: g, predicted: p), default: 0] += 1 } }
        }
        var candidates: [Candidate] = []
        candidates.reserveCapacity(shared.count)
        for (pair, n) in shared {
            let longer = max(goldContent[pair.gold].count, predictedContent[pair.predicted].count)
            candidates.append(Candidate(pair: pair, ratio: Double(n) / Double(longer)))
        }
        candidates.sort()
        var goldMatch = [Int?](repeating: nil, count: gold.count)
        var predictedMatched = [Bool](repeating: false, count: predicted.count)
        var bestOverlap = [Int?](repeating: nil, count: gold.count)
        for c in candidates {
            if bestOverlap[c.pair.gold] == nil { bestOverlap[c.pair.gold] = c.pair.predicted }
            guard c.ratio >= overlap - 1e-9, goldMatch[c.pair.gold] == nil, !predictedMatched[c.pair.predicted] else {
                continue
            }
            goldMatch[c.pair.gold] = c.pair.predicted
            predictedMatched[c.pair.predicted] = true
        }

        let goldSources = gold.map { words.mentionWords($0.source) }
        let antecedents = Self.antecedents(gold, goldSources, words)
        var scores = AttributionScores()
        scores.gold = gold.count
        scores.predicted = predicted.count
        var misses: [(order: Int, miss: EvaluationMiss)] = []
        var exact = 0
        var matched = 0
        var sourceOK = 0
        var sourceSpanOK = 0
        var cueOK = 0
        for (g, match) in goldMatch.enumerated() {
            guard let p = match else {
                misses.append(
                    (
                        gold[g].content.first?.start ?? 0,
                        EvaluationMiss(
                            kind: .missed, gold: gold[g], predicted: bestOverlap[g].map { predicted[$0] })
                    ))
                continue
            }
            matched += 1
            if goldContent[g] == predictedContent[p] { exact += 1 }
            let order = gold[g].content.first?.start ?? 0
            if !gold[g].source.isEmpty {
                scores.sourceCompared += 1
                let predictedWords = words.mentionWords(predicted[p].source)
                let how = sourceMatch(
                    gold: goldSources[g], antecedent: antecedents[g], predicted: predictedWords,
                    predictedName: predicted[p].sourceName, words: words)
                if let how {
                    sourceOK += 1
                    scores.sourceCorrect += 1
                    scores.sourceMatchedBy[how, default: 0] += 1
                    if how == "span" { sourceSpanOK += 1 }
                } else {
                    misses.append((order, EvaluationMiss(kind: .source, gold: gold[g], predicted: predicted[p])))
                }
            }
            if words.words(gold[g].cue) == words.words(predicted[p].cue) {
                cueOK += 1
            } else {
                misses.append((order, EvaluationMiss(kind: .cue, gold: gold[g], predicted: predicted[p])))
            }
        }
        for (p, relation) in predicted.enumerated() where !predictedMatched[p] {
            misses.append(
                (relation.content.first?.start ?? 0, EvaluationMiss(kind: .spurious, gold: nil, predicted: relation)))
        }
        let goldWithSource = gold.filter { !$0.source.isEmpty }.count
        let predictedWithSource = predicted.filter { !$0.source.isEmpty }.count
        let goldWithCue = gold.filter { !$0.cue.isEmpty }.count
        let predictedWithCue = predicted.filter { !$0.cue.isEmpty }.count
        scores.contentExact = PRF(matched: exact, predicted: predicted.count, expected: gold.count)
        scores.contentOverlap = PRF(matched: matched, predicted: predicted.count, expected: gold.count)
        scores.source = PRF(matched: sourceOK, predicted: predictedWithSource, expected: goldWithSource)
        scores.sourceSpan = PRF(matched: sourceSpanOK, predicted: predictedWithSource, expected: goldWithSource)
        scores.cue = PRF(matched: cueOK, predicted: predictedWithCue, expected: goldWithCue)
        let sorted = misses.enumerated().sorted { a, b in
            a.element.order != b.element.order ? a.element.order < b.element.order : a.offset < b.offset
        }.map(\.element.miss)
        return ArticleEvaluation(name: name, scores: scores, misses: sorted)
    }

    struct Pair: Hashable {
        var gold: Int
        var predicted: Int
    }

    /// A pair and the fraction of words it shares; best (largest fraction) first.
    struct Candidate: Comparable {
        var pair: Pair
        var ratio: Double

        static func < (a: Candidate, b: Candidate) -> Bool {
            if a.ratio != b.ratio { return a.ratio > b.ratio }
            if a.pair.gold != b.pair.gold { return a.pair.gold < b.pair.gold }
            return a.pair.predicted < b.pair.predicted
        }
    }

    static let pronouns: Set<String> = ["he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me"]
    static let determiners: Set<String> = ["the", "a", "an"]

    /// For each gold relation whose source is a pronoun, the words of the nearest gold
    /// source before it (by position) that is not a pronoun.
    static func antecedents(_ gold: [AttributionRelation], _ sources: [[Int]], _ words: WordIndex) -> [[String]?] {
        let order = gold.indices.filter { !sources[$0].isEmpty }.sorted {
            gold[$0].source[0].start < gold[$1].source[0].start
        }
        var result = [[String]?](repeating: nil, count: gold.count)
        var last: [String]? = nil
        for g in order {
            let texts = sources[g].map { words.lowercased($0) }
            if texts.count == 1, pronouns.contains(texts[0]) {
                result[g] = last
            } else {
                last = texts
            }
        }
        return result
    }

    /// How a predicted source matches the gold one (`span`, `name`, `antecedent`), or nil.
    func sourceMatch(gold: [Int], antecedent: [String]?, predicted: [Int], predictedName: String?, words: WordIndex)
        -> String?
    {
        if !gold.isEmpty, gold == predicted { return "span" }
        let goldWords = gold.map { words.lowercased($0) }
        var names = [predicted.map { words.lowercased($0) }]
        if let predictedName { names.append(WordIndex.lowercasedWords(predictedName)) }
        if names.contains(where: { Self.sameEntity($0, goldWords) }) { return "name" }
        if let antecedent, goldWords.count == 1, Self.pronouns.contains(goldWords[0]),
            names.contains(where: { Self.sameEntity($0, antecedent) })
        {
            return "antecedent"
        }
        return nil
    }

    /// Whether two mentions (lowercased words) name the same entity: the same last word,
    /// and the words of one (without determiners) all among the other's.
    public static func sameEntity(_ a: [String], _ b: [String]) -> Bool {
        let x = a.filter { !determiners.contains($0) }
        let y = b.filter { !determiners.contains($0) }
        guard let lx = x.last, let ly = y.last, lx == ly else { return false }
        if pronouns.contains(lx) { return false }
        let sx = Set(x)
        let sy = Set(y)
        return sx.isSubset(of: sy) || sy.isSubset(of: sx)
    }
}

/// The words of an article (maximal runs of letters and digits) as UTF-8 byte spans.
struct WordIndex {
    let bytes: [UInt8]
    private(set) var spans: [Span] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var start: Int? = nil
        var i = 0
        while i < bytes.count {
            let (scalar, length) = Self.decode(bytes, at: i)
            let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWord, start == nil { start = i }
            if !isWord, let s = start {
                spans.append(Span(s, i))
                start = nil
            }
            i += length
        }
        if let s = start { spans.append(Span(s, bytes.count)) }
    }

    /// Indices of the words that `spans` overlap, ascending, without repeats.
    func words(_ spans: [Span]) -> [Int] {
        var out: [Int] = []
        for span in spans.sorted() {
            var k = firstWord(endingAfter: span.start)
            while k < self.spans.count, self.spans[k].start < span.end {
                if out.last.map({ $0 < k }) ?? true { out.append(k) }
                k += 1
            }
        }
        return out
    }

    /// Like ``words(_:)``, with a leading `that` of each piece dropped when more words follow.
    func contentWords(_ spans: [Span]) -> [Int] {
        var pieces: [Span] = []
        for span in spans {
            let ws = words([span])
            if ws.count > 1, lowercased(ws[0]) == "that" {
                pieces.append(Span(self.spans[ws[1]].start, span.end))
            } else {
                pieces.append(span)
            }
        }
        return words(pieces)
    }

    /// Like ``words(_:)`` for a source mention, cut before an appositive or a relative
    /// clause: at the first comma, parenthesis, bracket or dash between two words, or at
    /// `who`, `whom`, `whose` or `which` (`Kerr Putney, the police chief,` and `Sen. David
    /// Perdue (R-Ga.)` are `Kerr Putney` and `Sen. David Perdue`).
    func mentionWords(_ spans: [Span]) -> [Int] {
        let ws = words(spans)
        for k in ws.indices.dropFirst() {
            let gap = bytes[self.spans[ws[k - 1]].end..<self.spans[ws[k]].start]
            if gap.contains(where: { Self.appositionMarks.contains($0) })
                || Self.relativePronouns.contains(lowercased(ws[k]))
            {
                return Array(ws[..<k])
            }
            // An em or en dash (E2 80 93/94) or a horizontal bar (E2 80 95) between the words.
            if gap.count >= 3, zip(gap, gap.dropFirst()).contains(where: { $0 == 0xE2 && $1 == 0x80 }),
                gap.contains(where: { (0x93...0x95).contains($0) })
            {
                return Array(ws[..<k])
            }
        }
        return ws
    }

    static let appositionMarks: Set<UInt8> = [
        UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: ";"),
    ]
    static let relativePronouns: Set<String> = ["who", "whom", "whose", "which"]

    func lowercased(_ word: Int) -> String {
        String(decoding: bytes[spans[word].start..<spans[word].end], as: UTF8.self).lowercased()
    }

    private func firstWord(endingAfter offset: Int) -> Int {
        var lo = 0
        var hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The lowercased words of a string, by the same rule.
    static func lowercasedWords(_ s: String) -> [String] {
        let index = WordIndex(Array(s.utf8))
        return index.spans.indices.map { index.lowercased($0) }
    }

    /// Decodes one scalar (invalid bytes read as U+FFFD, one byte long).
    static func decode(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int) {
        let b = bytes[i]
        if b < 0x80 { return (Unicode.Scalar(b), 1) }
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(c & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
