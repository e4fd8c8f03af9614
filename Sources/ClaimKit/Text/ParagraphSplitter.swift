/// Finds paragraphs in one pass over the bytes.
///
/// If the text has any blank line, paragraphs are separated by blank lines and a
/// single line break is a soft wrap; otherwise every non-empty line is a paragraph.
/// LF, CRLF, lone CR, and U+2029 PARAGRAPH SEPARATOR are all line breaks.
/// Spans exclude the surrounding white space.
enum ParagraphSplitter {
    private struct Line {
        var start: Int
        var end: Int
        var blank: Bool
    }

    static func paragraphs(_ bytes: UnsafeBufferPointer<UInt8>) -> [Span] { split(bytes).map(\.span) }

    /// The paragraphs, each with its span; `tokens` and the rest are the tokenizer's and
    /// `TextAnalysis`'s to fill in.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [ParagraphInfo] {
        withUnsafeTemporaryAllocation(of: Line.self, capacity: 40) { split(bytes, ScratchList(storage: $0)) }
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: ScratchList<Line>) -> [ParagraphInfo] {
        // Lines, found in one pass; and whether a blank line lies between two lines with
        // text, known when the second is found.
        var lines = lines
        defer { lines.free() }
        var textLines = 0
        var blankAfterText = false
        var hasBlank = false
        var lineStart = 0
        var blank = true
        var i = 0
        let n = bytes.count
        func endLine(_ line: Line) {
            lines.append(line)
            if line.blank {
                blankAfterText = textLines > 0
            } else {
                if blankAfterText { hasBlank = true }
                textLines += 1
            }
        }
        while i < n {
            if !blank {
                // Inside a line that has text: only a line-break byte matters, so skip to
                // the next LF, CR or 0xE2 (the lead byte of U+2029), sixteen bytes at a time.
                i = nextBreakCandidate(bytes, from: i)
                if i >= n { break }
            }
            let b = bytes[i]
            var breakLength = 0
            var hardBreak = false
            if b == 0x0A {
                breakLength = 1
            } else if b == 0x0D {
                breakLength = (i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
            } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA9 {
                breakLength = 3
                hardBreak = true
            }
            if breakLength > 0 {
                endLine(Line(start: lineStart, end: i, blank: blank))
                if hardBreak { endLine(Line(start: i, end: i, blank: true)) }
                i += breakLength
                lineStart = i
                blank = true
                continue
            }
            if blank, b != 0x20, b != 0x09, b != 0x0B, b != 0x0C {
                // NBSP and BOM alone do not make a line non-blank.
                if !((b == 0xC2 && i + 1 < n && bytes[i + 1] == 0xA0)
                    || (b == 0xEF && i + 1 < n && bytes[i + 1] == 0xBB))
                {
                    blank = false
                }
            }
            i += 1
        }
        endLine(Line(start: lineStart, end: n, blank: blank))
        // Group the lines twice, counting then adding, so that the array is allocated once
        // and no larger than needed (a soft-wrapped text has many lines per paragraph).
        var count = 0
        var open = false
        for k in 0..<lines.count {
            let line = lines[k]
            if line.blank {
                open = false
            } else if !hasBlank || !open || listMarkerEnd(bytes, line.start, line.end) != nil {
                count += 1
                open = true
            }
        }
        var paragraphs: [ParagraphInfo] = []
        paragraphs.reserveCapacity(count)
        func add(_ start: Int, _ end: Int) {
            // The list marker is layout, not text: no claim starts with "•".
            guard let t = trim(Span(start, end), bytes) else { return }
            var span = t
            if let marker = listMarkerEnd(bytes, t.start, t.end), let rest = trim(Span(marker, t.end), bytes) {
                span = rest
            }
            paragraphs.append(ParagraphInfo(span: span, tokens: 0..<0, isHeading: false, bodyStart: 0))
        }
        var current: (start: Int, end: Int)? = nil
        for k in 0..<lines.count {
            let line = lines[k]
            if line.blank {
                if let c = current {
                    add(c.start, c.end)
                    current = nil
                }
                continue
            }
            if hasBlank {
                // A list item starts its own paragraph even without a blank line before it.
                if let c = current, listMarkerEnd(bytes, line.start, line.end) != nil {
                    add(c.start, c.end)
                    current = nil
                }
                current = current.map { ($0.start, line.end) } ?? (line.start, line.end)
            } else {
                add(line.start, line.end)
            }
        }
        if let c = current { add(c.start, c.end) }
        return paragraphs
    }

    /// Where the text of a list item starts, if the line `start..<end` opens with a
    /// bullet ("•", "‣", "◦", "▪", "·", "*" or "-") and a space; nil otherwise. En and em
    /// dashes are not markers: some styles open a quotation with one.
    static func listMarkerEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var i = start
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        var markerEnd = i
        if i < end, bytes[i] == 0x2A || bytes[i] == 0x2D {
            markerEnd = i + 1
        } else if i + 1 < end, bytes[i] == 0xC2, bytes[i + 1] == 0xB7 {
            markerEnd = i + 2
        } else if i + 2 < end, bytes[i] == 0xE2,
            (bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA2 || bytes[i + 2] == 0xA3))
                || (bytes[i + 1] == 0x97 && bytes[i + 2] == 0xA6) || (bytes[i + 1] == 0x96 && bytes[i + 2] == 0xAA)
        {
            markerEnd = i + 3
        }
        guard markerEnd > i, markerEnd < end, bytes[markerEnd] == 0x20 || bytes[markerEnd] == 0x09 else { return nil }
        return markerEnd
    }

    /// The first index at or after `i` holding LF, CR or 0xE2; `bytes.count` if none.
    @inline(__always)
    static func nextBreakCandidate(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let n = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            // The high bits of the bytes below 0x0E (LF, CR, tab and rarer controls) and of
            // the bytes 0xE2. A borrow can mark a byte above a true hit, never the lowest
            // mark, so the lowest mark is a true hit. Byte k of the text is byte k of the
            // value, the lowest first.
            @inline(__always) func marks(_ offset: Int) -> UInt64 {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let e2 = word ^ (ones &* 0xE2)
                return (((word &- ones &* 0x0E) & ~word) | ((e2 &- ones) & ~e2)) & highs
            }
            while i + 16 <= n {
                let low = marks(i)
                let high = marks(i &+ 8)
                if low | high == 0 {
                    i &+= 16
                    continue
                }
                i &+= low != 0 ? low.trailingZeroBitCount >> 3 : 8 &+ high.trailingZeroBitCount >> 3
                let b = bytes[i]
                if b == 0x0A || b == 0x0D || b == 0xE2 { return i }
                i &+= 1  // a tab or another control character
            }
        }
        while i < n {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D || b == 0xE2 { return i }
            i += 1
        }
        return n
    }

    /// Trims ASCII white space, NBSP and BOM at both ends; nil when nothing is left.
    static func trim(_ span: Span, _ bytes: UnsafeBufferPointer<UInt8>) -> Span? {
        var s = span.start
        var e = span.end
        while s < e {
            let b = bytes[s]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C { s += 1; continue }
            if b == 0xC2, s + 1 < e, bytes[s + 1] == 0xA0 { s += 2; continue }
            if b == 0xEF, s + 2 < e, bytes[s + 1] == 0xBB, bytes[s + 2] == 0xBF { s += 3; continue }
            break
        }
        while e > s {
            let b = bytes[e - 1]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C { e -= 1; continue }
            if b == 0xA0, e - 2 >= s, bytes[e - 2] == 0xC2 { e -= 2; continue }
            break
        }
        return s < e ? Span(s, e) : nil
    }
}
