import Foundation

/// The field paths ``ClaimComparison`` can meet, as bits: `ignoredFields` becomes one
/// mask, so the quick comparison tests a bit where the full one looks up a string.
/// Bit 0 is the claim itself (the dotted path `""`).
enum IgnorablePath {
    static let root = 0
    static let id = 1
    static let text = 2
    static let span = 3
    static let kind = 4
    static let quotes = 5
    static let quotesText = 6
    static let quotesSpan = 7
    static let attribution = 8
    /// `attribution.source`; `+ 1 … + 5`: its text, span, name, role, type.
    static let source = 9
    /// `attribution.cue`; `+ 1 … + 3`: its text, span, lemma.
    static let cue = 15
    /// `attribution.time`; `+ 1`, `+ 2`: its text, span.
    static let time = 19
    static let via = 22
    /// `attribution.via.source`, `.cue`, `.time`, laid out as above.
    static let viaSource = 23
    static let viaCue = 29
    static let viaTime = 33

    /// The dotted path of every bit, in bit order.
    static let names: [String] = {
        var names = ["", "id", "text", "span", "kind", "quotes", "quotes.text", "quotes.span", "attribution"]
        func parts(_ base: String, _ keys: [String]) { names += [base] + keys.map { base + "." + $0 } }
        parts("attribution.source", ["text", "span", "name", "role", "type"])
        parts("attribution.cue", ["text", "span", "lemma"])
        parts("attribution.time", ["text", "span"])
        names.append("attribution.via")
        parts("attribution.via.source", ["text", "span", "name", "role", "type"])
        parts("attribution.via.cue", ["text", "span", "lemma"])
        parts("attribution.via.time", ["text", "span"])
        return names
    }()

    /// The bits of the paths in `ignored`. Strings that are no path the comparison
    /// meets have no bit, as they have no effect on it.
    static func mask(_ ignored: Set<String>) -> UInt64 {
        guard !ignored.isEmpty else { return 0 }
        var mask: UInt64 = 0
        for (bit, name) in names.enumerated() where ignored.contains(name) { mask |= 1 << UInt64(bit) }
        return mask
    }
}

/// Compares extracted claims with a fixture's bytes on the passing path: the fixture is
/// read by ``FixtureScanner`` and compared field by field with the claims themselves —
/// no `JSONValue` of either side, no `String` per fixture value.
///
/// ``report(_:fixture:articleLength:ignored:)`` gives the report exactly as
/// ``ClaimComparison/compare(_:with:articleLength:)`` would when the claims pass; in
/// every other case (a difference, a malformed fixture, anything the scanner refuses)
/// it gives nil, and the caller uses the full reader and comparison for the report.
///
/// Why a pass here is a pass there, with the same counts:
/// - the scanner accepts only what `Fixture.parse` accepts, with the same values;
/// - texts are matched as `compare` matches them — each expected claim, in fixture
///   order, takes the first unused claim whose normalised text is equal — with one
///   caveat: `compare` compares `String`s, which are equal up to Unicode canonical
///   equivalence, and bytes are not. The next unused claim, when its text has the
///   same bytes, is the one `compare` takes whatever the equivalence. Any other match
///   (found through a hash of the normalised texts) is only trusted when every text
///   involved is one whose bytes decide equivalence (``isPlainNFC(_:)``);
/// - a field is only ever found equal when its bytes (or their normalisation) are,
///   and so its `String`s; anything unequal gives nil, so the counts are those of
///   values that are equal in both, tallied under the same groups and paths.
struct QuickComparison {
    private var scanner = FixtureScanner()
    // Per call: the fixture bytes (valid during the call) and the ignored paths.
    private var p = UnsafePointer<UInt8>(bitPattern: 1)!
    private var ignored: UInt64 = 0
    // Reused buffers.
    private var decoded: [UInt8] = []
    private var left: [UInt8] = []
    private var right: [UInt8] = []
    private var matchOf: [Int] = []
    private var usedBy: [Int] = []
    private var table: [(hash: UInt64, index: Int)] = []
    private var cursor: [Int] = []

    /// The report of a pass, or nil (see the type's documentation).
    mutating func report(
        _ claims: [Claim], fixture bytes: UnsafeBufferPointer<UInt8>, articleLength: Int, ignored mask: UInt64
    ) -> ComparisonReport? {
        do {
            try scanner.scan(bytes, articleLength: articleLength)
        } catch {
            return nil
        }
        guard let base = bytes.baseAddress else { return nil }
        p = base
        ignored = mask
        guard match(claims) else { return nil }
        return claims.withUnsafeBufferPointer { claims in counts(claims) }
    }

