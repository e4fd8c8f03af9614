/// A half-open range of **UTF-8 byte offsets** into the exact input bytes of an article.
///
/// `start` is the offset of the first byte, `end` the offset one past the last byte,
/// so `end - start` is the length in bytes (not characters). Encoded in JSON as a
/// two-element array `[start, end]`.
public struct Span: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// Offset of the first byte.
    public var start: Int
    /// Offset one past the last byte.
    public var end: Int

    /// Creates a span; `end` is clamped to be at least `start`.
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// Length in UTF-8 bytes.
    public var count: Int { end - start }
    /// Whether the span holds no bytes.
    public var isEmpty: Bool { end == start }

    /// Whether the two spans share at least one byte.
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }
    /// Whether `other` lies entirely inside this span.
    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }

    /// Article order: by `start`, then by `end`.
    public static func < (lhs: Span, rhs: Span) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    /// `start..<end`.
    public var description: String { "\(start)..<\(end)" }

    /// Decodes `[start, end]`.
    ///
    /// - Throws: `DecodingError` unless it is two integers with `0 <= start <= end`.
    public init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let start = try container.decode(Int.self)
        let end = try container.decode(Int.self)
        guard start >= 0, end >= start else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "a span is [start, end] with 0 <= start <= end")
        }
        self.init(start, end)
    }

    /// Encodes `[start, end]`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(start)
        try container.encode(end)
    }
}
