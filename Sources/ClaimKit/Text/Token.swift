/// The kinds of token the byte-level tokenizer produces.
enum TokenKind: UInt8, Sendable {
    case word
    case number
    /// ASCII punctuation; `Token.mark` holds the byte.
    case punctuation
    /// A quotation mark (or an apostrophe standing alone); `Token.mark` holds a `QuoteMark`.
    case quote
    /// An em/en dash, a spaced hyphen or `--`.
    case dash
    /// An ellipsis character.
    case ellipsis
    /// Any other symbol.
    case symbol
}

/// Quotation mark shapes, as stored in `Token.mark` for `.quote` tokens.
enum QuoteMark: UInt8, Sendable {
    case straightDouble = 1  // "
    case straightSingle  // '
    case leftDouble  // “ „ ‟ «
    case rightDouble  // ” »
    case leftSingle  // ‘ ‚ ‹
    case rightSingle  // ’ ›

    var isDouble: Bool { self == .straightDouble || self == .leftDouble || self == .rightDouble }
    var isSingle: Bool { !isDouble }
}

struct TokenFlags: OptionSet, Sendable {
    let rawValue: UInt16
    /// Starts with an upper-case letter (or a name particle followed by one: "al-Sarraj").
    static let capitalized = TokenFlags(rawValue: 1 << 0)
    /// Two or more letters, all upper case ("GNA", "NATO").
    static let allCaps = TokenFlags(rawValue: 1 << 1)
    /// Ends in 's after an apostrophe; `Token.key` and `coreEnd` leave the 's out.
    static let possessive = TokenFlags(rawValue: 1 << 2)
    /// A trailing period was taken into the word (abbreviation, initial, acronym).
    static let periodAbsorbed = TokenFlags(rawValue: 1 << 3)
    /// Space (or a line break) before the token.
    static let spaceBefore = TokenFlags(rawValue: 1 << 4)
    /// Space (or a line break) after the token.
    static let spaceAfter = TokenFlags(rawValue: 1 << 5)
    /// A title abbreviation with its period ("Mr.", "Gen."): never ends a sentence.
    static let titleAbbreviation = TokenFlags(rawValue: 1 << 6)
    /// A quote token the quotation scanner decided is an apostrophe.
    static let apostrophe = TokenFlags(rawValue: 1 << 7)
    /// Opens a quotation (set by the quotation scanner).
    static let opensQuote = TokenFlags(rawValue: 1 << 8)
    /// Closes a quotation (set by the quotation scanner).
    static let closesQuote = TokenFlags(rawValue: 1 << 9)
}

/// One token: a half-open byte range plus what the tokenizer learnt of it.
struct Token: Sendable {
    var start: Int32
    var end: Int32
    /// End of the word without a possessive 's or an absorbed period.
    var coreEnd: Int32
    var kind: TokenKind
    var mark: UInt8
    var flags: TokenFlags
    /// `WordKey` of the word's core (lower-cased, apostrophes folded).
    var key: UInt64

    var span: Span { Span(Int(start), Int(end)) }
    var coreSpan: Span { Span(Int(start), Int(coreEnd)) }

    func isPunctuation(_ byte: UInt8) -> Bool { kind == .punctuation && mark == byte }
    var isWord: Bool { kind == .word || kind == .number }
    var quoteMark: QuoteMark? { kind == .quote ? QuoteMark(rawValue: mark) : nil }
    /// . ! ? or an ellipsis.
    var isTerminal: Bool {
        (kind == .punctuation && (mark == 0x2E || mark == 0x21 || mark == 0x3F)) || kind == .ellipsis
    }
}

/// What the lexicon says of a token, found once by the tokenizer so that the rules read
/// it instead of hashing again (see `TextAnalysis.classes(_:)`).
struct TokenFacts: Sendable {
    /// `index.classes(of: key)` for a `.word`, empty for any other token.
    var classes: WordClass
    /// The raw value of `TextAnalysis.nounClasses(_:)`, with `isTitle(_:)` in bit 63,
    /// which no word class uses (`LexiconIndex` checks).
    var nounClassesAndTitle: UInt64

