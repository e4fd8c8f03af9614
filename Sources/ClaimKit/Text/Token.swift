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
