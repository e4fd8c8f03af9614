/// Claims as JSON in schema order (docs/FIXTURES.md): the shape of `list --format json`
/// and of fixtures. Keys are always written in the same order so that fixtures diff well.
///
/// ``value(_:includeRules:)`` builds the shape as a ``JSONValue`` (to compare or read
/// back); ``ClaimJSONWriter`` writes the very same bytes straight into a buffer, several
/// times cheaper, and is what `list`, `update`'s fixtures (``fixture(article:claims:)``)
/// and the benchmark write claims with.
public enum ClaimJSON {
    /// The fixture schema version this build reads and writes.
    public static let schemaVersion = 1

    /// A claim as a JSON object. `includeRules` adds `decidedBy` (not part of fixtures).
    public static func value(_ claim: Claim, includeRules: Bool = false) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .string(claim.id)),
            ("text", .string(claim.text)),
            ("span", span(claim.span)),
            ("kind", .string(claim.kind.rawValue)),
            ("quotes", .array(claim.quotes.map(textSpan))),
            ("attribution", claim.attribution.map(attribution) ?? .null),
        ]
        if includeRules {
            pairs.append(
                (
                    "decidedBy",
                    .array(claim.decidedBy.map { .object([("field", .string($0.field)), ("rule", .string($0.rule))]) })
                ))
        }
        return .object(pairs)
    }

    /// An attribution as a JSON object: `source`, `cue`, `time` (or `null`) and `via` (an array
    /// of hops), each source and cue with its `span` as `[start, end]` UTF-8 byte offsets.
    public static func attribution(_ a: Attribution) -> JSONValue {
        .object([
            ("source", source(a.source)),
            ("cue", cue(a.cue)),
            ("time", a.time.map(textSpan) ?? .null),
            ("via", .array(a.via.map(hop))),
        ])
    }

    static func hop(_ h: Hop) -> JSONValue {
        .object([("source", source(h.source)), ("cue", cue(h.cue)), ("time", h.time.map(textSpan) ?? .null)])
    }

    static func source(_ s: Source) -> JSONValue {
        .object([
            ("text", .string(s.text)), ("span", span(s.span)), ("name", .string(s.name)),
            ("role", s.role.map(JSONValue.string) ?? .null), ("type", .string(s.type.rawValue)),
        ])
    }

    static func cue(_ c: Cue) -> JSONValue {
        .object([("text", .string(c.text)), ("span", span(c.span)), ("lemma", .string(c.lemma))])
    }

    static func textSpan(_ t: TextSpan) -> JSONValue { .object([("text", .string(t.text)), ("span", span(t.span))]) }

    static func span(_ s: Span) -> JSONValue { .array([.number(Double(s.start)), .number(Double(s.end))]) }

    /// A whole fixture document for `article` (claims sorted by span), with a final newline.
    ///
    /// Written by ``ClaimJSONWriter`` straight into bytes; the same text as
    /// ``JSONValue/serialized(indent:)`` of an object with `schemaVersion`, `article` and
    /// `claims` (each ``value(_:includeRules:)``).
    public static func fixture(article: String, claims: [Claim]) -> String {
        let sorted = claims.sorted { $0.span < $1.span }
        var w = ClaimJSONWriter(style: .pretty, capacity: 4096 + 1024 * sorted.count)
        w.beginObject()
        w.key("schemaVersion")
        w.integer(schemaVersion)
        w.key("article")
        w.string(article)
        w.key("claims")
        w.claims(sorted)
        w.endObject()
        w.newline()
        return w.text
    }
}

