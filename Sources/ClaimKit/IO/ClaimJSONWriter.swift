/// Writes claims as JSON straight into UTF-8 bytes, without building a ``JSONValue``
/// tree first: the bytes are exactly those of serialising ``ClaimJSON/value(_:includeRules:)``
/// (``JSONValue/compact()`` in the compact style, ``JSONValue/serialized(indent:)`` in the
/// pretty one) — same key order, escaping, number format and spacing.
///
/// Containers are written as a stream: ``beginObject()``, then ``key(_:)`` before each
/// member's value, ``endObject()``; ``beginArray()``, then ``element()`` before each item,
/// ``endArray()``. The writer keeps the indentation and the commas; an empty container
/// comes out as `{}` or `[]` in either style.
///
/// ```swift
/// var w = ClaimJSONWriter()
/// w.beginObject()
/// w.key("claims")
/// w.claims(extraction.claims)
/// w.endObject()
/// w.newline()
/// console.out(w.text)
/// ```
///
/// The writer owns its buffer and is not copyable: pass it `inout`, and take the result
/// with ``text``, ``bytes`` or ``withBytes(_:)``.
public struct ClaimJSONWriter: ~Copyable {
    /// How the JSON is laid out.
    public enum Style: Sendable {
        /// One line, no spaces except inside `[start, end]` spans (``JSONValue/compact()``).
        case compact
        /// Two-space indentation, one member per line, spans on one line
        /// (``JSONValue/serialized(indent:)``).
        case pretty
    }

    /// The layout.
    public let style: Style
    /// The buffer: `count` bytes written of `capacity`.
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes have been written.
    public private(set) var count = 0
    /// Containers open (in the pretty style each adds two spaces of indentation).
    private var depth = 0
    /// Whether the innermost open container has no member yet.
    private var first = true
    /// The indentation of the line the writing started on (pretty style).
    private let baseIndent: Int

    /// A writer with no bytes yet.
    ///
    /// - Parameters:
    ///   - style: compact (JSON Lines) or pretty (documents, fixtures).
    ///   - indent: in the pretty style, the indentation of the line the first value
    ///     starts on, as ``JSONValue/serialized(indent:)`` takes it.
    ///   - capacity: bytes to reserve up front (the buffer grows as needed).
    public init(style: Style = .compact, indent: Int = 0, capacity: Int = 1024) {
        self.style = style
        self.baseIndent = max(0, indent)
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far, as a String.
    ///
    /// The bytes are valid UTF-8 by construction — ASCII punctuation, keys and digits, and
    /// the UTF-8 of Swift strings with only ASCII bytes and whole U+2028/U+2029 replaced
    /// by escapes — so they are copied without being validated again (validation cost
    /// ten times the copy). Debug builds check anyway.
    public var text: String {
        let written = UnsafeBufferPointer(start: base, count: count)
        assert(String(validating: written, as: UTF8.self) != nil, "ClaimJSONWriter wrote invalid UTF-8")
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            return String(copying: UTF8Span(unchecked: written.span))
        }
        return String(decoding: written, as: UTF8.self)
    }

    /// A copy of the bytes written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Calls `body` with the bytes written so far (valid only inside `body`).
    public func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Makes room for at least `n` more bytes, so that writing them does not grow the
    /// buffer piece by piece (a hint: the buffer grows as needed anyway).
    public mutating func reserveCapacity(_ n: Int) { reserve(max(0, n)) }

    /// Forgets the bytes written (keeping the memory) and any open containers, to
    /// write the next document into the same buffer.
    public mutating func removeAll() {
        count = 0
        depth = 0
        first = true
    }

    // MARK: Structure

    /// Opens an object: `{`.
    public mutating func beginObject() { open(0x7B) }

    /// Closes the innermost object: `}`, on its own line in the pretty style unless the
    /// object is empty.
    public mutating func endObject() { close(0x7D) }

    /// Opens an array: `[`.
    public mutating func beginArray() { open(0x5B) }

