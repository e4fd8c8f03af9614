/// A JSON value that keeps object keys in order and remembers where each value
/// starts in its source (line and column, 1-based), so that fixture errors can say
/// `file:line:column`. Foundation's JSONSerialization keeps neither.
public indirect enum JSONValue: Equatable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number (integers are exact up to 2^53).
    case number(Double)
    /// A string, unescaped.
    case string(String)
    /// An array, in order.
    case array([JSONValue])
    /// An object's members in their written order (keys are unique).
    case object([(String, JSONValue)])

    /// Equal values; objects are equal only with the same keys in the same order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The value of `key` in an object; nil for a missing key or a value that is not an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    /// Serialises with two-space indentation, keys in stored order, LF line ends,
    /// no trailing newline. Short arrays of numbers (spans) stay on one line.
    public func serialized(indent: Int = 0) -> String {
        var out: [UInt8] = []
        write(to: &out, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    /// One line, no spaces (but `[start, end]` spans keep theirs): for JSON Lines.
    public func compact() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        writeCompact(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // The writers append UTF-8 bytes to an array: far cheaper than growing a String
    // piece by piece, and the bytes are valid UTF-8 by construction.

    /// Appends the pretty form (see ``serialized(indent:)``); `indent` is the indentation of
    /// the line the value starts on.
    func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .array(let items) where items.isEmpty: Self.append("[]", to: &out)
        case .object(let pairs) where pairs.isEmpty: Self.append("{}", to: &out)
        case .array where isNumberArray:
            writeCompact(to: &out)
        case .array(let items):
            Self.append("[\n", to: &out)
            for (i, item) in items.enumerated() {
                out.append(contentsOf: repeatElement(0x20, count: indent + 2))
                item.write(to: &out, indent: indent + 2)
                Self.append(i + 1 < items.count ? ",\n" : "\n", to: &out)
            }
            out.append(contentsOf: repeatElement(0x20, count: indent))
            out.append(0x5D)  // ]
        case .object(let pairs):
            Self.append("{\n", to: &out)
            for (i, (key, value)) in pairs.enumerated() {
                out.append(contentsOf: repeatElement(0x20, count: indent + 2))
                JSONValue.writeString(key, to: &out)
                Self.append(": ", to: &out)
                value.write(to: &out, indent: indent + 2)
                Self.append(i + 1 < pairs.count ? ",\n" : "\n", to: &out)
            }
            out.append(contentsOf: repeatElement(0x20, count: indent))
            out.append(0x7D)  // }
        default:
            writeCompact(to: &out)
        }
    }

    /// Appends the compact form (see ``compact()``).
    func writeCompact(to out: inout [UInt8]) {
        switch self {
        case .null: Self.append("null", to: &out)
        case .bool(let b): Self.append(b ? "true" : "false", to: &out)
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 {
                Self.appendInteger(Int64(n), to: &out)
            } else {
                out.append(contentsOf: "\(n)".utf8)
            }
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            out.append(0x5B)  // [
            let numbers = isNumberArray  // once, not per item
            for (i, item) in items.enumerated() {
                if i > 0 {
                    out.append(0x2C)  // ,
                    if numbers { out.append(0x20) }
                }
                item.writeCompact(to: &out)
            }
            out.append(0x5D)  // ]
        case .object(let pairs):
            out.append(0x7B)  // {
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(0x2C) }
                JSONValue.writeString(key, to: &out)
                out.append(0x3A)  // :
                value.writeCompact(to: &out)
            }
            out.append(0x7D)  // }
        }
    }

    private var isNumberArray: Bool {
        if case .array(let items) = self { return items.allSatisfy { if case .number = $0 { true } else { false } } }
        return false
    }

    @inline(__always)
    private static func append(_ literal: StaticString, to out: inout [UInt8]) {
        literal.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        out.appendJSONInteger(value)
    }

    /// Appends `s` as a JSON string literal (see ``JSONEscaping/writeQuoted(_:to:)``,
    /// shared with ``ClaimJSONWriter``).
    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.appendJSONQuoted(s)
    }
}

/// Where a JSON value starts: 1-based line and column (columns count characters).
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Line, from 1.
    public var line: Int
    /// Column in characters (Unicode scalars), from 1.
    public var column: Int
    /// Creates a location (both 1-based).
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// A JSON syntax error with its location.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, in words.
    public var message: String
    /// `line:column: message`.
    public var description: String { "\(location): \(message)" }
}

