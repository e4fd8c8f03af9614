/// One difference between a fixture and the extractor's claims.
public struct ClaimDifference: Sendable, Equatable {
    /// What kind of difference: a claim missing or extra, or one field.
    public enum Kind: String, Sendable, Codable {
        /// The fixture expects a claim the extractor did not find.
        case missing
        /// The extractor found a claim the fixture does not have.
        case extra
        /// A matched claim differs in one field.
        case field
    }
    /// Missing, extra or field.
    public var kind: Kind
    /// The claim's text (expected for `missing` and `field`, actual for `extra`).
    public var claimText: String
    /// The actual claim's id, when there is one.
    public var claimID: String?
    /// Dotted field path for `field`: `attribution.source.name`.
    public var field: String?
    /// The expected value as compact JSON (for `field`; the whole expected claim for `missing`).
    public var expected: String?
    /// The actual value as compact JSON (for `field`; the whole claim for `extra`).
    public var actual: String?
    /// Where in the fixture (for `missing` and `field`).
    public var location: SourceLocation?
}

/// Per-field precision and recall over claims: a claim counts as correct for a field
/// when it is matched and every value of that field the fixture states is equal.
/// Precision divides by the extractor's claims that have the field (attributed claims
/// for `source`, `cue`, `chain`), recall by the fixture's.
public struct FieldPrecisionRecall: Sendable, Equatable, Codable {
    /// Claims matched with every stated value of the field equal.
    public var correct = 0
    /// The extractor's claims that have the field.
    public var predicted = 0
    /// The fixture's (non-optional) claims that have the field.
    public var expected = 0
    /// `correct / predicted`; 1 when nothing was predicted.
    public var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }
    /// `correct / expected`; 1 when nothing was expected.
    public var recall: Double { expected == 0 ? 1 : Double(correct) / Double(expected) }
    /// Creates zero counts.
    public init() {}
}

/// Per-field tallies over matched claims.
public struct FieldScore: Sendable, Equatable, Codable {
    /// Times the field was compared (once per matched claim that states it).
    public var compared = 0
    /// Times it was equal.
    public var equal = 0
    /// Creates a tally.
    public init(compared: Int = 0, equal: Int = 0) {
        self.compared = compared
        self.equal = equal
    }
    /// `equal / compared`, from 0 to 1; 1 when nothing was compared.
    public var accuracy: Double { compared == 0 ? 1 : Double(equal) / Double(compared) }
}

/// The groups whose values a comparison tallies (``ComparisonReport/fields``): a claim's
/// own keys, and under `attribution` its parts, `via` counting as `chain`.
enum FieldGroup: Int, CaseIterable, Sendable {
    case id, text, span, kind, quotes, attribution, source, cue, time, chain

    /// The group's name in reports: `id`, …, `chain`.
    var name: String {
        switch self {
        case .id: return "id"
        case .text: return "text"
        case .span: return "span"
        case .kind: return "kind"
        case .quotes: return "quotes"
        case .attribution: return "attribution"
        case .source: return "source"
        case .cue: return "cue"
        case .time: return "time"
        case .chain: return "chain"
        }
    }

    init?(name: String) {
        switch name {
        case "id": self = .id
        case "text": self = .text
        case "span": self = .span
        case "kind": self = .kind
        case "quotes": self = .quotes
        case "attribution": self = .attribution
        case "source": self = .source
        case "cue": self = .cue
        case "time": self = .time
        case "chain": self = .chain
        default: return nil
        }
    }

    /// The index of a ``ClaimComparison/scoredFields`` group (`text`, `kind`, `source`,
    /// `cue`, `chain`), or nil.
    var scoredIndex: Int? {
        switch self {
        case .text: return 0
        case .kind: return 1
        case .source: return 2
        case .cue: return 3
        case .chain: return 4
        default: return nil
        }
    }
}