    /// Closes the innermost array: `]`, on its own line in the pretty style unless the
    /// array is empty.
    public mutating func endArray() { close(0x5D) }

    /// Starts the next member of the innermost object: the separator, the indentation and
    /// `"name":` (`"name": ` in the pretty style). Write the member's value next.
    ///
    /// - Precondition: `name` is a string literal (not a `Unicode.Scalar` one) that needs
    ///   no escaping (no `"`, `\`, control character, U+2028 or U+2029): it is copied as
    ///   it is.
    @inline(__always)
    public mutating func key(_ name: StaticString) {
        separate()
        let n = name.utf8CodeUnitCount
        reserve(n &+ 4)
        put(0x22)
        (base + count).initialize(from: name.utf8Start, count: n)
        count &+= n
        put(0x22)
        put(0x3A)
        if style == .pretty { put(0x20) }
    }

    /// Starts the next item of the innermost array: the separator and the indentation.
    /// Write the item next.
    public mutating func element() { separate() }

    /// Appends a line feed (after a whole document: JSON Lines, files).
    public mutating func newline() { append(0x0A) }

    // MARK: Values

    /// A string value, escaped as ``JSONValue`` escapes it.
    @inline(__always)
    public mutating func string(_ s: String) {
        // Native strings lend their bytes without a copy of the String (withUTF8 would
        // need one, being mutating); others (bridged) go the long way.
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { quoted($0) }
        if done == nil {
            var s = s
            s.withUTF8 { quoted($0) }
        }
    }

