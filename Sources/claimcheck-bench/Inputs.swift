import Foundation

/// The benchmark's inputs, all built deterministically from the articles of `Corpus/`
/// (no randomness, no network): the same command gives the same bytes on every machine.
struct Inputs {
    /// The corpus articles, in file-name order.
    let articles: [[UInt8]]
    let names: [String]

    /// Reads every `*.txt` of `directory`, sorted by name.
    init(corpus directory: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) else {
            throw BenchError("--corpus \(directory): no such folder")
        }
        guard isFolder.boolValue else { throw BenchError("--corpus \(directory): not a folder") }
        guard let listing = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw BenchError("--corpus \(directory): cannot list the folder")
        }
        let files = listing.filter { $0.hasSuffix(".txt") }.sorted()
        var articles: [[UInt8]] = []
        for name in files {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw BenchError("\(path): cannot read")
            }
            articles.append(Array(data))
        }
        guard !articles.isEmpty else {
            throw BenchError("no *.txt articles in \(directory)")
        }
        self.articles = articles
        self.names = files
    }

    var corpusBytes: Int { articles.reduce(0) { $0 + $1.count } }

    /// The corpus mix of at least `bytes` bytes: the articles in name order, again and
    /// again, as separate articles. Returned as indices into `articles` so that a 100 MB
    /// corpus is never held in memory (peak memory then shows the extractor's working set).
    func mix(bytes: Int) -> (order: [Int], bytes: Int) {
        var order: [Int] = []
        var total = 0
        var k = 0
        while total < bytes {
            order.append(k)
            total += articles[k].count
            k = (k + 1) % articles.count
        }
        return (order, total)
    }

    // MARK: - Pathological inputs

    /// All corpus text, articles joined by a blank line.
    private var joined: [UInt8] {
        var out: [UInt8] = []
        for a in articles {
            out.append(contentsOf: a)
            out.append(contentsOf: [0x0A, 0x0A])
        }
        return out
    }

    /// Whitespace-separated words of the corpus.
    private var words: [ArraySlice<UInt8>] {
        joined.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
    }

    /// One paragraph of `bytes` bytes: the corpus words with everything but ASCII
    /// letters and digits taken out, joined by single spaces. No punctuation, no quotation
    /// marks, no line break: one sentence the size of the input.
    func noPunctuation(bytes: Int) -> [UInt8] {
        let clean = words.map { $0.filter { b in (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) } }
            .filter { !$0.isEmpty }
        var out: [UInt8] = []
        out.reserveCapacity(bytes + 64)
        var k = 0
        while out.count < bytes {
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: clean[k % clean.count])
            k += 1
        }
        return out
    }

    /// The corpus as one paragraph of `bytes` bytes: every line break a space, quotation
    /// marks and all punctuation kept.
    func noParagraphBreaks(bytes: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes + 64)
        let w = words
        var k = 0
        while out.count < bytes {
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: w[k % w.count])
            k += 1
        }
        return out
    }

    /// One paragraph of about `100 * marks` bytes of corpus sentences with their own
    /// quotation marks taken out and `marks` marks put in that can never pair: an opening
    /// single mark before a word (‘) and a closing double mark after a word (”), in turn,
    /// one every 100 bytes or so.
    func unmatchedQuotes(marks: Int) -> (text: [UInt8], marks: Int) {
        let quoteless = words.map(Self.withoutQuotes).filter { !$0.isEmpty }
        let openSingle: [UInt8] = [0xE2, 0x80, 0x98]  // ‘
        let closeDouble: [UInt8] = [0xE2, 0x80, 0x9D]  // ”
        var out: [UInt8] = []
        out.reserveCapacity(marks * 100 + 64)
        var k = 0
        var placed = 0
        var nextMark = 50
        while placed < marks {
            if !out.isEmpty { out.append(0x20) }
            let word = quoteless[k % quoteless.count]
            k += 1
            if out.count >= nextMark {
                nextMark += 100
                if placed % 2 == 0 {
                    out.append(contentsOf: openSingle)
                    out.append(contentsOf: word)
                } else {
                    out.append(contentsOf: word)
                    out.append(contentsOf: closeDouble)
                }
                placed += 1
            } else {
                out.append(contentsOf: word)
            }
        }
        return (out, placed)
    }

    private static func withoutQuotes(_ word: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var i = word.startIndex
        while i < word.endIndex {
            let b = word[i]
            if b == 0x22 || b == 0x27 { i += 1; continue }
            if b == 0xE2, i + 2 < word.endIndex, word[i + 1] == 0x80, (0x98...0x9F).contains(word[i + 2]) {
                i += 3
                continue
            }
            if b == 0xC2, i + 1 < word.endIndex, word[i + 1] == 0xAB || word[i + 1] == 0xBB {
                i += 2
                continue
            }
            out.append(b)
            i += 1
        }
        return out
    }

    /// One article of `count` sentences, each with "said", in paragraphs of three:
    /// named sources, titles, pronouns, short names, quotations, "according to",
    /// trailing and nested attribution, all cycling over small invented word lists, so
    /// that the article-wide structures (people by last name, the pronoun context, the
    /// drafts of a sentence) grow with the input.
    static func saidSentences(count: Int) -> [UInt8] {
        let first = ["Ana", "Tomas", "Lena", "Omar", "Grace", "Pavel", "Nadia", "Kofi", "Ines", "Marek"]
        let last = ["Ruiz", "Berg", "Haddad", "Mensah", "Kowal", "Okafor", "Lind", "Sato", "Varga", "Moreau"]
        let roles = ["Finance Minister", "police spokeswoman", "council leader", "union official", "Deputy Mayor"]
        let orgs = [
            "the ministry", "the city council", "the port authority", "the teachers' union", "the hospital trust",
        ]
        let nouns = ["plan", "budget", "ferry service", "new bridge", "inquiry", "pay offer", "school repair"]
        let verbs = ["cost more", "start late", "go ahead", "be delayed", "need more staff", "be reviewed"]
        let times = ["on Monday", "next week", "this month", "by the spring", "after the election"]
        var out = ""
        out.reserveCapacity(count * 100)
        for i in 0..<count {
            let f = first[i % first.count]
            let l = last[(i / 3) % last.count]
            let r = roles[i % roles.count]
            let o = orgs[(i / 2) % orgs.count]
            let n = nouns[i % nouns.count]
            let v = verbs[(i / 5) % verbs.count]
            let t = times[(i / 7) % times.count]
            let sentence: String
            switch i % 8 {
            case 0: sentence = "\(r) \(f) \(l) said the \(n) would \(v) \(t), and that talks were going well."
            case 1: sentence = "“The \(n) will \(v) \(t),” \(l) said, adding that \(o) had agreed to it."
            case 2: sentence = "\(l) said on Tuesday that \(o) had asked for the \(n) to \(v) \(t)."
            case 3: sentence = "She said \(o) would not let the \(n) \(v), the agency said on Friday."
            case 4: sentence = "According to \(o), the \(n) will \(v) \(t), a spokesman for the mayor said."
            case 5: sentence = "The \(n) could \(v), \(f) \(l), a spokesman for \(o), said in a statement."
            case 6: sentence = "They said \(r) \(l) told reporters that the \(n) would \(v) \(t)."
            default: sentence = "Officials said the \(n) would \(v) \(t), but \(l) said it was too early to say."
            }
            out += sentence
            out += i % 3 == 2 ? "\n\n" : " "
        }
        return Array(out.utf8)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