    /// The report of matched claims whose every stated value is equal, or nil.
    private mutating func counts(_ claims: UnsafeBufferPointer<Claim>) -> ComparisonReport? {
        var report = ComparisonReport()
        let expected = scanner.fixture.claims
        // Precision and recall per scored field (text, kind, source, cue, chain): every
        // required expected claim is matched and right; the claims matched to optional
        // ones are not counted as predicted.
        var required = 0
        var sources = (expected: 0, correct: 0)
        var cues = (expected: 0, correct: 0)
        var chains = (expected: 0, correct: 0)
        for (e, c) in expected.enumerated() {
            let i = matchOf[e]
            if i >= 0 {
                guard compare(c, claims[i], &report) else { return nil }
            }
            guard !c.isOptional else { continue }
            required += 1
            if case .value(let a) = c.attribution {
                let right = Self.isAttributed(claims[i]) ? 1 : 0
                if a.source != nil {
                    sources.expected += 1
                    sources.correct += right
                }
                if a.cue != nil {
                    cues.expected += 1
                    cues.correct += right
                }
                if a.via != nil || a.source != nil {
                    chains.expected += 1
                    chains.correct += right
                }
            }
        }
        var predicted = 0
        var attributed = 0
        for i in claims.indices where !expected[usedBy[i]].isOptional {
            predicted += 1
            if Self.isAttributed(claims[i]) { attributed += 1 }
        }
        report.truePositives = required
        report.score(0, correct: required, predicted: predicted, expected: required)
        report.score(1, correct: required, predicted: predicted, expected: required)
        report.score(2, correct: sources.correct, predicted: attributed, expected: sources.expected)
        report.score(3, correct: cues.correct, predicted: attributed, expected: cues.expected)
        report.score(4, correct: chains.correct, predicted: attributed, expected: chains.expected)
        return report
    }

    // MARK: Matching

    /// Pairs every claim with an expected claim as `ClaimComparison` pairs them, into
    /// `matchOf` (per expected claim: the claim, or -1) and `usedBy` (per claim: the
    /// expected claim). False when a claim is left over, a required expected claim is
    /// not found, or the pairing cannot be trusted to be `ClaimComparison`'s.
    private mutating func match(_ claims: [Claim]) -> Bool {
        let expected = scanner.fixture.claims
        matchOf.removeAll(keepingCapacity: true)
        usedBy.removeAll(keepingCapacity: true)
        usedBy.append(contentsOf: repeatElement(-1, count: claims.count))
        table.removeAll(keepingCapacity: true)
        var nextUnused = 0
        var plainTexts: Bool? = nil
        for (e, c) in expected.enumerated() {
            var found = -1
            if nextUnused < claims.count && equal(c.text, claims[nextUnused].text) {
                found = nextUnused
            } else {
                // Another claim than the next unused one: only where bytes decide.
                if plainTexts == nil { plainTexts = claims.allSatisfy { Self.withBytes($0.text, Self.isPlainNFC) } }
                decoded.removeAll(keepingCapacity: true)
                FixtureScanner.decode(c.text, from: p, into: &decoded)
                guard plainTexts == true, decoded.withUnsafeBufferPointer(Self.isPlainNFC) else { return false }
                if table.isEmpty && !claims.isEmpty { buildTable(claims) }
                found = lookUp(c.text, in: claims)
                if found == -2 { return false }
            }
            matchOf.append(found)
            if found >= 0 {
                usedBy[found] = e
                while nextUnused < claims.count && usedBy[nextUnused] >= 0 { nextUnused += 1 }
            } else if !c.isOptional {
                return false
            }
        }
        return nextUnused == claims.count
    }