    @inline(__always)
    private mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.count <= JSONEscaping.pieceLimit else { return quotedInPieces(utf8) }
        reserve(JSONEscaping.quotedCapacity(utf8.count))
        count &+= JSONEscaping.writeQuoted(utf8, to: base + count)
    }

    /// A long string a piece at a time, so that the room asked for (six times the text
    /// at worst) stays small.
    @inline(never)
    private mutating func quotedInPieces(_ utf8: UnsafeBufferPointer<UInt8>) {
        append(0x22)
        JSONEscaping.forEachPiece(of: utf8) { piece in
            reserve(JSONEscaping.escapedCapacity(piece.count))
            count &+= JSONEscaping.writeEscaped(piece, to: base + count)
        }
        append(0x22)
    }

    /// An integer value, formatted as ``JSONValue/number(_:)`` of `Double(n)` is.
    @inline(__always)
    public mutating func integer(_ n: Int) {
        reserve(JSONEscaping.numberCapacity)
        count &+= JSONEscaping.writeNumber(n, to: base + count)
    }

    /// `null`.
    @inline(__always)
    public mutating func null() { append("null") }

    /// A span as `[start, end]` (one line, a space after the comma, in either style).
    @inline(__always)
    public mutating func span(_ s: Span) {
        reserve(2 * JSONEscaping.numberCapacity + 4)
        put(0x5B)
        count &+= JSONEscaping.writeNumber(s.start, to: base + count)
        put(0x2C)
        put(0x20)
        count &+= JSONEscaping.writeNumber(s.end, to: base + count)
        put(0x5D)
    }

    /// Any JSON value, written as it would be inside a ``JSONValue`` tree at this place.
    public mutating func value(_ v: JSONValue) {
        var out: [UInt8] = []
        switch style {
        case .compact: v.writeCompact(to: &out)
        case .pretty: v.write(to: &out, indent: indentation)
        }
        out.withUnsafeBufferPointer { append(run: $0) }
    }

    // MARK: Claims

    /// A claim, as ``ClaimJSON/value(_:includeRules:)`` has it: `id`, `text`, `span`,
    /// `kind`, `quotes`, `attribution` and, with `includeRules`, `decidedBy`.
    public mutating func claim(_ c: Claim, includeRules: Bool = false) {
        beginObject()
        key("id")
        string(c.id)
        key("text")
        string(c.text)
        key("span")
        span(c.span)
        key("kind")
        string(c.kind.rawValue)
        key("quotes")
        textSpans(c.quotes)
        key("attribution")
        switch c.attribution {
        case .some(let a): attribution(a)
        case .none: null()
        }
        if includeRules {
            key("decidedBy")
            array(c.decidedBy) { w, decision in
                w.beginObject()
                w.key("field")
                w.string(decision.field)
                w.key("rule")
                w.string(decision.rule)
                w.endObject()
            }
        }
        endObject()
    }

    /// An array of claims (see ``claim(_:includeRules:)``), in the order given.
    public mutating func claims(_ claims: [Claim], includeRules: Bool = false) {
        array(claims) { w, c in w.claim(c, includeRules: includeRules) }
    }

    /// An attribution, as ``ClaimJSON/attribution(_:)`` has it.
    public mutating func attribution(_ a: Attribution) {
        beginObject()
        sourceCueAndTime(a.source, a.cue, a.time)
        key("via")
        array(a.via) { w, hop in
            w.beginObject()
            w.sourceCueAndTime(hop.source, hop.cue, hop.time)
            w.endObject()
        }
        endObject()
    }

    /// The members an attribution and each of its hops share.
    private mutating func sourceCueAndTime(_ s: Source, _ c: Cue, _ time: TextSpan?) {
        key("source")
        source(s)
        key("cue")
        cue(c)
        key("time")
        optionalTextSpan(time)
    }

    /// Text issues as `list` writes them: an array of `{"kind", "span"}`.
    public mutating func issues(_ issues: [TextIssue]) {
        array(issues) { w, issue in
            w.beginObject()
            w.key("kind")
            w.string(issue.kind.rawValue)
            w.key("span")
            w.span(issue.span)
            w.endObject()
        }
    }

    @inline(__always)
    private mutating func source(_ s: Source) {
        beginObject()
        key("text")
        string(s.text)
        key("span")
        span(s.span)
        key("name")
        string(s.name)
        key("role")
        switch s.role {
        case .some(let role): string(role)
        case .none: null()
        }
        key("type")
        string(s.type.rawValue)
        endObject()
    }

    @inline(__always)
    private mutating func cue(_ c: Cue) {
        beginObject()
        key("text")
        string(c.text)
        key("span")
        span(c.span)
        key("lemma")
        string(c.lemma)
        endObject()
    }

    private mutating func textSpan(_ t: TextSpan) {
        beginObject()
        key("text")
        string(t.text)
        key("span")
        span(t.span)
        endObject()
    }

    @inline(__always)
    private mutating func optionalTextSpan(_ t: TextSpan?) {
        switch t {
        case .some(let t): textSpan(t)
        case .none: null()
        }
    }

    @inline(__always)
    private mutating func textSpans(_ ts: [TextSpan]) {
        array(ts) { w, t in w.textSpan(t) }
    }

    /// `items` as an array (`[]` when empty), each written by `item`. Elements are read
    /// through the buffer and lent to `item`: `for x in items` copies each one, retaining
    /// its strings.
    @inline(__always)
    private mutating func array<T>(_ items: [T], _ item: (inout ClaimJSONWriter, borrowing T) -> Void) {
        if items.isEmpty { return append("[]") }
        beginArray()
        items.withUnsafeBufferPointer { items in
            for i in items.indices {
                element()
                item(&self, items[i])
            }
        }
        endArray()
    }

    // MARK: Bytes

    private var indentation: Int { baseIndent + 2 * depth }

    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        append(bracket)
        depth &+= 1
        first = true
    }

    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        depth &-= 1
        if style == .pretty && !first { lineBreak() }
        append(bracket)
        first = false
    }

    /// The comma before every member but the first, then in the pretty style a line break
    /// and the member's indentation.
    @inline(__always)
    private mutating func separate() {
        if first { first = false } else { append(0x2C) }
        if style == .pretty { lineBreak() }
    }

    /// A line feed and the current indentation.
    private mutating func lineBreak() {
        let n = indentation
        reserve(n + 1)
        put(0x0A)
        (base + count).initialize(repeating: 0x20, count: n)
        count &+= n
    }

    @inline(__always)
    private mutating func append(_ literal: StaticString) {
        let n = literal.utf8CodeUnitCount
        reserve(n)
        (base + count).initialize(from: literal.utf8Start, count: n)
        count &+= n
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        put(byte)
    }

    private mutating func append(run: UnsafeBufferPointer<UInt8>) {
        let n = run.count
        reserve(n)
        if let source = run.baseAddress { (base + count).initialize(from: source, count: n) }
        count &+= n
    }

    /// Appends a byte there is room for (after ``reserve(_:)``).
    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    /// Makes room for `n` more bytes.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if _slowPath(capacity &- count < n) { grow(n) }
    }

    @inline(never)
    private mutating func grow(_ n: Int) {
        let newCapacity = max(count + n, 2 * capacity)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}

