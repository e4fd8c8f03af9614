import ClaimKit

/// Human-readable blocks for claims and differences.
enum TextRendering {
    static func claim(_ claim: Claim, number: Int, showRules: Bool) -> String {
        var lines: [String] = []
        lines.append("[\(number)] \(claim.kind.rawValue)  \(claim.id)  bytes \(claim.span.start)..<\(claim.span.end)")
        lines.append("    “\(oneLine(claim.text))”")
        if !claim.quotes.isEmpty {
            lines.append("    quotes: " + claim.quotes.map { "“\(oneLine($0.text))”" }.joined(separator: ", "))
        }
        if let a = claim.attribution {
            lines.append("    source: \(source(a.source))")
            lines.append("    cue:    \(a.cue.text) (\(a.cue.lemma))" + (a.time.map { "   time: \($0.text)" } ?? ""))
            if !a.via.isEmpty { lines.append("    chain:  \(chain(a))") }
        }
        if showRules, !claim.decidedBy.isEmpty {
            lines.append("    rules:  " + claim.decidedBy.map { "\($0.field)=\($0.rule)" }.joined(separator: ", "))
        }
        return lines.map(visible).joined(separator: "\n")
    }

    /// Control characters shown as `\u{1B}` instead of reaching the terminal: an article
    /// cannot send escape sequences through `list`.
    static func visible(_ s: String) -> String {
        // Every control character is a byte below space, 0x7F, or 0xC2 then 0x80...0x9F:
        // a look at the bytes passes most lines without decoding a scalar.
        var copy = s
        let plain = copy.withUTF8 { bytes in
            var previous: UInt8 = 0
            for b in bytes {
                if b < 0x20 && b != 0x0A || b == 0x7F || previous == 0xC2 && b & 0xE0 == 0x80 { return false }
                previous = b
            }
            return true
        }
        guard !plain, s.unicodeScalars.contains(where: isControl) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if isControl(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 && s != "\n" || (0x7F...0x9F).contains(s.value)
    }

    static func source(_ s: Source) -> String {
        var out = s.text
        if s.name != s.text { out += " → \(s.name)" }
        if let role = s.role { out += ", \(role)" }
        return out + " (\(s.type.rawValue))"
    }

    /// `Reuters news agency ← a report by United Nations' experts`: outermost relay first.
    static func chain(_ a: Attribution) -> String {
        a.chain.map { hop in hop.source.name + " (\(hop.cue.text)" + (hop.time.map { ", \($0.text)" } ?? "") + ")" }
            .joined(separator: " ← ")
    }

    static func oneLine(_ s: String) -> String {
        // Without a CR or LF byte there is nothing to join (splitting the Characters of every
        // line cost several times the extraction).
        guard s.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return s }
        return s.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    static func shortText(_ s: String, words: Int = 8) -> String {
        let parts = oneLine(visible(s)).split(separator: " ")
        return parts.prefix(words).joined(separator: " ") + (parts.count > words ? " …" : "")
    }

    /// How a difference's sides are named: `expected`/`actual` for a check, or
    /// `fixture`/`pending` when reviewing a pending fixture.
    struct Labels {
        var missing = "missing"
        var extra = "extra"
        var field = "field"
        var expected = "expected"
        var actual = "actual"
        static let check = Labels()
        static let review = Labels(
            missing: "removed", extra: "added", field: "changed", expected: "fixture", actual: "pending")
    }

    /// A difference in two or three lines: the claim (id and first words), the field,
    /// the expected value with its fixture `file:line:column`, and the actual value.
    static func difference(_ d: ClaimDifference, fixture: String, style: Style = .plain, labels: Labels = .check)
        -> String
    {
        let at = d.location.map { "\(fixture):\($0.line):\($0.column)" } ?? fixture
        let pad = { (s: String) in s.padding(toLength: max(s.count, 7), withPad: " ", startingAt: 0) }
        let valuePad = max(labels.expected.count, labels.actual.count) + 1
        let label = { (s: String) in (s + ":").padding(toLength: valuePad, withPad: " ", startingAt: 0) }
        switch d.kind {
        case .missing:
            return
                "  \(style.red(pad(labels.missing)))  “\(shortText(d.claimText))”\n           \(labels.expected) at \(at)"
        case .extra:
            return
                "  \(style.yellow(pad(labels.extra)))  \(d.claimID ?? "")  “\(shortText(d.claimText))”\n           \(d.actual ?? "")"
        case .field:
            return """
                  \(style.bold(pad(labels.field)))  \(d.claimID ?? "")  “\(shortText(d.claimText))”  \(style.bold(d.field ?? ""))
                           \(label(labels.expected)) \(style.red(d.expected ?? ""))   (\(at))
                           \(label(labels.actual)) \(style.green(d.actual ?? ""))
                """
        }
    }

    static func score(_ r: ComparisonReport) -> String {
        let f = { (x: Double) in String(format: "%.3f", x) }
        return "precision \(f(r.precision))  recall \(f(r.recall))  F1 \(f(r.f1))"
    }
}