/// The result of comparing one article's claims with its fixture.
///
/// Field tallies and per-field precision and recall are kept in fixed slots, one per
/// field group, so that a report is small and cheap to make, keep and add up for every
/// article of a large corpus; ``fields`` and ``fieldPR`` present them as dictionaries.
public struct ComparisonReport: Sendable {
    /// Every difference, in article order (missing claims last, in fixture order).
    public var differences: [ClaimDifference]
    /// Non-optional expected claims matched to an actual claim.
    public var truePositives: Int
    /// Expected (non-optional) claims with no actual claim: the missing ones.
    public var falseNegatives: Int
    /// Actual claims matched to no expected claim: the extra ones.
    public var falsePositives: Int

    // Tallies per FieldGroup; a bit of `tallied` says the group is in `fields`.
    private var compared = InlineArray<10, Int>(repeating: 0)
    private var equal = InlineArray<10, Int>(repeating: 0)
    private var tallied: UInt16 = 0
    // Precision and recall per scored group (ClaimComparison.scoredFields order).
    private var correct = InlineArray<5, Int>(repeating: 0)
    private var predicted = InlineArray<5, Int>(repeating: 0)
    private var expected = InlineArray<5, Int>(repeating: 0)
    private var scored: UInt8 = 0
    // Entries under other names, set only through the dictionaries' setters.
    private var otherFields: [String: FieldScore]? = nil
    private var otherFieldPR: [String: FieldPrecisionRecall]? = nil

    /// Field accuracy over matched claims: `text`, `kind`, `source`, `cue`, `chain`, …
    public var fields: [String: FieldScore] {
        get {
            var result = otherFields ?? [:]
            for g in FieldGroup.allCases where tallied & (1 << g.rawValue) != 0 {
                result[g.name] = FieldScore(compared: compared[g.rawValue], equal: equal[g.rawValue])
            }
            return result
        }
        set {
            tallied = 0
            otherFields = nil
            for (name, score) in newValue {
                if let g = FieldGroup(name: name) {
                    tallied |= 1 << g.rawValue
                    compared[g.rawValue] = score.compared
                    equal[g.rawValue] = score.equal
                } else {
                    otherFields = otherFields ?? [:]
                    otherFields![name] = score
                }
            }
        }
    }

    /// Per-field precision and recall over claims (``ClaimComparison/scoredFields``).
    public var fieldPR: [String: FieldPrecisionRecall] {
        get {
            var result = otherFieldPR ?? [:]
            for (k, name) in ClaimComparison.scoredFields.enumerated() where scored & (1 << k) != 0 {
                var pr = FieldPrecisionRecall()
                pr.correct = correct[k]
                pr.predicted = predicted[k]
                pr.expected = expected[k]
                result[name] = pr
            }
            return result
        }
        set {
            scored = 0
            otherFieldPR = nil
            for (name, pr) in newValue {
                if let k = ClaimComparison.scoredFields.firstIndex(of: name) {
                    scored |= 1 << k
                    correct[k] = pr.correct
                    predicted[k] = pr.predicted
                    expected[k] = pr.expected
                } else {
                    otherFieldPR = otherFieldPR ?? [:]
                    otherFieldPR![name] = pr
                }
            }
        }
    }

    /// Counts one comparison of a value of `group`.
    @inline(__always)
    mutating func tally(_ group: FieldGroup, equal isEqual: Bool) {
        tallied |= 1 << group.rawValue
        compared[group.rawValue] += 1
        if isEqual { equal[group.rawValue] += 1 }
    }

    /// Adds to the precision and recall counts of the scored group `k`
    /// (an index into ``ClaimComparison/scoredFields``).
    @inline(__always)
    mutating func score(_ k: Int, correct c: Int = 0, predicted p: Int = 0, expected e: Int = 0) {
        if c | p | e != 0 { scored |= 1 << k }
        correct[k] += c
        predicted[k] += p
        expected[k] += e
    }