/// The escaping and number formatting shared by ``JSONValue`` and ``ClaimJSONWriter``, so
/// that both write the same bytes. Both write into memory the caller has made room in
/// (``quotedCapacity(_:)``, ``numberCapacity``) and return how many bytes they wrote.
enum JSONEscaping {
    /// Room ``writeQuoted(_:to:)`` needs for `count` bytes of text: the quotes, six bytes
    /// per byte at worst (`\u00XX`), and eight to spare (it stores whole words).
    @inline(__always)
    static func quotedCapacity(_ count: Int) -> Int { 6 * count + 10 }

    /// Room ``writeEscaped(_:to:)`` needs for `count` bytes of text.
    @inline(__always)
    static func escapedCapacity(_ count: Int) -> Int { 6 * count + 8 }

    /// The longest text the writers escape in one go; longer text goes a piece at a time
    /// (``forEachPiece(of:_:)``), so that the room they ask for stays small.
    static let pieceLimit = 1 << 16

    /// Room ``writeNumber(_:to:)`` and ``writeInteger(_:to:)`` need.
    static let numberCapacity = 32

    /// Writes UTF-8 `text` as a JSON string literal at `out` (which has room for
    /// ``quotedCapacity(_:)`` bytes) and returns the bytes written: `"`, the text as
    /// ``writeEscaped(_:to:)`` writes it, `"`.
    static func writeQuoted(_ text: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        out.pointee = 0x22
        let n = writeEscaped(text, to: out + 1)
        out[n + 1] = 0x22
        return n + 2
    }

    /// Calls `body` with successive pieces of `text`, each at most ``pieceLimit`` bytes
    /// and starting at the start of a character's UTF-8: escaping the pieces one after
    /// another writes what escaping the whole does (an escape never spans two scalars).
    static func forEachPiece(
        of text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        guard let p = text.baseAddress else { return }
        var start = 0
        while start < text.count {
            var end = min(text.count, start + pieceLimit)
            // Back to a scalar boundary: never more than three continuation bytes.
            while end < text.count && end > start + 1 && p[end] & 0xC0 == 0x80 { end -= 1 }
            body(UnsafeBufferPointer(start: p + start, count: end - start))
            start = end
        }
    }

