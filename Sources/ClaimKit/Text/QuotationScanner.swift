/// A stretch of quoted text found by ``QuotationScanner``.
struct Quotation: Sendable {
    /// Token index of the opening mark.
    var open: Int
    /// Token index of the closing mark; `nil` when the quotation runs to its paragraph's end.
    var close: Int?
    var paragraph: Int
    var isDouble: Bool
    /// 0 for a top-level quotation, 1 or more when nested inside another.
    var depth: Int
    /// Unclosed here and reopened at the start of the next paragraph.
    var continuesIntoNext = false
    /// Opens a paragraph that continues the previous paragraph's quotation.
    var continuesFromPrevious = false
    /// Bytes between the marks (or to the paragraph end), white space trimmed.
    var content: Span
    /// Tokens strictly between the marks.
    var contentTokens: Range<Int>
}

/// Pairs quotation marks into quotations, paragraph by paragraph, in one pass.
///
/// Straight and curly, double and single marks. A ‘ or ’ is an apostrophe, not a
/// quotation mark, when it follows a letter without a space and no single quotation is
/// open ("Haftar‘s" is taken by the tokenizer; "Nations‘ experts", "the workers’ union"
/// here), or when it precedes a digit ("’90s"). Inside an open single quotation a mark
/// after "s" and before a lowercase word is a plural possessive; before anything else it
/// closes ("the board ‘fully supports’ Marsh"). A quotation left open at the end of a
/// paragraph continues into the next paragraph if that paragraph opens with a mark of
/// the same family (the multi-paragraph convention); otherwise it ends with its paragraph
/// and is reported as an unclosed quote. Linear in the number of tokens.
enum QuotationScanner {
    private enum Position { case opening, closing, ambiguous }

    private struct OpenMark {
        var token: Int
        var isDouble: Bool
    }

    /// `marks`: ascending token indices that include every `.quote` token (the tokenizer's
    /// list), so that only those are visited, not every token; `quotes`: how many `.quote`
    /// tokens there are.
    static func scan(
        tokens: inout [Token], paragraphs: [ParagraphInfo], marks: UnsafeBufferPointer<Int32>, quotes: Int,
        bytes: UnsafeBufferPointer<UInt8>, issues: inout [TextIssue]
    ) -> [Quotation] {
        var quotations: [Quotation] = []
        guard quotes > 0 else { return quotations }
        quotations.reserveCapacity(quotes / 2 + 2)  // most quotations have two marks
        withUnsafeTemporaryAllocation(of: OpenMark.self, capacity: 32) { storage in
            scan(&tokens, paragraphs, marks, bytes, &issues, &quotations, ScratchList(storage: storage))
        }
        return quotations
    }