/// Parses JSON text into ``JSONValue`` and records the location of every value by
/// its path ("claims/3/attribution/source/name").
public struct JSONParser: Sendable {
    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0
    /// Byte offset where each value starts, in the order the values were parsed (the
    /// pre-order of the tree), and how many values its subtree holds (itself included).
    /// Paths are resolved from these and the parsed tree only when a location is asked
    /// for: building a path String and hashing it for every value cost more than the
    /// parse itself.
    private var starts: [Int] = []
    private var sizes: [Int] = []
    private var root: JSONValue? = nil

    /// Path → byte offset of every value (see ``location(of:)``); built on request.
    public var offsets: [String: Int] {
        var result: [String: Int] = [:]
        guard let root else { return result }
        func walk(_ value: JSONValue, _ index: Int, _ path: String) {
            result[path] = starts[index]
            var child = index + 1
            switch value {
            case .object(let pairs):
                for (key, v) in pairs {
                    walk(v, child, path.isEmpty ? key : path + "/" + key)
                    child += sizes[child]
                }
            case .array(let items):
                for (k, v) in items.enumerated() {
                    walk(v, child, path.isEmpty ? "\(k)" : path + "/\(k)")
                    child += sizes[child]
                }
            default: break
            }
        }
        walk(root, 0, "")
        return result
    }
    /// Byte offsets where each line starts, filled once a parse succeeds, so that
    /// locating a value costs a binary search plus its column rather than a rescan.
    private var lineStarts: [Int] = []

    /// A parser over the UTF-8 bytes of `text`.
    public init(_ text: String) { bytes = Array(text.utf8) }
    /// A parser over UTF-8 `bytes`.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// - Throws: ``JSONSyntaxError`` with the line and column of the problem.
    /// A leading UTF-8 byte order mark is skipped (RFC 8259 allows ignoring it).
    public mutating func parse() throws -> JSONValue {
        starts.removeAll()
        sizes.removeAll()
        root = nil
        if hasBOM { i = 3 }
        skipSpace()
        let value = try parseValue()
        skipSpace()
        if i < bytes.count { throw error("unexpected text after the JSON value") }
        root = value
        lineStarts = [0]
        for (k, b) in bytes.enumerated() where b == 0x0A { lineStarts.append(k + 1) }
        return value
    }

    private var location: SourceLocation { location(ofOffset: i) }

    /// Line and column of the value at `path` ("claims/3/kind"), if it was parsed.
    public func location(of path: String) -> SourceLocation? {
        offset(of: path).map(location(ofOffset:))
    }