    /// `truePositives / (truePositives + falsePositives)`, from 0 to 1; 1 when there is nothing to count.
    public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
    /// `truePositives / (truePositives + falseNegatives)`, from 0 to 1; 1 when there is nothing to count.
    public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
    /// The harmonic mean of ``precision`` and ``recall``; 0 when both are 0.
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    /// Whether there are no differences at all (no claim missing or extra, no field differing).
    public var passed: Bool { differences.isEmpty }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

    /// Creates a report from its counts (all zero by default).
    public init(
        differences: [ClaimDifference] = [], truePositives: Int = 0, falseNegatives: Int = 0, falsePositives: Int = 0,
        fields: [String: FieldScore] = [:]
    ) {
        self.differences = differences
        self.truePositives = truePositives
        self.falseNegatives = falseNegatives
        self.falsePositives = falsePositives
        if !fields.isEmpty { self.fields = fields }
    }

    /// Adds another report's counts (differences are not kept).
    public mutating func accumulate(_ other: ComparisonReport) {
        truePositives += other.truePositives
        falseNegatives += other.falseNegatives
        falsePositives += other.falsePositives
        tallied |= other.tallied
        for k in 0..<10 {
            compared[k] += other.compared[k]
            equal[k] += other.equal[k]
        }
        scored |= other.scored
        for k in 0..<5 {
            correct[k] += other.correct[k]
            predicted[k] += other.predicted[k]
            expected[k] += other.expected[k]
        }
        if let others = other.otherFields {
            for (k, v) in others {
                otherFields = otherFields ?? [:]
                otherFields![k, default: FieldScore()].compared += v.compared
                otherFields![k, default: FieldScore()].equal += v.equal
            }
        }
        if let others = other.otherFieldPR {
            for (k, v) in others {
                otherFieldPR = otherFieldPR ?? [:]
                otherFieldPR![k, default: FieldPrecisionRecall()].correct += v.correct
                otherFieldPR![k, default: FieldPrecisionRecall()].predicted += v.predicted
                otherFieldPR![k, default: FieldPrecisionRecall()].expected += v.expected
            }
        }
    }
}

/// Matches claims to a fixture by text, then compares every field the fixture states.
///
/// Texts match when equal after folding white space and quotation-mark style (’ ‘ → ',
/// “ ” → "); failing that, when their word overlap (Dice coefficient) reaches
/// `tolerance`. Each expected claim matches at most one actual claim.
public struct ClaimComparison: Sendable {
    /// Minimum word overlap for a fuzzy text match (1 = exact only).
    public var tolerance: Double
    /// Dotted field paths not compared (e.g. `attribution.time`).
    public var ignoredFields: Set<String> {
        didSet { ignoredMask = IgnorablePath.mask(ignoredFields) }
    }
    /// ``ignoredFields`` as bits of ``IgnorablePath``, for the quick comparison.
    private(set) var ignoredMask: UInt64 = 0

    /// Creates a comparison; `tolerance` is a Dice coefficient from 0 to 1.
    public init(tolerance: Double = 0.8, ignoredFields: Set<String> = []) {
        self.tolerance = tolerance
        self.ignoredFields = ignoredFields
        self.ignoredMask = IgnorablePath.mask(ignoredFields)
    }

    /// A claim on the "actual" side: its text, id, sort key and schema-order JSON.
    struct Actual {
        var text: String
        var id: String?
        var order: Int
        var json: JSONValue
    }

    /// Compares the claims extracted from an article of `articleLength` UTF-8 bytes with
    /// its fixture, after checking that the fixture's spans fit the article.
    ///
    /// - Throws: ``FixtureError`` (`file:line:column`) for a span beyond the article's end.
    public func compare(_ claims: [Claim], with fixture: Fixture, articleLength: Int) throws(FixtureError)
        -> ComparisonReport
    {
        try fixture.checkSpans(articleLength: articleLength)
        return compare(claims, with: fixture)
    }

    /// Compares claims with a fixture (spans are compared as values, not checked against
    /// an article; see ``compare(_:with:articleLength:)``).
    public func compare(_ claims: [Claim], with fixture: Fixture) -> ComparisonReport {
        compare(
            actual: claims.map { Actual(text: $0.text, id: $0.id, order: $0.span.start, json: ClaimJSON.value($0)) },
            with: fixture)
    }

