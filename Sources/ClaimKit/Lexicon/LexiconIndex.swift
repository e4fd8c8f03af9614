/// Word classes a token can belong to; one bit per closed list of the lexicon.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt64
    static let auxiliary = WordClass(rawValue: 1 << 0)
    static let adverb = WordClass(rawValue: 1 << 1)
    static let negation = WordClass(rawValue: 1 << 2)
    static let cueBlocker = WordClass(rawValue: 1 << 3)
    static let personPronoun = WordClass(rawValue: 1 << 4)
    static let pluralPronoun = WordClass(rawValue: 1 << 5)
    static let neuterPronoun = WordClass(rawValue: 1 << 6)
    static let relativePronoun = WordClass(rawValue: 1 << 7)
    static let determiner = WordClass(rawValue: 1 << 8)
    static let title = WordClass(rawValue: 1 << 9)
    static let titleAbbreviation = WordClass(rawValue: 1 << 10)
    static let abbreviation = WordClass(rawValue: 1 << 11)
    static let nameParticle = WordClass(rawValue: 1 << 12)
    static let sentenceStarter = WordClass(rawValue: 1 << 13)
    static let functionWord = WordClass(rawValue: 1 << 14)
    static let preposition = WordClass(rawValue: 1 << 15)
    static let clauseWord = WordClass(rawValue: 1 << 16)
    static let coordinator = WordClass(rawValue: 1 << 17)
    static let complementizer = WordClass(rawValue: 1 << 18)
    static let weekday = WordClass(rawValue: 1 << 19)
    static let month = WordClass(rawValue: 1 << 20)
    static let timeModifier = WordClass(rawValue: 1 << 21)
    static let timeUnit = WordClass(rawValue: 1 << 22)
    static let timeWord = WordClass(rawValue: 1 << 23)
    static let mediaWord = WordClass(rawValue: 1 << 24)
    static let mediaName = WordClass(rawValue: 1 << 25)
    static let governmentWord = WordClass(rawValue: 1 << 26)
    static let country = WordClass(rawValue: 1 << 27)
    static let organizationWord = WordClass(rawValue: 1 << 28)
    static let documentWord = WordClass(rawValue: 1 << 29)
    static let anonymousWord = WordClass(rawValue: 1 << 30)
    static let anonymityMarker = WordClass(rawValue: 1 << 31)
    static let groupWord = WordClass(rawValue: 1 << 32)
    static let audienceWord = WordClass(rawValue: 1 << 33)
    static let article = WordClass(rawValue: 1 << 34)
    static let firstPersonPronoun = WordClass(rawValue: 1 << 35)
    static let timePreposition = WordClass(rawValue: 1 << 36)
    static let nonSpeaker = WordClass(rawValue: 1 << 37)
    static let beForm = WordClass(rawValue: 1 << 40)
    static let objectPronoun = WordClass(rawValue: 1 << 41)
    /// The base or third-person form of a reporting verb, often a noun too ("report", "claims").
    static let verbNounForm = WordClass(rawValue: 1 << 42)
    static let titleMarker = WordClass(rawValue: 1 << 43)
    static let finiteMarker = WordClass(rawValue: 1 << 44)
    static let localGovernmentWord = WordClass(rawValue: 1 << 45)
    static let eventNoun = WordClass(rawValue: 1 << 46)
    static let cardinal = WordClass(rawValue: 1 << 47)
    static let indefinite = WordClass(rawValue: 1 << 48)
    static let male = WordClass(rawValue: 1 << 49)
    static let female = WordClass(rawValue: 1 << 50)
    static let catenative = WordClass(rawValue: 1 << 51)
    /// The first word of a multi-word cue or cue extension.
    static let phraseStart = WordClass(rawValue: 1 << 38)
    /// A form of a reporting verb.
    static let verbForm = WordClass(rawValue: 1 << 39)
    /// The first word of one of the lexicon's cue phrases ("according", "citing"): the
    /// key has an entry in `LexiconIndex.phrases` (unlike `phraseStart`, which also marks
    /// multi-word list entries).
    static let cuePhraseStart = WordClass(rawValue: 1 << 52)

    static let pronoun: WordClass = [.personPronoun, .pluralPronoun, .neuterPronoun, .firstPersonPronoun]
    static let timeStart: WordClass = [.weekday, .month, .timeModifier, .timeWord, .timePreposition]

    /// The JSON list name of each class, as used in `Lexicon.words`.
    static let listNames: [(String, WordClass)] = [
        ("personPronouns", .personPronoun), ("pluralPronouns", .pluralPronoun),
        ("neuterPronouns", .neuterPronoun), ("firstPersonPronouns", .firstPersonPronoun),
        ("relativePronouns", .relativePronoun), ("determiners", .determiner), ("articles", .article),
        ("titles", .title), ("titleAbbreviations", .titleAbbreviation), ("abbreviations", .abbreviation),
        ("nameParticles", .nameParticle), ("sentenceStarters", .sentenceStarter),
        ("functionWords", .functionWord), ("prepositions", .preposition), ("clauseWords", .clauseWord),
        ("coordinators", .coordinator), ("complementizers", .complementizer), ("weekdays", .weekday),
        ("months", .month), ("timeModifiers", .timeModifier), ("timeUnits", .timeUnit),
        ("timeWords", .timeWord), ("timePrepositions", .timePreposition), ("mediaWords", .mediaWord),
        ("mediaNames", .mediaName), ("governmentWords", .governmentWord), ("countries", .country),
        ("organizationWords", .organizationWord), ("documentWords", .documentWord),
        ("anonymousWords", .anonymousWord), ("anonymityMarkers", .anonymityMarker),
        ("groupWords", .groupWord), ("audienceWords", .audienceWord), ("nonSpeakers", .nonSpeaker),
        ("beForms", .beForm), ("objectPronouns", .objectPronoun), ("titleMarkers", .titleMarker),
        ("finiteMarkers", .finiteMarker), ("localGovernmentWords", .localGovernmentWord), ("eventNouns", .eventNoun),
        ("cardinals", .cardinal), ("indefinites", .indefinite), ("maleWords", .male), ("femaleWords", .female),
        ("catenatives", .catenative),
    ]
}