    /// The normalised-text hash of every claim, sorted (then by index), with a cursor per
    /// run of equal hashes.
    private mutating func buildTable(_ claims: [Claim]) {
        for (k, claim) in claims.enumerated() {
            left.removeAll(keepingCapacity: true)
            Self.withBytes(claim.text) { ClaimComparison.normalize($0, into: &left) }
            table.append((Self.hash(left), k))
        }
        table.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.index < $1.index }
        cursor.removeAll(keepingCapacity: true)
        cursor.append(contentsOf: 0..<table.count)
    }

    /// The first unused claim whose normalised text hashes as `text`'s (decoded in
    /// `decoded`): its index, -1 for none, -2 when its text is not equal after all (a
    /// hash collision).
    private mutating func lookUp(_ text: RawString, in claims: [Claim]) -> Int {
        left.removeAll(keepingCapacity: true)
        decoded.withUnsafeBufferPointer { ClaimComparison.normalize($0, into: &left) }
        let h = Self.hash(left)
        var lo = 0
        var hi = table.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if table[mid].hash < h { lo = mid + 1 } else { hi = mid }
        }
        guard lo < table.count, table[lo].hash == h else { return -1 }
        // Within a run, claims are used in index order, so a cursor skips the used ones.
        var k = cursor[lo]
        while k < table.count && table[k].hash == h && usedBy[table[k].index] >= 0 { k += 1 }
        cursor[lo] = k
        guard k < table.count && table[k].hash == h else { return -1 }
        return equal(text, claims[table[k].index].text) ? table[k].index : -2
    }

    private static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return FixtureScanner.hash(UnsafePointer(bitPattern: 1)!, 0) }
            return FixtureScanner.hash(base, b.count)
        }
    }

    /// Whether the bytes' `String` equality is byte equality: every scalar is below
    /// U+0300 or general punctuation (U+2010–U+2027, U+2030–U+205E) — scalars that are
    /// NFC with no combining class, so two such texts are canonically equivalent only
    /// when their bytes are equal.
    static func isPlainNFC(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            if c >= 0xC2 && c <= 0xCB && i + 1 < n {
                i += 2
                continue
            }
            if c == 0xE2 && i + 2 < n {
                let c1 = b[i + 1]
                let c2 = b[i + 2]
                if (c1 == 0x80 && ((0x90...0xA7).contains(c2) || (0xB0...0xBF).contains(c2)))
                    || (c1 == 0x81 && (0x80...0x9E).contains(c2))
                {
                    i += 3
                    continue
                }
            }
            return false
        }
        return true
    }

    // MARK: Fields

    /// Whether the claim has an attribution. (`attribution != nil` would compare two
    /// `Attribution?` values with `==`, field by field.)
    @inline(__always)
    private static func isAttributed(_ claim: Claim) -> Bool {
        if case .some = claim.attribution { return true }
        return false
    }

    @inline(__always)
    private func isIgnored(_ bit: Int) -> Bool { ignored & (1 << UInt64(bit)) != 0 }

    /// Compares one matched pair as `ClaimComparison.compare` walks it, tallying equal
    /// values; false at the first unequal one.
    private mutating func compare(_ e: ScannedClaim, _ a: Claim, _ r: inout ComparisonReport) -> Bool {
        if ignored != 0 && isIgnored(IgnorablePath.root) { return true }
        if let id = e.id, !isIgnored(IgnorablePath.id) {
            guard equal(id, a.id) else { return false }
            r.tally(.id, equal: true)
        }
        if !isIgnored(IgnorablePath.text) { r.tally(.text, equal: true) }  // matched: equal after normalising
        if let s = e.span, !isIgnored(IgnorablePath.span) {
            guard s.start == a.span.start && s.end == a.span.end else { return false }
            r.tally(.span, equal: true)
        }
        if let k = e.kind, !isIgnored(IgnorablePath.kind) {
            guard k == a.kind else { return false }
            r.tally(.kind, equal: true)
        }
        if let q = e.quotes, !isIgnored(IgnorablePath.quotes) {
            guard q.count == a.quotes.count else { return false }
            if q.isEmpty { r.tally(.quotes, equal: true) }
            for (k, actual) in zip(q, a.quotes) {
                switch scanner.fixture.quotes[k] {
                case .plain(let text):
                    guard equal(text, actual.text) else { return false }
                    r.tally(.quotes, equal: true)
                case .object(let t):
                    guard textSpan(t, actual, text: IgnorablePath.quotesText, group: .quotes, &r) else { return false }
                }
            }
        }
        switch e.attribution {
        case .absent:
            return true
        case _ where isIgnored(IgnorablePath.attribution):
            return true
        case .null:
            guard !Self.isAttributed(a) else { return false }
            r.tally(.attribution, equal: true)
            return true
        case .value(let ea):
            guard Self.isAttributed(a) else { return false }
            return attribution(ea, a.attribution!, &r)
        }
    }

    /// An attribution object against the claim's attribution.
    private mutating func attribution(_ ea: ScannedAttribution, _ aa: Attribution, _ r: inout ComparisonReport)
        -> Bool
    {
        if let s = ea.source, !isIgnored(IgnorablePath.source) {
            guard source(s, aa.source, base: IgnorablePath.source, group: .source, &r) else { return false }
        }
        if let c = ea.cue, !isIgnored(IgnorablePath.cue) {
            guard cue(c, aa.cue, base: IgnorablePath.cue, group: .cue, &r) else { return false }
        }
        guard time(ea.time, aa.time, base: IgnorablePath.time, group: .time, &r) else { return false }
        if let via = ea.via, !isIgnored(IgnorablePath.via) {
            guard via.count == aa.via.count else { return false }
            if via.isEmpty { r.tally(.chain, equal: true) }
            for (k, hop) in zip(via, aa.via) {
                let eh = scanner.fixture.hops[k]
                if let s = eh.source, !isIgnored(IgnorablePath.viaSource) {
                    guard source(s, hop.source, base: IgnorablePath.viaSource, group: .chain, &r) else {
                        return false
                    }
                }
                if let c = eh.cue, !isIgnored(IgnorablePath.viaCue) {
                    guard cue(c, hop.cue, base: IgnorablePath.viaCue, group: .chain, &r) else { return false }
                }
                guard time(eh.time, hop.time, base: IgnorablePath.viaTime, group: .chain, &r) else { return false }
            }
        }
        return true
    }

    /// `{"text", "span"}` against a quoted fragment or time; `text` is the text's bit,
    /// the span's the next.
    private mutating func textSpan(
        _ e: ScannedTextSpan, _ a: TextSpan, text: Int, group: FieldGroup, _ r: inout ComparisonReport
    ) -> Bool {
        if let t = e.text, !isIgnored(text) {
            guard equal(t, a.text) else { return false }
            r.tally(group, equal: true)
        }
        if let s = e.span, !isIgnored(text + 1) {
            guard s.start == a.span.start && s.end == a.span.end else { return false }
            r.tally(group, equal: true)
        }
        return true
    }

    /// A time: absent (not compared), `null` (none) or `{"text", "span"}`.
    private mutating func time(
        _ e: Stated<ScannedTextSpan>, _ a: TextSpan?, base: Int, group: FieldGroup, _ r: inout ComparisonReport
    ) -> Bool {
        switch e {
        case .absent:
            return true
        case _ where isIgnored(base):
            return true
        case .null:
            guard case .none = a else { return false }
            r.tally(group, equal: true)
            return true
        case .value(let t):
            guard let a else { return false }
            return textSpan(t, a, text: base + 1, group: group, &r)
        }
    }

    private mutating func source(
        _ e: ScannedSource, _ a: Source, base: Int, group: FieldGroup, _ r: inout ComparisonReport
    ) -> Bool {
        if let t = e.text, !isIgnored(base + 1) {
            guard equal(t, a.text) else { return false }
            r.tally(group, equal: true)
        }
        if let s = e.span, !isIgnored(base + 2) {
            guard s.start == a.span.start && s.end == a.span.end else { return false }
            r.tally(group, equal: true)
        }
        if let name = e.name, !isIgnored(base + 3) {
            guard equal(name, a.name) else { return false }
            r.tally(group, equal: true)
        }
        if !isIgnored(base + 4) {
            switch e.role {
            case .absent: break
            case .null:
                guard case .none = a.role else { return false }
                r.tally(group, equal: true)
            case .value(let role):
                guard let actual = a.role, equal(role, actual) else { return false }
                r.tally(group, equal: true)
            }
        }
        if let type = e.type, !isIgnored(base + 5) {
            guard type == a.type else { return false }
            r.tally(group, equal: true)
        }
        return true
    }

    private mutating func cue(_ e: ScannedCue, _ a: Cue, base: Int, group: FieldGroup, _ r: inout ComparisonReport)
        -> Bool
    {
        if let t = e.text, !isIgnored(base + 1) {
            guard equal(t, a.text) else { return false }
            r.tally(group, equal: true)
        }
        if let s = e.span, !isIgnored(base + 2) {
            guard s.start == a.span.start && s.end == a.span.end else { return false }
            r.tally(group, equal: true)
        }
        if let lemma = e.lemma, !isIgnored(base + 3) {
            guard equal(lemma, a.lemma) else { return false }
            r.tally(group, equal: true)
        }
        return true
    }

    // MARK: Strings

    /// Whether a fixture string equals `s` as `ClaimComparison` compares strings: the
    /// same bytes, or the same after ``ClaimComparison/normalize(_:)``. False also when
    /// the `String`s might be equal only up to canonical equivalence (the caller then
    /// gives up, and the full comparison decides).
    @inline(__always)
    private mutating func equal(_ r: RawString, _ s: String) -> Bool {
        if !r.escaped {
            let p = self.p
            let same = Self.withBytes(s) { b in
                b.count == r.count && (r.count == 0 || memcmp(p + r.start, b.baseAddress!, r.count) == 0)
            }
            if same { return true }
        }
        return equalAfterDecoding(r, s)
    }

    private mutating func equalAfterDecoding(_ r: RawString, _ s: String) -> Bool {
        decoded.removeAll(keepingCapacity: true)
        FixtureScanner.decode(r, from: p, into: &decoded)
        let decoded = self.decoded
        if Self.withBytes(s, { decoded.elementsEqual($0) }) { return true }
        left.removeAll(keepingCapacity: true)
        right.removeAll(keepingCapacity: true)
        decoded.withUnsafeBufferPointer { ClaimComparison.normalize($0, into: &left) }
        Self.withBytes(s) { ClaimComparison.normalize($0, into: &right) }
        return left == right
    }

    /// `body` over the UTF-8 bytes of `s`, copied only if `s` is not contiguous UTF-8.
    @inline(__always)
    static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = s
        return copy.withUTF8(body)
    }
}
