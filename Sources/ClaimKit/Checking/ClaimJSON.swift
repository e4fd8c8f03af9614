/// Claims as JSON in schema order (docs/FIXTURES.md): the shape of `list --format json`
/// and of fixtures. Keys are always written in the same order so that fixtures diff well.
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
    public static func fixture(article: String, claims: [Claim]) -> String {
        let sorted = claims.sorted { $0.span < $1.span }
        let doc: JSONValue = .object([
            ("schemaVersion", .number(Double(schemaVersion))),
            ("article", .string(article)),
            ("claims", .array(sorted.map { value($0) })),
        ])
        return doc.serialized() + "\n"
    }
}