/// FNV-1a over a word's bytes, lower-cased, with ’ and ‘ folded to '.
/// Tokens and lexicon entries hash the same way, so lookups never build a String.
enum WordKey {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    @inline(__always)
    static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    /// The hash before `mix(hash, byte)`: FNV's prime is odd, so multiplying by its
    /// inverse modulo 2⁶⁴ undoes the multiplication.
    @inline(__always)
    static func unmix(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash &* 0xce96_5057_aff6_957b) ^ UInt64(byte)
    }

    /// Hashes `bytes[range]`.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash = seed
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = bytes[i]
            if byte == 0xE2, i + 2 < range.upperBound, bytes[i + 1] == 0x80,
                bytes[i + 2] == 0x98 || bytes[i + 2] == 0x99
            {
                hash = mix(hash, 0x27)
                i += 3
                continue
            }
            // Invisible characters the tokenizer ignores (zero-width and direction marks,
            // soft hyphen, word joiner, BOM) do not change the word: "sa\u{200B}id" is "said".
            if byte >= 0xC2, let skip = invisibleLength(bytes, i, range.upperBound) {
                i += skip
                continue
            }
            hash = mix(hash, lower(byte))
            i += 1
        }
        return hash
    }

    /// The byte length of an invisible character at `i` (soft hyphen, zero-width and
    /// direction marks, word joiner, BOM), or nil.
    @inline(__always)
    static func invisibleLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        let byte = bytes[i]
        if byte == 0xC2, i + 1 < end, bytes[i + 1] == 0xAD { return 2 }
        guard i + 2 < end else { return nil }
        if byte == 0xE2,
            bytes[i + 1] == 0x80 && (0x8B...0x8F ~= bytes[i + 2] || 0xAA...0xAE ~= bytes[i + 2])
                || bytes[i + 1] == 0x81 && 0xA0...0xAF ~= bytes[i + 2]
        {
            return 3
        }
        if byte == 0xEF, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return 3 }
        return nil
    }

    // Keys of words the rules test by name, as literals: a computed `static let` costs a
    // one-time-initialisation check at every use (LexiconTests checks them against `of`).
    static let andWord: UInt64 = 0xe6f7_9719_051f_f286
    static let ofWord: UInt64 = 0x08b0_6007_b556_7108
    static let fromWord: UInt64 = 0x7f84_5078_d7a5_c0b5
    static let youWord: UInt64 = 0xb561_7c19_799e_a15c
    static let theWord: UInt64 = 0x56f5_c919_4461_d57c
    static let councilWord: UInt64 = 0xe704_ab73_c530_b2cc
    /// "after", "before", "during", "following": prepositions of an event time.
    static let eventPrepositions: (UInt64, UInt64, UInt64, UInt64) = (
        0xbf82_010f_6f71_eae9, 0xd89a_a062_45af_b2be, 0x8ab5_09e9_1ba2_7e88, 0x9f50_e1df_5bdf_dcf8
    )

    static func of(_ word: String) -> UInt64 {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { of($0, 0..<$0.count) }
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}