    /// Compares the claims of another fixture-shaped document (a pending fixture written
    /// by `claimcheck update`) with a fixture: `fixture` is the expected side, `candidate`
    /// the actual side. Differences are ordered by the candidate claims' span start
    /// (UTF-8 byte offset) when they state one, else by their position.
    public func compare(candidate: Fixture, with fixture: Fixture) -> ComparisonReport {
        compare(
            actual: candidate.claims.enumerated().map { (n, c) in
                var order = n
                if case .array(let span)? = c.json["span"], case .number(let start)? = span.first,
                    start >= 0, start < Double(Int.max / 4)
                {
                    order = Int(start)
                }
                var id: String? = nil
                if case .string(let s)? = c.json["id"] { id = s }
                return Actual(text: c.text, id: id, order: order, json: c.json)
            }, with: fixture)
    }

    func compare(actual claims: [Actual], with fixture: Fixture) -> ComparisonReport {
        let actualJSON = claims.map(\.json)
        let actualKeys = claims.map { Self.normalize($0.text) }
        var used = Array(repeating: false, count: claims.count)
        var pairs: [(Int, Int)] = []  // (expected, actual)
        var unmatched: [Int] = []
        // Exact (normalised) matches first, in order.
        var byText: [String: [Int]] = [:]
        for (i, k) in actualKeys.enumerated() { byText[k, default: []].append(i) }
        for (e, expected) in fixture.claims.enumerated() {
            let key = Self.normalize(expected.text)
            if let i = byText[key]?.first(where: { !used[$0] }) {
                used[i] = true
                pairs.append((e, i))
            } else {
                unmatched.append(e)
            }
        }
        // Then the best fuzzy match for each remaining expected claim.
        var stillUnmatched: [Int] = []
        if tolerance < 1 && !unmatched.isEmpty {
            // Word counts only when some expected claim is still unmatched.
            let actualWords = claims.map { Self.words($0.text) }
            for e in unmatched {
                let words = Self.words(fixture.claims[e].text)
                var best: (score: Double, index: Int)? = nil
                for i in claims.indices where !used[i] {
                    let score = Self.dice(words, actualWords[i])
                    if score >= tolerance, score > (best?.score ?? 0) { best = (score, i) }
                }
                if let b = best {
                    used[b.index] = true
                    pairs.append((e, b.index))
                } else {
                    stillUnmatched.append(e)
                }
            }
        } else {
            stillUnmatched = unmatched
        }
        var report = ComparisonReport(
            differences: [], truePositives: 0, falseNegatives: 0, falsePositives: 0, fields: [:])
        var differences: [(order: Int, diff: ClaimDifference)] = []
        for (e, i) in pairs {
            let expected = fixture.claims[e]
            if !expected.isOptional { report.truePositives += 1 }
            var fieldDiffs: [ClaimDifference] = []
            var at = FieldPath(fixtureBase: expected.path)
            compare(
                expected.json, actualJSON[i], at: &at, group: "", fixture: fixture, claim: claims[i],
                into: &fieldDiffs, report: &report)
            if !expected.isOptional {
                let wrong = Set(fieldDiffs.compactMap { $0.field.map(Self.group) })
                for (k, group) in Self.scoredFields.enumerated()
                where Self.has(group, expected.json) && Self.has(group, actualJSON[i]) {
                    if !wrong.contains(group) && !(wrong.contains("attribution") && group != "text" && group != "kind")
                    {
                        report.score(k, correct: 1)
                    }
                }
            }
            differences.append(contentsOf: fieldDiffs.map { (claims[i].order, $0) })
        }
        for e in stillUnmatched where !fixture.claims[e].isOptional {
            report.falseNegatives += 1
            let expected = fixture.claims[e]
            differences.append(
                (
                    Int.max / 2 + e,
                    ClaimDifference(
                        kind: .missing, claimText: expected.text, claimID: nil, field: nil,
                        expected: ClaimJSON.compactText(expected.json), actual: nil,
                        location: fixture.location(of: expected.path))
                ))
        }
        for i in claims.indices where !used[i] {
            report.falsePositives += 1
            differences.append(
                (
                    claims[i].order,
                    ClaimDifference(
                        kind: .extra, claimText: claims[i].text, claimID: claims[i].id, field: nil, expected: nil,
                        actual: ClaimJSON.compactText(actualJSON[i]), location: nil)
                ))
        }
        for e in fixture.claims where !e.isOptional {
            for (k, group) in Self.scoredFields.enumerated() where Self.has(group, e.json) {
                report.score(k, expected: 1)
            }
        }
        let optionalMatched = Set(pairs.filter { fixture.claims[$0.0].isOptional }.map(\.1))
        for (i, json) in actualJSON.enumerated() where !optionalMatched.contains(i) {
            for (k, group) in Self.scoredFields.enumerated() where Self.has(group, json) {
                report.score(k, predicted: 1)
            }
        }
        report.differences = differences.sorted { $0.order < $1.order }.map(\.diff)
        return report
    }