    private static func scan(
        _ tokens: inout [Token], _ paragraphs: [ParagraphInfo], _ marks: UnsafeBufferPointer<Int32>,
        _ bytes: UnsafeBufferPointer<UInt8>, _ issues: inout [TextIssue], _ quotations: inout [Quotation],
        _ stack: ScratchList<OpenMark>
    ) {
        var stack = stack  // emptied for each paragraph
        defer { stack.free() }
        var reopenFamily: Bool? = nil  // isDouble of a quotation continuing into this paragraph
        var nextMark = 0  // in `marks`
        for p in paragraphs.indices {
            let range = paragraphs[p].tokens
            let carried = reopenFamily
            reopenFamily = nil
            // (None are skipped: paragraphs cover every token, in order.)
            while nextMark < marks.count, Int(marks[nextMark]) < range.lowerBound { nextMark += 1 }
            guard nextMark < marks.count, Int(marks[nextMark]) < range.upperBound else { continue }
            stack.removeAll(from: 0)
            var openDoubles = 0  // counts of `stack`, kept so that each mark costs O(1)
            var openSingles = 0
            while nextMark < marks.count, Int(marks[nextMark]) < range.upperBound {
                let t = Int(marks[nextMark])
                nextMark += 1
                guard let mark = tokens[t].quoteMark else { continue }
                let position = self.position(tokens, t, range)
                let prevIsLetter =
                    t > range.lowerBound && !tokens[t].flags.contains(.spaceBefore)
                    && tokens[t - 1].isWord
                let nextIsDigit =
                    t + 1 < range.upperBound && !tokens[t].flags.contains(.spaceAfter)
                    && tokens[t + 1].kind == .number
                let singleOpen = openSingles > 0
                let doubleOpen = openDoubles > 0
                enum Action { case open, close, apostrophe }
                var action: Action
                switch mark {
                case .leftDouble:
                    action = (doubleOpen && position == .closing) ? .close : .open
                case .rightDouble:
                    action = doubleOpen ? .close : (position == .opening ? .open : .close)
                case .straightDouble:
                    action =
                        doubleOpen ? (position == .opening && stack.last?.isDouble == false ? .open : .close) : .open
                case .leftSingle:
                    if prevIsLetter || nextIsDigit { action = .apostrophe } else { action = .open }
                case .rightSingle, .straightSingle:
                    if nextIsDigit && position != .closing {
                        action = .apostrophe
                    } else if singleOpen && position != .opening {
                        // "the workers’ union" inside a single-quoted quotation: a mark after
                        // "s" followed by a word is a plural possessive.
                        let afterS =
                            t > range.lowerBound && prevIsLetter
                            && bytes[Int(tokens[t - 1].end) - 1] | 0x20 == 0x73
                        let nextIsWord =
                            t + 1 < range.upperBound && tokens[t + 1].isWord
                            && !tokens[t + 1].flags.contains(.capitalized)
                        action = afterS && nextIsWord ? .apostrophe : .close
                    } else if mark == .straightSingle && position == .opening {
                        action = .open
                    } else if mark == .rightSingle && position == .opening && !prevIsLetter
                        && t + 1 < range.upperBound && tokens[t + 1].isWord
                    {
                        action = .apostrophe  // ’tis, ’em
                    } else {
                        action = .apostrophe
                    }
                }
                switch action {
                case .apostrophe:
                    tokens[t].flags.insert(.apostrophe)
                case .open:
                    stack.append(OpenMark(token: t, isDouble: mark.isDouble))
                    if mark.isDouble { openDoubles += 1 } else { openSingles += 1 }
                case .close:
                    // Only search the stack when a mark of this family is open: the search
                    // then removes everything it passes, so each mark costs O(1) amortised.
                    // (Searching for a family with none open rescanned the whole stack for
                    // every stray mark: quadratic on ‘ … ” … ‘ … ” with nothing paired.)
                    let familyOpen = mark.isDouble ? openDoubles > 0 : openSingles > 0
                    var k = stack.count - 1
                    while familyOpen, k >= 0, stack[k].isDouble != mark.isDouble { k -= 1 }
                    if familyOpen, k >= 0 {
                        // Marks opened after the matching one and never closed are dropped.
                        for d in (k + 1)..<stack.count where !stack[d].isDouble {
                            tokens[stack[d].token].flags.insert(.apostrophe)
                        }
                        let opener = stack[k]
                        for r in k..<stack.count {
                            if stack[r].isDouble { openDoubles -= 1 } else { openSingles -= 1 }
                        }
                        stack.removeAll(from: k)
                        quotations.append(
                            make(
                                opener.token, t, p, opener.isDouble, depth: k, tokens, bytes,
                                continuesFromPrevious: carried == opener.isDouble && opener.token == range.lowerBound))
                    } else if mark.isSingle {
                        tokens[t].flags.insert(.apostrophe)
                    } else {
                        issues.append(TextIssue(kind: .strayClosingQuote, span: tokens[t].span))
                    }
                }
            }
            // Quotations still open at the paragraph's end.
            let nextOpens: Bool? = {
                guard p + 1 < paragraphs.count, let first = paragraphs[p + 1].tokens.first,
                    tokens[first].kind == .quote, let m = tokens[first].quoteMark,
                    m != .rightDouble, m != .rightSingle
                else { return nil }
                return m.isDouble
            }()
            for depth in 0..<stack.count {
                let opener = stack[depth]
                if !opener.isDouble && depth > 0 {
                    tokens[opener.token].flags.insert(.apostrophe)  // an unclosed inner single mark
                    continue
                }
                if !opener.isDouble && tokens[opener.token].quoteMark == .straightSingle && nextOpens != false {
                    // A lone straight single mark that never closes is an apostrophe ('em, 'n').
                    tokens[opener.token].flags.insert(.apostrophe)
                    continue
                }
                var q = make(
                    opener.token, nil, p, opener.isDouble, depth: depth, tokens, bytes,
                    continuesFromPrevious: carried == opener.isDouble && opener.token == range.lowerBound,
                    paragraphEnd: paragraphs[p].span.end, lastToken: range.upperBound)
                if depth == 0, nextOpens == opener.isDouble {
                    q.continuesIntoNext = true
                    reopenFamily = opener.isDouble
                } else if depth == 0 {
                    issues.append(TextIssue(kind: .unclosedQuote, span: tokens[opener.token].span))
                }
                quotations.append(q)
            }
        }
        quotations.sort { $0.open < $1.open }
        for q in quotations {
            tokens[q.open].flags.insert(.opensQuote)
            if let c = q.close { tokens[c].flags.insert(.closesQuote) }
        }
    }

    private static func make(
        _ open: Int, _ close: Int?, _ paragraph: Int, _ isDouble: Bool, depth: Int, _ tokens: [Token],
        _ bytes: UnsafeBufferPointer<UInt8>, continuesFromPrevious: Bool, paragraphEnd: Int = 0, lastToken: Int = 0
    ) -> Quotation {
        let start = Int(tokens[open].end)
        let end = close.map { Int(tokens[$0].start) } ?? paragraphEnd
        let content = ParagraphSplitter.trim(Span(start, end), bytes) ?? Span(start, start)
        let tokenEnd = close ?? lastToken
        return Quotation(
            open: open, close: close, paragraph: paragraph, isDouble: isDouble, depth: depth,
            continuesFromPrevious: continuesFromPrevious, content: content,
            contentTokens: (open + 1)..<max(open + 1, tokenEnd))
    }

    private static func position(_ tokens: [Token], _ t: Int, _ range: Range<Int>) -> Position {
        let token = tokens[t]
        let before =
            t == range.lowerBound || token.flags.contains(.spaceBefore)
            || tokens[t - 1].kind == .dash || tokens[t - 1].isPunctuation(0x28) || tokens[t - 1].isPunctuation(0x5B)
            || (tokens[t - 1].kind == .quote && !tokens[t - 1].flags.contains(.apostrophe))
            || tokens[t - 1].isPunctuation(0x3A)
        let after =
            t + 1 == range.upperBound || token.flags.contains(.spaceAfter)
            || (tokens[t + 1].kind == .punctuation && !tokens[t + 1].isPunctuation(0x28))
            || tokens[t + 1].kind == .dash
        switch (before, after) {
        case (true, false): return .opening
        case (false, true): return .closing
        default: return .ambiguous
        }
    }
}