    /// Byte offset of the value at `path`: a walk down the tree, skipping earlier
    /// siblings by their subtree sizes.
    private func offset(of path: String) -> Int? {
        guard var value = root else { return nil }
        var index = 0
        if path.isEmpty { return starts[index] }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            var child = index + 1
            var found: JSONValue? = nil
            switch value {
            case .object(let pairs):
                for (key, v) in pairs {
                    if key[...] == component {
                        found = v
                        break
                    }
                    child += sizes[child]
                }
            case .array(let items):
                guard let k = Int(component), k >= 0, k < items.count else { return nil }
                for _ in 0..<k { child += sizes[child] }
                found = items[k]
            default:
                return nil
            }
            guard let next = found else { return nil }
            value = next
            index = child
        }
        return starts[index]
    }

    /// Line and column of every parsed value by path, in one pass over the text
    /// (``location(of:)`` scans from the start for each call).
    public func allLocations() -> [String: SourceLocation] {
        let sorted = offsets.sorted { $0.value < $1.value }
        var result: [String: SourceLocation] = [:]
        result.reserveCapacity(sorted.count)
        var line = 1
        var column = 1
        var k = hasBOM ? 3 : 0
        for (path, offset) in sorted {
            while k < min(offset, bytes.count) {
                if bytes[k] == 0x0A { line += 1; column = 1 } else if bytes[k] & 0xC0 != 0x80 { column += 1 }
                k += 1
            }
            result[path] = SourceLocation(line: line, column: column)
        }
        return result
    }

    /// Line and column (in characters) of a byte offset.
    public func location(ofOffset offset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        var k = hasBOM ? 3 : 0  // a byte order mark takes no column
        while k < min(offset, bytes.count) {
            if bytes[k] == 0x0A { line += 1; column = 1 } else if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return SourceLocation(line: line, column: column)
    }

    private var hasBOM: Bool { bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF }

    private func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(location: location, message: message) }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A: i += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws -> JSONValue {
        guard i < bytes.count else { throw error("unexpected end of file: expected a value") }
        let index = starts.count
        starts.append(i)
        sizes.append(1)
        depth += 1
        defer {
            depth -= 1
            sizes[index] = starts.count - index
        }
        if depth > 512 { throw error("nesting deeper than 512 levels") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var pairs: [(String, JSONValue)] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                    throw error("expected a key in double quotes")
                }
                let keyStart = i
                let key = try parseString()
                if pairs.contains(where: { $0.0 == key }) {
                    i = keyStart
                    throw error("duplicate key \"\(key)\"")
                }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
                i += 1
                skipSpace()
                let value = try parseValue()
                pairs.append((key, value))
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of file: expected ',' or '}'") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
                throw error("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                skipSpace()
                items.append(try parseValue())
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of file: expected ',' or ']'") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw error("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = i
            i += 1
            while i < bytes.count, let c = Optional(bytes[i]),
                (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x65 || c == 0x45 || c == 0x2B || c == 0x2D
            {
                i += 1
            }
            let s = String(decoding: bytes[start..<i], as: UTF8.self)
            // JSON's grammar, stricter than Double(_:), which also takes 01, 1. and 1.e5.
            if let problem = Self.numberProblem(bytes[start..<i]) {
                i = start
                throw error("invalid number \(s)\(problem)")
            }
            guard let n = Double(s) else { i = start; throw error("invalid number \(s)") }
            guard n.isFinite else { i = start; throw error("number \(s) is out of range") }
            return .number(n)
        default:
            throw error("unexpected character; expected a JSON value")
        }
    }

    /// Why `number` is not a JSON number (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`):
    /// "" when it does not follow that grammar, a parenthesised reason for a leading zero;
    /// nil when it is one.
    static func numberProblem(_ number: ArraySlice<UInt8>) -> String? {
        var k = number.startIndex
        let end = number.endIndex
        func digits() -> Int {
            let from = k
            while k < end, number[k] &- 0x30 < 10 { k += 1 }
            return k - from
        }
        if k < end, number[k] == 0x2D { k += 1 }
        guard k < end, number[k] &- 0x30 < 10 else { return "" }
        if number[k] == 0x30 {
            k += 1
            if k < end, number[k] &- 0x30 < 10 { return " (a JSON number has no leading zero)" }
        } else {
            _ = digits()
        }
        if k < end, number[k] == 0x2E {
            k += 1
            guard digits() > 0 else { return "" }
        }
        if k < end, number[k] == 0x65 || number[k] == 0x45 {
            k += 1
            if k < end, number[k] == 0x2B || number[k] == 0x2D { k += 1 }
            guard digits() > 0 else { return "" }
        }
        return k == end ? nil : ""
    }

    private mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
            throw error("unexpected text; expected a JSON value")
        }
        i += w.count
        return value
    }

    private mutating func parseString() throws -> String {
        i += 1  // opening quote
        // Most strings have no escape: make the String straight from the bytes.
        let contentStart = i
        while i < bytes.count, bytes[i] != 0x22, bytes[i] != 0x5C, bytes[i] >= 0x20 { i += 1 }
        if i < bytes.count, bytes[i] == 0x22 {
            guard let s = String(validating: bytes[contentStart..<i], as: UTF8.self) else {
                throw error("string is not valid UTF-8")
            }
            i += 1
            return s
        }
        var out: [UInt8] = Array(bytes[contentStart..<i])
        while i < bytes.count {
            // A run of bytes that stand for themselves is copied whole.
            let runStart = i
            while i < bytes.count, bytes[i] != 0x22, bytes[i] != 0x5C, bytes[i] >= 0x20 { i += 1 }
            if i > runStart { out.append(contentsOf: bytes[runStart..<i]) }
            guard i < bytes.count else { break }
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw error("string is not valid UTF-8") }
                return s
            }
            if c == UInt8(ascii: "\\") {
                i += 1
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    let escape = i - 2  // errors point at the backslash
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        // A high surrogate must be followed by an escaped low surrogate.
                        guard i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 else {
                            i = escape
                            throw error("unpaired UTF-16 surrogate in \\u escape")
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else {
                            i = escape
                            throw error("unpaired UTF-16 surrogate in \\u escape")
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else {
                        i = escape
                        throw error("invalid \\u escape (a lone UTF-16 surrogate)")
                    }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: throw error("invalid escape \\\(Character(Unicode.Scalar(e)))")
                }
                continue
            }
            if c < 0x20 { throw error(c == 0x0A ? "unterminated string" : "control character in string") }
            out.append(c)
            i += 1
        }
        throw error("unterminated string")
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("invalid \\u escape: expected 4 hex digits") }
        var v: UInt32 = 0
        for k in i..<(i + 4) {
            let c = bytes[k]
            let digit: UInt8
            switch c {
            case 0x30...0x39: digit = c - 0x30
            case 0x41...0x46: digit = c - 0x41 + 10
            case 0x61...0x66: digit = c - 0x61 + 10
            default: throw error("invalid \\u escape: expected 4 hex digits")
            }
            v = v << 4 | UInt32(digit)
        }
        i += 4
        return v
    }
}