    /// Writes UTF-8 `text` escaped for a JSON string literal (without the quotes) at
    /// `out` (which has room for ``escapedCapacity(_:)`` bytes) and returns the bytes
    /// written.
    ///
    /// Escaped: `"` and `\` (`\"`, `\\`), line feed, carriage return and tab (`\n`, `\r`,
    /// `\t`), every other byte below 0x20 (`\u00XX`, lower-case hex), and U+2028 and
    /// U+2029 (`\u2028`, `\u2029`, which end lines in JavaScript). Every other byte is
    /// copied as it is.
    ///
    /// Sixteen or eight bytes are looked at (and copied) at a time: a word with no byte
    /// below 0x20, no `"`, no `\` and no 0xE2 (the lead byte of U+2028 and U+2029) goes
    /// out whole.
    @inline(__always)
    static func writeEscaped(_ text: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let n = text.count
        var d = out
        guard n > 0, let p = text.baseAddress else { return 0 }
        var i = 0
        if n >= 8 {
            while i < n {
                let left = n &- i
                if left >= 16 {
                    // Two words at a time while they last.
                    let w0 = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                    let w1 = UInt64(littleEndian: UnsafeRawPointer(p + i + 8).loadUnaligned(as: UInt64.self))
                    let f0 = mayNeedEscape(w0)
                    let f1 = mayNeedEscape(w1)
                    UnsafeMutableRawPointer(d).storeBytes(of: w0.littleEndian, as: UInt64.self)
                    UnsafeMutableRawPointer(d + 8).storeBytes(of: w1.littleEndian, as: UInt64.self)
                    if f0 | f1 == 0 {
                        d += 16
                        i &+= 16
                        continue
                    }
                    let k = f0 != 0 ? f0.trailingZeroBitCount &>> 3 : 8 &+ (f1.trailingZeroBitCount &>> 3)
                    d += k
                    i &+= k
                } else {
                    // The last word ends at the last byte; when fewer than eight bytes are
                    // left it overlaps bytes already written, which are shifted out of the
                    // word and of its flags.
                    let at = left >= 8 ? i : n &- 8
                    let shift = UInt64(truncatingIfNeeded: (i &- at) &<< 3)
                    let word = UInt64(littleEndian: UnsafeRawPointer(p + at).loadUnaligned(as: UInt64.self))
                    let flags = mayNeedEscape(word) &>> shift
                    UnsafeMutableRawPointer(d).storeBytes(of: (word &>> shift).littleEndian, as: UInt64.self)
                    if flags == 0 {
                        let k = at &+ 8 &- i
                        d += k
                        i &+= k
                        continue
                    }
                    let k = flags.trailingZeroBitCount &>> 3
                    d += k
                    i &+= k
                }
                escape(p, n, &i, &d)
            }
        } else {
            var word: UInt64 = 0
            for k in 0..<n { word |= UInt64(p[k]) &<< UInt64(truncatingIfNeeded: k &<< 3) }
            let flags = mayNeedEscape(word) & (UInt64.max &>> UInt64(truncatingIfNeeded: (8 &- n) &<< 3))
            if flags == 0 {
                UnsafeMutableRawPointer(d).storeBytes(of: word.littleEndian, as: UInt64.self)
                d += n
            } else {
                while i < n { escape(p, n, &i, &d) }
            }
        }
        return d - out
    }

