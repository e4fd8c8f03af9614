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
public struct ClaimJSONWriter: Sendable {
    /// How the JSON is laid out.
    public enum Style: Sendable {
        /// One line, no spaces except inside `[start, end]` spans (``JSONValue/compact()``).
        case compact
        /// Two-space indentation, one member per line, spans on one line
        /// (``JSONValue/serialized(indent:)``).
        case pretty
    }

    /// The UTF-8 bytes written so far.
    public private(set) var bytes: [UInt8]
    /// The layout.
    public let style: Style
    /// Containers open (in the pretty style each adds two spaces of indentation).
    private var depth: Int
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
    ///   - capacity: bytes to reserve up front.
    public init(style: Style = .compact, indent: Int = 0, capacity: Int = 0) {
        self.style = style
        self.baseIndent = max(0, indent)
        self.depth = 0
        bytes = []
        if capacity > 0 { bytes.reserveCapacity(capacity) }
    }

    /// The bytes written so far as a String (they are valid UTF-8 by construction).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Forgets the bytes written (keeping the memory) and any open containers, to
    /// write the next document into the same buffer.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
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
    /// - Precondition: `name` needs no escaping (no `"`, `\`, control character,
    ///   U+2028 or U+2029): it is copied as it is.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(0x22)
        append(name)
        if style == .pretty { append("\": ") } else { append("\":") }
    }

    /// Starts the next item of the innermost array: the separator and the indentation.
    /// Write the item next.
    public mutating func element() { separate() }

    /// Appends a line feed (after a whole document: JSON Lines, files).
    public mutating func newline() { bytes.append(0x0A) }

    // MARK: Values

    /// A string value, escaped as ``JSONValue`` escapes it.
    public mutating func string(_ s: String) { JSONEscaping.appendQuoted(s, to: &bytes) }

    /// An integer value, formatted as ``JSONValue/number(_:)`` of `Double(n)` is.
    public mutating func integer(_ n: Int) { JSONEscaping.appendNumber(n, to: &bytes) }

    /// `null`.
    public mutating func null() { append("null") }

    /// A span as `[start, end]` (one line, a space after the comma, in either style).
    public mutating func span(_ s: Span) {
        bytes.append(0x5B)
        JSONEscaping.appendNumber(s.start, to: &bytes)
        append(", ")
        JSONEscaping.appendNumber(s.end, to: &bytes)
        bytes.append(0x5D)
    }

    /// Any JSON value, written as it would be inside a ``JSONValue`` tree at this place.
    public mutating func value(_ v: JSONValue) {
        switch style {
        case .compact: v.writeCompact(to: &bytes)
        case .pretty: v.write(to: &bytes, indent: indentation)
        }
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
        if let a = c.attribution { attribution(a) } else { null() }
        if includeRules {
            key("decidedBy")
            if c.decidedBy.isEmpty {
                append("[]")
            } else {
                beginArray()
                for d in c.decidedBy {
                    element()
                    beginObject()
                    key("field")
                    string(d.field)
                    key("rule")
                    string(d.rule)
                    endObject()
                }
                endArray()
            }
        }
        endObject()
    }

    /// An array of claims (see ``claim(_:includeRules:)``), in the order given.
    public mutating func claims(_ claims: [Claim], includeRules: Bool = false) {
        if claims.isEmpty { return append("[]") }
        beginArray()
        for c in claims {
            element()
            claim(c, includeRules: includeRules)
        }
        endArray()
    }

    /// An attribution, as ``ClaimJSON/attribution(_:)`` has it.
    public mutating func attribution(_ a: Attribution) {
        beginObject()
        key("source")
        source(a.source)
        key("cue")
        cue(a.cue)
        key("time")
        optionalTextSpan(a.time)
        key("via")
        if a.via.isEmpty {
            append("[]")
        } else {
            beginArray()
            for h in a.via {
                element()
                beginObject()
                key("source")
                source(h.source)
                key("cue")
                cue(h.cue)
                key("time")
                optionalTextSpan(h.time)
                endObject()
            }
            endArray()
        }
        endObject()
    }

    /// Text issues as `list` writes them: an array of `{"kind", "span"}`.
    public mutating func issues(_ issues: [TextIssue]) {
        if issues.isEmpty { return append("[]") }
        beginArray()
        for issue in issues {
            element()
            beginObject()
            key("kind")
            string(issue.kind.rawValue)
            key("span")
            span(issue.span)
            endObject()
        }
        endArray()
    }

    private mutating func source(_ s: Source) {
        beginObject()
        key("text")
        string(s.text)
        key("span")
        span(s.span)
        key("name")
        string(s.name)
        key("role")
        if let role = s.role { string(role) } else { null() }
        key("type")
        string(s.type.rawValue)
        endObject()
    }

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

    private mutating func optionalTextSpan(_ t: TextSpan?) {
        if let t { textSpan(t) } else { null() }
    }

    private mutating func textSpans(_ ts: [TextSpan]) {
        if ts.isEmpty { return append("[]") }
        beginArray()
        for t in ts {
            element()
            textSpan(t)
        }
        endArray()
    }

    // MARK: Bytes

    private var indentation: Int { baseIndent + 2 * depth }

    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        first = true
    }

    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if style == .pretty && !first {
            bytes.append(0x0A)
            spaces(indentation)
        }
        bytes.append(bracket)
        first = false
    }

    /// The comma before every member but the first, then in the pretty style a line break
    /// and the member's indentation.
    @inline(__always)
    private mutating func separate() {
        if first { first = false } else { bytes.append(0x2C) }
        if style == .pretty {
            bytes.append(0x0A)
            spaces(indentation)
        }
    }

    private mutating func spaces(_ n: Int) {
        var left = n
        while left > 0 {
            let k = min(left, 32)
            append(StaticString("                                "), count: k)
            left -= k
        }
    }

    @inline(__always)
    private mutating func append(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    @inline(__always)
    private mutating func append(_ literal: StaticString, count: Int) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: count))
    }
}