extension ClaimJSON {
    /// A JSON value that is not a claim in the shape ``value(_:includeRules:)`` writes.
    public struct ShapeError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Where in the value: `attribution/via/0/cue/span`.
        public var path: String
        /// What is wrong, with the path of the value.
        public var message: String
        /// The message.
        public var description: String { path.isEmpty ? message : "\(path): \(message)" }
    }

    /// Reads back a claim written by ``value(_:includeRules:)`` (`list --format json`):
    /// the inverse, so `claim(from: value(c, includeRules: true)) == c`. Without
    /// `decidedBy` in the JSON the claim's `decidedBy` is empty.
    ///
    /// Every field of the written shape is required (`attribution` and `time` may be
    /// `null`); spans are `[start, end]` integer UTF-8 byte offsets with
    /// `0 <= start <= end`.
    ///
    /// - Throws: ``ShapeError`` naming the path of the first value of the wrong shape.
    public static func claim(from json: JSONValue) throws(ShapeError) -> Claim {
        let r = Reader(path: "")
        guard case .object = json else { throw r.fail("expected a claim object") }
        let kindName = try r.string(json, "kind")
        guard let kind = ClaimKind(rawValue: kindName) else {
            throw r.at("kind").fail("unknown kind \"\(kindName)\"; expected direct, indirect, mixed or unattributed")
        }
        var decidedBy: [RuleDecision] = []
        if let rules = json["decidedBy"] {
            let rr = r.at("decidedBy")
            guard case .array(let items) = rules else { throw rr.fail("expected an array") }
            for (k, item) in items.enumerated() {
                let ir = rr.at("\(k)")
                decidedBy.append(RuleDecision(field: try ir.string(item, "field"), rule: try ir.string(item, "rule")))
            }
        }
        let attribution: Attribution?
        switch try r.required(json, "attribution") {
        case .null: attribution = nil
        case let a: attribution = try r.at("attribution").attribution(a)
        }
        return Claim(
            id: try r.string(json, "id"), text: try r.string(json, "text"), span: try r.span(json, "span"),
            kind: kind, quotes: try r.textSpans(json, "quotes"), attribution: attribution, decidedBy: decidedBy)
    }

    private struct Reader {
        let path: String

        func at(_ key: String) -> Reader { Reader(path: path.isEmpty ? key : path + "/" + key) }
        func fail(_ message: String) -> ShapeError { ShapeError(path: path, message: message) }

        func required(_ object: JSONValue, _ key: String) throws(ShapeError) -> JSONValue {
            guard case .object = object else { throw fail("expected an object") }
            guard let v = object[key] else { throw at(key).fail("missing \"\(key)\"") }
            return v
        }

        func string(_ object: JSONValue, _ key: String) throws(ShapeError) -> String {
            guard case .string(let s) = try required(object, key) else { throw at(key).fail("expected a string") }
            return s
        }

        func optionalString(_ object: JSONValue, _ key: String) throws(ShapeError) -> String? {
            switch try required(object, key) {
            case .null: return nil
            case .string(let s): return s
            default: throw at(key).fail("expected a string or null")
            }
        }

        func span(_ object: JSONValue, _ key: String) throws(ShapeError) -> Span {
            let r = at(key)
            guard case .array(let xs) = try required(object, key), xs.count == 2,
                case .number(let s) = xs[0], case .number(let e) = xs[1],
                s >= 0, e >= s, e <= 9_007_199_254_740_992, s == s.rounded(), e == e.rounded()
            else { throw r.fail("expected a span [start, end] of integer UTF-8 byte offsets, 0 <= start <= end") }
            return Span(Int(s), Int(e))
        }

        func textSpan(_ v: JSONValue) throws(ShapeError) -> TextSpan {
            TextSpan(text: try string(v, "text"), span: try span(v, "span"))
        }

        func optionalTextSpan(_ object: JSONValue, _ key: String) throws(ShapeError) -> TextSpan? {
            let v = try required(object, key)
            if v == .null { return nil }
            return try at(key).textSpan(v)
        }

        func textSpans(_ object: JSONValue, _ key: String) throws(ShapeError) -> [TextSpan] {
            guard case .array(let items) = try required(object, key) else { throw at(key).fail("expected an array") }
            var out: [TextSpan] = []
            for (k, item) in items.enumerated() { out.append(try at(key).at("\(k)").textSpan(item)) }
            return out
        }

        func source(_ v: JSONValue) throws(ShapeError) -> Source {
            let typeName = try string(v, "type")
            guard let type = SourceType(rawValue: typeName) else {
                throw at("type").fail("unknown source type \"\(typeName)\"")
            }
            return Source(
                text: try string(v, "text"), span: try span(v, "span"), name: try string(v, "name"),
                role: try optionalString(v, "role"), type: type)
        }

        func cue(_ v: JSONValue) throws(ShapeError) -> Cue {
            Cue(text: try string(v, "text"), span: try span(v, "span"), lemma: try string(v, "lemma"))
        }

        func attribution(_ v: JSONValue) throws(ShapeError) -> Attribution {
            let viaValue = try required(v, "via")
            guard case .array(let hops) = viaValue else { throw at("via").fail("expected an array of hops") }
            var via: [Hop] = []
            for (k, hop) in hops.enumerated() {
                let h = at("via").at("\(k)")
                via.append(
                    Hop(
                        source: try h.at("source").source(try h.required(hop, "source")),
                        cue: try h.at("cue").cue(try h.required(hop, "cue")),
                        time: try h.optionalTextSpan(hop, "time")))
            }
            return Attribution(
                source: try at("source").source(try required(v, "source")),
                cue: try at("cue").cue(try required(v, "cue")),
                time: try optionalTextSpan(v, "time"), via: via)
        }
    }
}