    /// Writes the byte at `i` (escaped if it must be) at `d`, and moves both on.
    @inline(__always)
    private static func escape(
        _ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ d: inout UnsafeMutablePointer<UInt8>
    ) {
        let b = p[i]
        switch b {
        case 0x22, 0x5C:
            d[0] = 0x5C
            d[1] = b
            d += 2
        case 0x0A:
            d[0] = 0x5C
            d[1] = 0x6E  // n
            d += 2
        case 0x0D:
            d[0] = 0x5C
            d[1] = 0x72  // r
            d += 2
        case 0x09:
            d[0] = 0x5C
            d[1] = 0x74  // t
            d += 2
        case 0x00..<0x20:
            let hex: StaticString = "0123456789abcdef"
            d[0] = 0x5C
            d[1] = 0x75  // u
            d[2] = 0x30
            d[3] = 0x30
            d[4] = hex.utf8Start[Int(b &>> 4)]
            d[5] = hex.utf8Start[Int(b & 0xF)]
            d += 6
        case 0xE2 where i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9):
            d[0] = 0x5C
            d[1] = 0x75  // u
            d[2] = 0x32
            d[3] = 0x30
            d[4] = 0x32
            d[5] = p[i + 2] == 0xA8 ? 0x38 : 0x39
            d += 6
            i &+= 3
            return
        default:  // another character starting with 0xE2, or a byte flagged by a borrow
            d[0] = b
            d += 1
        }
        i &+= 1
    }

    /// The high bit of each byte of `w` (little-endian) that is below 0x20, `"`, `\` or 0xE2.
    /// The lowest flagged byte is always such a byte; a byte above one may be flagged too
    /// (a borrow), so the byte itself decides (``escape(_:_:_:_:)``).
    @inline(__always)
    static func mayNeedEscape(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let control = (w &- 0x2020_2020_2020_2020) & ~w
        let q = w ^ 0x2222_2222_2222_2222
        let quote = (q &- ones) & ~q
        let s = w ^ 0x5C5C_5C5C_5C5C_5C5C
        let backslash = (s &- ones) & ~s
        let e = w ^ 0xE2E2_E2E2_E2E2_E2E2
        let e2 = (e &- ones) & ~e
        return (control | quote | backslash | e2) & high
    }

    /// Writes `n` as ``JSONValue/number(_:)`` of `Double(n)` is written — its digits below
    /// 10^15 in magnitude, Swift's `Double` description above — at `out` (which has room
    /// for ``numberCapacity`` bytes), and returns the bytes written.
    @inline(__always)
    static func writeNumber(_ n: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        guard n > -1_000_000_000_000_000 && n < 1_000_000_000_000_000 else { return writeLarge(n, to: out) }
        return writeInteger(Int64(n), to: out)
    }

    @inline(never)
    private static func writeLarge(_ n: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var k = 0
        for b in "\(Double(n))".utf8 {
            out[k] = b
            k += 1
        }
        return k
    }

    /// Writes the decimal digits of `value` (with `-` when negative) at `out` (room for
    /// ``numberCapacity`` bytes) and returns the bytes written.
    @inline(__always)
    static func writeInteger(_ value: Int64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var d = out
        if value < 0 {
            d.pointee = 0x2D
            d += 1
        }
        var v = value.magnitude
        var digits = 1
        var power: UInt64 = 10
        while digits < 20 && v >= power {
            digits &+= 1
            power = power &* 10
        }
        // Two digits at a time from the end.
        let pairs: StaticString = """
            00010203040506070809101112131415161718192021222324252627282930313233343536373839\
            40414243444546474849505152535455565758596061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899
            """
        var e = d + digits
        while v >= 100 {
            let r = Int(truncatingIfNeeded: v % 100) &<< 1
            v /= 100
            e -= 2
            e[0] = pairs.utf8Start[r]
            e[1] = pairs.utf8Start[r &+ 1]
        }
        if v >= 10 {
            let r = Int(truncatingIfNeeded: v) &<< 1
            e -= 2
            e[0] = pairs.utf8Start[r]
            e[1] = pairs.utf8Start[r &+ 1]
        } else {
            e -= 1
            e[0] = 0x30 &+ UInt8(truncatingIfNeeded: v)
        }
        return d + digits - out
    }
}

extension Array where Element == UInt8 {
    /// Appends `text` as a JSON string literal (``JSONEscaping/writeQuoted(_:to:)``).
    mutating func appendJSONQuoted(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            guard utf8.count <= JSONEscaping.pieceLimit else {
                append(0x22)
                JSONEscaping.forEachPiece(of: utf8) { piece in
                    let room = JSONEscaping.escapedCapacity(piece.count)
                    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { room in
                        let n = JSONEscaping.writeEscaped(piece, to: room.baseAddress!)
                        append(contentsOf: UnsafeBufferPointer(rebasing: room[..<n]))
                    }
                }
                return append(0x22)
            }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: JSONEscaping.quotedCapacity(utf8.count)) { room in
                let n = JSONEscaping.writeQuoted(utf8, to: room.baseAddress!)
                append(contentsOf: UnsafeBufferPointer(rebasing: room[..<n]))
            }
        }
    }

    /// Appends the decimal digits of `value` (``JSONEscaping/writeInteger(_:to:)``).
    mutating func appendJSONInteger(_ value: Int64) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: JSONEscaping.numberCapacity) { room in
            let n = JSONEscaping.writeInteger(value, to: room.baseAddress!)
            append(contentsOf: UnsafeBufferPointer(rebasing: room[..<n]))
        }
    }
}