    static let titleBit: UInt64 = 1 << 63
    static let none = TokenFacts(classes: [], nounClassesAndTitle: 0)

    init(classes: WordClass, nounClassesAndTitle: UInt64) {
        self.classes = classes
        self.nounClassesAndTitle = nounClassesAndTitle
    }

    init(classes: WordClass, nounClasses: WordClass, isTitle: Bool) {
        self.classes = classes
        self.nounClassesAndTitle = nounClasses.rawValue | (isTitle ? Self.titleBit : 0)
    }

    var nounClasses: WordClass { WordClass(rawValue: nounClassesAndTitle & ~Self.titleBit) }
    var isTitle: Bool { nounClassesAndTitle & Self.titleBit != 0 }
}

/// Where the tokenizer writes: the storage of the final token array, through a pointer,
/// with room for `capacity` tokens (`Array.append` per token cost a uniqueness and a
/// capacity check on every call, and a chunk copied into the array a copy of every token).
struct TokenSink {
    private let tokens: UnsafeMutablePointer<Token>
    let capacity: Int
    private(set) var count: Int
    /// See `Tokenizer.tokenize(_:paragraphs:)`.
    var marks: ScratchList<Int32>
    /// The facts of the words `Tokenizer.generalWord` made, which the second pass takes
    /// as they are.
    var special: ScratchList<SpecialFacts>
    /// `.quote` tokens written.
    var quotes = 0

    /// `count` tokens are already initialized at `tokens`.
    init(
        tokens: UnsafeMutablePointer<Token>, capacity: Int, count: Int, marks: ScratchList<Int32>,
        special: ScratchList<SpecialFacts>
    ) {
        self.tokens = tokens
        self.capacity = capacity
        self.count = count
        self.marks = marks
        self.special = special
    }

    var isFull: Bool { count >= capacity }

    /// Callers check `isFull` before each step that may push, and a step pushes one token
    /// at most, so `count` stays below `capacity` here.
    @inline(__always)
    mutating func push(_ token: Token) {
        assert(count < capacity)
        (tokens + count).initialize(to: token)
        count &+= 1
    }

    /// Records that the next token pushed is a mark (see `marks`).
    @inline(__always)
    mutating func noteMark() { marks.append(Int32(truncatingIfNeeded: count)) }
}

struct SpecialFacts {
    var token: Int
    var facts: TokenFacts
}

/// A growable list for the text layer's scratch lists: an append has no uniqueness
/// check (as `Array.append` has), and it starts in memory the caller lends (on the stack,
/// from `withUnsafeTemporaryAllocation`), so that a short article allocates nothing for
/// it (an allocation cost 400 to 1,500 instructions, an `Array` also a generic metadata
/// lookup). Past that it grows on the heap; the owner calls `free()` once.
struct ScratchList<Element: BitwiseCopyable> {
    private var items: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int
    private var onHeap = false

    /// `storage` must outlive the list (and not be empty).
    init(storage: UnsafeMutableBufferPointer<Element>) {
        precondition(storage.count > 0)
        items = storage.baseAddress!
        capacity = storage.count
    }

    @inline(__always)
    mutating func append(_ item: Element) {
        if count == capacity { grow() }
        (items + count).initialize(to: item)
        count &+= 1
    }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: items, count: count)
        if onHeap { items.deallocate() }
        items = larger
        onHeap = true
        capacity *= 2
    }

    subscript(i: Int) -> Element {
        precondition(i >= 0 && i < count)
        return items[i]
    }

    var last: Element? { count > 0 ? items[count - 1] : nil }

    /// Keeps the first `n` items.
    mutating func removeAll(from n: Int) {
        precondition(n >= 0 && n <= count)
        count = n
    }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: items, count: count) }

    func free() { if onHeap { items.deallocate() } }
}