/// A cue's lemma, interned by ``LexiconIndex``: drafts and cue candidates carry this
/// index rather than a String, so that copying them copies no reference.
struct Lemma: Hashable, Sendable {
    var raw: Int32
    /// No lemma (a cue extension).
    static let none = Lemma(raw: 0)
    /// The colon of a headline or speaker label ("Minister: …").
    static let colon = Lemma(raw: 1)
    /// The dash before a source ("“…” — Ana Ruiz").
    static let dash = Lemma(raw: 2)
}

/// A multi-word cue or extension compiled to word keys.
struct PhrasePattern: Sendable {
    var words: [UInt64]
    var lemma: Lemma
    var role: Lexicon.PhraseRole?
}

/// A phrase of the lexicon found in the text: how many tokens it takes, its lemma and role.
struct PhraseMatch: Sendable {
    var length: Int
    var lemma: Lemma
    var role: Lexicon.PhraseRole?
}

/// The lexicon compiled for lookups by word key; built once per lexicon.
final class LexiconIndex: Sendable {
    let classes: [UInt64: WordClass]
    /// `classes` as a flat table for the per-token lookup (see ``WordTable``).
    let classTable: WordTable
    /// Verb form key → (lemma, class, is base form).
    let verbs: [UInt64: (lemma: Lemma, cueClass: Lexicon.CueClass, complement: Lexicon.Complement)]
    /// The text of each ``Lemma`` (index `raw`); 0, 1 and 2 are "", ":" and "—".
    let lemmaNames: [String]
    /// `WordKey.of` each lemma, for "is the cue word its own base form?".
    let lemmaKeys: [UInt64]
    /// Per lemma: it takes an audience ("tell", "inform": `Grammar.tellLemmas`).
    let lemmaTakesAudience: [Bool]
    /// The lemma "tell" (whose outlet audience becomes a hop), or an id no cue has.
    let tellLemma: Lemma
    /// First word key → phrases starting with it, longest first.
    let phrases: [UInt64: [PhrasePattern]]
    let extensions: [UInt64: [PhrasePattern]]
    // The three maps above as flat tables for the per-token lookups (see ``KeyIndex``).
    private let verbTable: KeyIndex
    private let verbList: [(lemma: Lemma, cueClass: Lexicon.CueClass, complement: Lexicon.Complement)]
    // Phrases and extensions flattened for matching without a reference in sight: per
    // first word a range of `patterns`, each pattern a range of `patternWords`.
    private let phraseTable: KeyIndex
    private let phraseRanges: [Range<Int>]
    private let extensionTable: KeyIndex
    private let extensionRanges: [Range<Int>]
    private let patterns: [(words: Range<Int>, lemma: Lemma, role: Lexicon.PhraseRole?)]
    private let patternWords: [UInt64]