/// The escaping and number formatting shared by ``JSONValue`` and ``ClaimJSONWriter``, so
/// that both write the same bytes.
enum JSONEscaping {
    /// Appends `s` as a JSON string literal. Runs of bytes that need no escape are
    /// copied whole; only `"`, `\\`, control characters and U+2028/U+2029 are escaped
    /// (`\n`, `\r`, `\t`, `\"`, `\\`, `\u2028`, `\u2029`, otherwise `\u00XX` in lower-case hex).
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var copy = s
        copy.withUTF8 { appendQuoted(utf8: $0, to: &out) }
    }

    /// Appends UTF-8 `bytes` as a JSON string literal (see ``appendQuoted(_:to:)``).
    static func appendQuoted(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        let n = bytes.count
        var runStart = 0
        var i = 0
        while i < n {
            let b = bytes[i]
            var length = 1
            let escape: StaticString
            switch b {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x00..<0x20:
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                let hex: StaticString = "0123456789abcdef"
                append("\\u00", to: &out)
                out.append(hex.utf8Start[Int(b >> 4)])
                out.append(hex.utf8Start[Int(b & 0xF)])
                i += 1
                runStart = i
                continue
            case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            default:
                i += 1
                continue
            }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            append(escape, to: &out)
            i += length
            runStart = i
        }
        if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n])) }
        out.append(0x22)
    }

    /// Appends `n` as ``JSONValue/number(_:)`` of `Double(n)` is written: its digits
    /// below 10^15 in magnitude, Swift's `Double` description above.
    static func appendNumber(_ n: Int, to out: inout [UInt8]) {
        guard n > -1_000_000_000_000_000 && n < 1_000_000_000_000_000 else {
            out.append(contentsOf: "\(Double(n))".utf8)
            return
        }
        appendInteger(Int64(n), to: &out)
    }

    /// Appends the decimal digits of `value` (with `-` when negative).
    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            out.append(0x30 + UInt8(magnitude))
            return
        }
        // Twenty digits hold any UInt64; filled from the end.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var k = 20
            repeat {
                k -= 1
                digits[k] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[k..<20]))
        }
    }

    @inline(__always)
    static func append(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