    /// The fields scored with precision and recall, in report order.
    public static let scoredFields = ["text", "kind", "source", "cue", "chain"]

    /// Whether a claim (JSON) has a field group: attribution groups need an attribution.
    static func has(_ group: String, _ claim: JSONValue) -> Bool {
        switch group {
        case "text", "kind": return true
        default:
            guard let a = claim["attribution"], a != .null else { return false }
            return group == "chain" ? a["via"] != nil || a["source"] != nil : a[group] != nil
        }
    }

    /// The scoring group of a field path: `attribution.source.name` → `source`.
    static func group(_ path: String) -> String {
        let parts = path.split(separator: ".")
        if parts.first == "attribution", parts.count > 1 {
            switch parts[1] {
            case "via": return "chain"
            default: return String(parts[1])
            }
        }
        return parts.first.map(String.init) ?? path
    }

    /// Where the comparison is: the field keys (`attribution`, `source`, `name`) and the
    /// fixture path components (keys and array indices). Strings are only joined for a
    /// difference or an ignored-field check, not for every field compared.
    struct FieldPath {
        var fixtureBase: String
        var keys: [String] = []
        var fixtureComponents: [String] = []

        /// Dotted field path: `attribution.source.name`.
        var dotted: String { keys.joined(separator: ".") }
        /// The fixture path of the value: `claims/3/attribution/source/name`.
        var fixturePath: String {
            fixtureComponents.isEmpty ? fixtureBase : fixtureBase + "/" + fixtureComponents.joined(separator: "/")
        }
        var isSpan: Bool { keys.last?.hasSuffix("span") ?? false }
    }