    init(_ lexicon: Lexicon) {
        var classes: [UInt64: WordClass] = [:]
        func add(_ word: String, _ cls: WordClass) {
            let parts = word.split(separator: " ")
            guard let first = parts.first else { return }
            classes[WordKey.of(parts.count == 1 ? word : String(first)), default: []].formUnion(
                parts.count == 1 ? cls : .phraseStart)
        }
        for w in lexicon.auxiliaries { add(w, .auxiliary) }
        for w in lexicon.adverbs { add(w, .adverb) }
        for w in lexicon.negations { add(w, .negation) }
        for w in lexicon.cueBlockers { add(w, .cueBlocker) }
        for (name, cls) in WordClass.listNames {
            for w in lexicon.words[name] ?? [] { add(w, cls) }
        }
        var lemmaNames = ["", ":", "—"]
        var lemmaIDs: [String: Lemma] = [:]
        for (k, name) in lemmaNames.enumerated() { lemmaIDs[name] = Lemma(raw: Int32(k)) }
        func intern(_ name: String) -> Lemma {
            if let id = lemmaIDs[name] { return id }
            let id = Lemma(raw: Int32(lemmaNames.count))
            lemmaNames.append(name)
            lemmaIDs[name] = id
            return id
        }
        var verbs: [UInt64: (lemma: Lemma, cueClass: Lexicon.CueClass, complement: Lexicon.Complement)] = [:]
        for verb in lexicon.verbs {
            for (n, form) in verb.forms.enumerated() {
                let key = WordKey.of(form)
                if n < 2 && verb.noun == true { classes[key, default: []].insert(.verbNounForm) }
                if verbs[key] == nil { verbs[key] = (intern(verb.lemma), verb.class, verb.complement ?? .bare) }
                classes[key, default: []].insert(.verbForm)
            }
        }
        func compile(_ text: String, _ lemma: String, _ role: Lexicon.PhraseRole?) -> PhrasePattern {
            PhrasePattern(
                words: text.split(separator: " ").map { WordKey.of(String($0)) }, lemma: intern(lemma), role: role)
        }
        var phrases: [UInt64: [PhrasePattern]] = [:]
        for p in lexicon.phrases {
            let pattern = compile(p.text, p.lemma, p.role)
            phrases[pattern.words[0], default: []].append(pattern)
            classes[pattern.words[0], default: []].formUnion([.phraseStart, .cuePhraseStart])
        }
        var extensions: [UInt64: [PhrasePattern]] = [:]
        for e in lexicon.cueExtensions {
            let pattern = compile(e, "", nil)
            extensions[pattern.words[0], default: []].append(pattern)
        }
        for k in phrases.keys { phrases[k]!.sort { $0.words.count > $1.words.count } }
        for k in extensions.keys { extensions[k]!.sort { $0.words.count > $1.words.count } }
        // `TokenFacts` keeps a flag in the top bit of a class set.
        precondition(classes.values.allSatisfy { $0.rawValue & TokenFacts.titleBit == 0 }, "a word class uses bit 63")
        self.classes = classes
        self.classTable = WordTable(classes)
        self.verbs = verbs
        self.phrases = phrases
        self.extensions = extensions
        func table<Value>(_ map: [UInt64: Value]) -> (KeyIndex, [Value]) {
            var index = KeyIndex(capacity: map.count)
            var values: [Value] = []
            for (key, value) in map.sorted(by: { $0.key < $1.key }) {
                index.set(values.count, for: key)
                values.append(value)
            }
            return (index, values)
        }
        (verbTable, verbList) = table(verbs)
        var patterns: [(words: Range<Int>, lemma: Lemma, role: Lexicon.PhraseRole?)] = []
        var patternWords: [UInt64] = []
        func flatten(_ map: [UInt64: [PhrasePattern]]) -> (KeyIndex, [Range<Int>]) {
            let (index, lists) = table(map)
            let ranges = lists.map { list -> Range<Int> in
                let first = patterns.count
                for p in list {
                    patterns.append((patternWords.count..<(patternWords.count + p.words.count), p.lemma, p.role))
                    patternWords.append(contentsOf: p.words)
                }
                return first..<patterns.count
            }
            return (index, ranges)
        }
        (phraseTable, phraseRanges) = flatten(phrases)
        (extensionTable, extensionRanges) = flatten(extensions)
        self.patterns = patterns
        self.patternWords = patternWords
        self.lemmaNames = lemmaNames
        self.lemmaKeys = lemmaNames.map(WordKey.of)
        self.lemmaTakesAudience = lemmaNames.map(Grammar.tellLemmas.contains)
        self.tellLemma = lemmaIDs["tell"] ?? Lemma(raw: -1)
    }

    /// The text of `lemma`.
    @inline(__always)
    func name(of lemma: Lemma) -> String { lemmaNames[Int(lemma.raw)] }

    @inline(__always)
    func classes(of key: UInt64) -> WordClass { classTable.lookup(key) }

    /// `verbs[key]`.
    @inline(__always)
    func verb(_ key: UInt64) -> (lemma: Lemma, cueClass: Lexicon.CueClass, complement: Lexicon.Complement)? {
        verbTable.value(for: key).map { verbList[$0] }
    }

    /// The longest cue phrase (or, with `extensions`, cue extension) of the lexicon that
    /// starts at token `t` and ends by `end`: whole words, none with a possessive 's.
    func longestPhrase(_ tokens: [Token], at t: Int, end: Int, extensions: Bool = false) -> PhraseMatch? {
        guard let list = (extensions ? extensionTable : phraseTable).value(for: tokens[t].key) else { return nil }
        for p in (extensions ? extensionRanges : phraseRanges)[list] {
            let pattern = patterns[p]
            guard t + pattern.words.count <= end else { continue }
            var k = 0
            while k < pattern.words.count {
                let token = tokens[t + k]
                if token.kind != .word || token.key != patternWords[pattern.words.lowerBound + k]
                    || token.flags.contains(.possessive)
                {
                    break
                }
                k += 1
            }
            if k == pattern.words.count { return PhraseMatch(length: k, lemma: pattern.lemma, role: pattern.role) }
        }
        return nil
    }

    /// Whether a cue phrase of the lexicon starts with the word `key` (`phrases[key] != nil`
    /// without hashing the key again).
    @inline(__always)
    func startsCuePhrase(_ key: UInt64) -> Bool { classTable.lookup(key).contains(.cuePhraseStart) }
}
