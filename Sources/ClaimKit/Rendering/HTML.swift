/// HTML escaping and the markup of article text from UTF-8 byte spans.
///
/// Everything that comes from an article or an extraction goes through ``escape(_:)``
/// before it reaches a page: element content and attribute values alike.
public enum HTML {
    /// `text` with `&`, `<`, `>`, `"`, `'` and `=` replaced by character references, safe
    /// both as element content and inside a quoted attribute value. (`=` is escaped too
    /// so that no attribute-like text such as `onerror=` appears in a page literally.)
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "=": out += "&#61;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The escaped text of `bytes[range]`; invalid UTF-8 shows as U+FFFD.
    static func escape(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return escape(String(decoding: bytes[range], as: UTF8.self))
    }

    /// A stretch of the article to wrap in markup: `open` before byte `span.start`,
    /// `close` after byte `span.end`.
    struct Mark {
        var span: Span
        var open: String
        var close: String
        /// Kept (as an empty element) even when its span is empty or clipped away.
        var keepEmpty: Bool
        /// Between marks with the same span, the lower rank opens first (encloses).
        var rank: Int
    }

    /// The article bytes as escaped HTML with `marks` wrapped around their spans.
    ///
    /// Marks nest: one that starts inside another but ends after it is clipped to the
    /// end of the enclosing mark, so every mark yields exactly one element. Span
    /// boundaries are clamped to the bytes and moved back to the start of a UTF-8
    /// sequence, so no piece splits a character. Cost: O(n + m log m).
    static func markup(_ bytes: [UInt8], marks: [Mark]) -> String {
        let n = bytes.count
        func boundary(_ offset: Int) -> Int {
            var i = min(max(offset, 0), n)
            while i > 0, i < n, bytes[i] & 0xC0 == 0x80 { i -= 1 }
            return i
        }
        let sorted = marks.map { m -> Mark in
            var m = m
            let start = boundary(m.span.start)
            m.span = Span(start, max(start, boundary(m.span.end)))
            return m
        }.enumerated().sorted { a, b in
            if a.element.span.start != b.element.span.start { return a.element.span.start < b.element.span.start }
            if a.element.span.end != b.element.span.end { return a.element.span.end > b.element.span.end }
            if a.element.rank != b.element.rank { return a.element.rank < b.element.rank }
            return a.offset < b.offset
        }.map(\.element)
        var out = ""
        out.reserveCapacity(n + n / 2)
        var position = 0
        var open: [(end: Int, close: String)] = []
        func closeThrough(_ offset: Int) {
            while let top = open.last, top.end <= offset {
                out += escape(bytes, position..<max(position, top.end))
                position = max(position, top.end)
                out += top.close
                open.removeLast()
            }
        }
        for mark in sorted {
            closeThrough(mark.span.start)
            let start = max(mark.span.start, position)
            out += escape(bytes, position..<start)
            position = start
            let end = min(mark.span.end, open.last?.end ?? n)
            if end <= start {
                if mark.keepEmpty { out += mark.open + mark.close }
                continue
            }
            out += mark.open
            open.append((end, mark.close))
        }
        closeThrough(n)
        out += escape(bytes, position..<n)
        return out
    }

    /// `name` made safe for an `id` or fragment: letters, digits, `-` and `_` kept,
    /// everything else replaced by `-`.
    static func identifier(_ name: String) -> String {
        String(
            name.unicodeScalars.map { s -> Character in
                switch s {
                case "a"..."z", "A"..."Z", "0"..."9", "-", "_": return Character(s)
                default: return "-"
                }
            })
    }
}