    /// Compares `expected` with `actual` at `at`; `group` is `Self.group` of the dotted
    /// path, carried down instead of re-split from the path at every field.
    private func compare(
        _ expected: JSONValue, _ actual: JSONValue, at: inout FieldPath, group: String, fixture: Fixture,
        claim: Actual, into diffs: inout [ClaimDifference], report: inout ComparisonReport
    ) {
        if !ignoredFields.isEmpty && ignoredFields.contains(at.dotted) { return }
        switch (expected, actual) {
        case (.object(let pairs), .object):
            let top = at.keys.isEmpty
            let underAttribution = at.keys.count == 1 && at.keys[0] == "attribution"
            for (key, value) in pairs {
                switch key {
                case "optional", "note", "decidedBy": continue
                default: break
                }
                guard let a = actual[key] else { continue }
                let subGroup = top ? key : underAttribution ? (key == "via" ? "chain" : key) : group
                at.keys.append(key)
                at.fixtureComponents.append(key)
                compare(
                    value, a, at: &at, group: subGroup, fixture: fixture, claim: claim, into: &diffs, report: &report)
                at.keys.removeLast()
                at.fixtureComponents.removeLast()
            }
            return
        case (.string(let e), .object) where actual["text"] != nil:
            // A quoted fragment written as a plain string (a time never is: the validator
            // refuses it).
            compare(
                .string(e), actual["text"]!, at: &at, group: group, fixture: fixture, claim: claim,
                into: &diffs, report: &report)
            return
        case (.array(let es), .array(let acts)) where es.count == acts.count && !at.isSpan:
            for (k, (e, a)) in zip(es, acts).enumerated() {
                at.fixtureComponents.append(String(k))
                compare(e, a, at: &at, group: group, fixture: fixture, claim: claim, into: &diffs, report: &report)
                at.fixtureComponents.removeLast()
            }
            if es.isEmpty { tally(group, equal: true, &report) }
            return
        default:
            break
        }
        let equal = Self.equivalent(expected, actual)
        tally(group, equal: equal, &report)
        if !equal {
            diffs.append(
                ClaimDifference(
                    kind: .field, claimText: claim.text, claimID: claim.id, field: at.dotted,
                    expected: ClaimJSON.compactText(expected), actual: ClaimJSON.compactText(actual),
                    location: fixture.location(of: at.fixturePath)))
        }
    }

    private func tally(_ group: String, equal: Bool, _ report: inout ComparisonReport) {
        if let g = FieldGroup(name: group) {
            report.tally(g, equal: equal)
        } else {
            var score = report.fields[group] ?? FieldScore()
            score.compared += 1
            if equal { score.equal += 1 }
            report.fields[group] = score
        }
    }

    static func equivalent(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y || normalize(x) == normalize(y)
        case (.object(let xs), .object):
            return xs.allSatisfy { key, value in b[key].map { equivalent(value, $0) } ?? false }
        case (.array(let xs), .array(let ys)): return xs.count == ys.count && zip(xs, ys).allSatisfy(equivalent)
        case (.string, .object): return b["text"].map { equivalent(a, $0) } ?? false
        default: return a == b
        }
    }

    /// White space collapsed; curly and straight quotation marks and apostrophes folded.
    ///
    /// Works on UTF-8 bytes: space, tab, CR, LF and NBSP runs become one space (none at
    /// either end); ‘ ’ ‚ ′ become '; “ ” „ « » ″ become ".
    public static func normalize(_ s: String) -> String {
        var copy = s
        return copy.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            normalize(bytes, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// ``normalize(_:)`` on UTF-8 bytes, appended to `out`: what the text match compares.
    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let base = out.count
        var space = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            var length = 1
            var replacement: UInt8? = nil
            switch b {
            case 0x20, 0x0A, 0x0D, 0x09:
                space = out.count > base
                i += 1
                continue
            case 0xC2 where i + 1 < n:
                switch bytes[i + 1] {
                case 0xA0:
                    space = out.count > base
                    i += 2
                    continue
                case 0xAB, 0xBB: replacement = 0x22; length = 2
                default: break
                }
            case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80:
                switch bytes[i + 2] {
                case 0x98, 0x99, 0x9A, 0xB2: replacement = 0x27; length = 3
                case 0x9C, 0x9D, 0x9E, 0xB3: replacement = 0x22; length = 3
                default: break
                }
            default: break
            }
            if space {
                out.append(0x20)
                space = false
            }
            if let r = replacement {
                out.append(r)
                i += length
            } else {
                out.append(b)
                i += 1
            }
        }
    }

    static func words(_ s: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for w in normalize(s).lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            counts[String(w), default: 0] += 1
        }
        return counts
    }

    static func dice(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let total = a.values.reduce(0, +) + b.values.reduce(0, +)
        guard total > 0 else { return 1 }
        var common = 0
        for (w, n) in a { common += min(n, b[w] ?? 0) }
        return 2 * Double(common) / Double(total)
    }
}

extension ClaimJSON {
    /// A value as one line of JSON; a plain string stays a quoted string.
    public static func compactText(_ v: JSONValue) -> String { v.compact() }
}
