/// Finds paragraphs in one pass over the bytes.
///
/// If the text has any blank line, paragraphs are separated by blank lines and a
/// single line break is a soft wrap; otherwise every non-empty line is a paragraph.
/// LF, CRLF, lone CR, and U+2029 PARAGRAPH SEPARATOR are all line breaks.
/// Spans exclude the surrounding white space.
enum ParagraphSplitter {
    static func paragraphs(_ bytes: UnsafeBufferPointer<UInt8>) -> [Span] {
        // Lines, as (start, end, isBlank), found in one pass.
        var lines: [(start: Int, end: Int, blank: Bool)] = []
        var lineStart = 0
        var blank = true
        var i = 0
        let n = bytes.count
        while i < n {
            if !blank {
                // Inside a line that has text: only a line-break byte matters, so skip to
                // the next LF, CR or 0xE2 (the lead byte of U+2029), eight bytes at a time.
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
                lines.append((lineStart, i, blank))
                if hardBreak { lines.append((i, i, true)) }
                i += breakLength
                lineStart = i
                blank = true
                continue
            }
            if blank, b != 0x20, b != 0x09, b != 0x0B, b != 0x0C {
                // NBSP and BOM alone do not make a line non-blank.
                if !((b == 0xC2 && i + 1 < n && bytes[i + 1] == 0xA0)
                    || (b == 0xEF && i + 2 < n && bytes[i + 1] == 0xBB))
                {
                    blank = false
                }
            }
            i += 1
        }
        lines.append((lineStart, n, blank))
        // Blank lines only count as separators between non-blank ones.
        let firstText = lines.firstIndex { !$0.blank } ?? 0
        let lastText = lines.lastIndex { !$0.blank } ?? 0
        let hasBlank = firstText < lastText && lines[firstText...lastText].contains { $0.blank }
        var paragraphs: [Span] = []
        var current: (start: Int, end: Int)? = nil
        for line in lines {
            if line.blank {
                if let c = current { paragraphs.append(Span(c.start, c.end)); current = nil }
                continue
            }
            if hasBlank {
                // A list item starts its own paragraph even without a blank line before it.
                if let c = current, listMarkerEnd(bytes, line.start, line.end) != nil {
                    paragraphs.append(Span(c.start, c.end))
                    current = nil
                }
                current = current.map { ($0.start, line.end) } ?? (line.start, line.end)
            } else {
                paragraphs.append(Span(line.start, line.end))
            }
        }
        if let c = current { paragraphs.append(Span(c.start, c.end)) }
        // The list marker is layout, not text: no claim starts with "•".
        return paragraphs.compactMap { span in
            trim(span, bytes).flatMap { t in
                listMarkerEnd(bytes, t.start, t.end).flatMap { trim(Span($0, t.end), bytes) } ?? t
            }
        }
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
            @inline(__always) func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
            while i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if hasZeroByte(word ^ (ones &* 0x0A)) || hasZeroByte(word ^ (ones &* 0x0D))
                    || hasZeroByte(word ^ (ones &* 0xE2))
                {
                    break
                }
                i += 8
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
