/// Attributed claims as schema.org `Claim`s in JSON-LD: `claimcheck list --format jsonld`.
///
/// One document per article: `{"@context": "https://schema.org", "@graph": [Claim, …]}`,
/// one `Claim` per attributed claim, in article order (unattributed claims are left out:
/// they have no author). Each `Claim` has:
///
/// - `identifier`: the claim id (`c5a869aa7`); `@id` is `ARTICLE_URL#id` when the
///   article's URL is known.
/// - `text`: the claim text, exactly as in the article.
/// - `author`: the origin, a `Person` (with `jobTitle` for its role) for a person or an
///   anonymous source, an `Organization` for an organization or a group, a
///   `GovernmentOrganization` for a government, a `NewsMediaOrganization` for media.
///   A `document` origin (a report, a statement) is not an agent: the claim has no
///   `author` and the document is its `firstAppearance`, a `Report` named by the source.
/// - `appearance`: the article as a `NewsArticle` with `@id` and `url`, when the URL is known.
/// - `isBasedOn`: the reported-by chain. schema.org has no chain type, so each relay is
///   the work through which the claim passed: a `NewsArticle` (for media) or a
///   `CreativeWork` whose `author` is the relay (a `Report` for a document relay), and
///   each work `isBasedOn` the next one inward; the innermost is based on the origin's
///   document when there is one. The claim itself (a `CreativeWork`) `isBasedOn` the
///   outermost relay. `C, according to a UN report, as reported by Reuters` gives
///   `Claim.isBasedOn = NewsArticle(author: Reuters) isBasedOn Report("a UN report")`.
///
/// Cues and times are not written: schema.org has no property for how or when a source
/// said something that is not a date.
public enum SchemaOrgClaims {
    /// The JSON-LD `@context`.
    public static let context = "https://schema.org"

    /// The JSON-LD document for one article's claims; `articleURL` (an absolute URL, used
    /// as given) adds `appearance` and `@id`s.
    public static func document(_ extraction: Extraction, articleURL: String? = nil) -> JSONValue {
        .object([
            ("@context", .string(context)),
            ("@graph", .array(extraction.claims.compactMap { claim($0, articleURL: articleURL) })),
        ])
    }

    /// One attributed claim as a schema.org `Claim`; nil for an unattributed claim.
    public static func claim(_ claim: Claim, articleURL: String? = nil) -> JSONValue? {
        guard let a = claim.attribution else { return nil }
        var pairs: [(String, JSONValue)] = [("@type", .string("Claim"))]
        if let url = articleURL { pairs.append(("@id", .string(url + "#" + claim.id))) }
        pairs.append(("identifier", .string(claim.id)))
        pairs.append(("text", .string(claim.text)))
        var origin: JSONValue? = nil
        if a.source.type == .document {
            origin = work(a.source, id: "_:\(claim.id)-origin", basedOn: nil)
            pairs.append(("firstAppearance", origin!))
        } else {
            pairs.append(("author", agent(a.source)))
        }
        if let url = articleURL {
            pairs.append(
                (
                    "appearance",
                    .object([("@type", .string("NewsArticle")), ("@id", .string(url)), ("url", .string(url))])
                ))
        }
        // Innermost first: each relay's work is based on the one inside it.
        var inner = origin.map { _ in JSONValue.object([("@id", .string("_:\(claim.id)-origin"))]) }
        for hop in a.via.reversed() { inner = work(hop.source, id: nil, basedOn: inner) }
        if !a.via.isEmpty, let inner { pairs.append(("isBasedOn", inner)) }
        return .object(pairs)
    }

    /// A source as a `Person` or an `Organization` (or one of its subtypes).
    static func agent(_ s: Source) -> JSONValue {
        var pairs: [(String, JSONValue)]
        switch s.type {
        case .person, .anonymous: pairs = [("@type", .string("Person"))]
        case .government: pairs = [("@type", .string("GovernmentOrganization"))]
        case .media: pairs = [("@type", .string("NewsMediaOrganization"))]
        case .organization, .group, .document: pairs = [("@type", .string("Organization"))]
        }
        pairs.append(("name", .string(s.name)))
        if let role = s.role, s.type == .person || s.type == .anonymous { pairs.append(("jobTitle", .string(role))) }
        if s.type == .anonymous { pairs.append(("description", .string("an anonymous source"))) }
        if s.type == .group { pairs.append(("description", .string("a group of people"))) }
        return .object(pairs)
    }

    /// The work through which `s` passed a claim on (or the document it is).
    static func work(_ s: Source, id: String?, basedOn: JSONValue?) -> JSONValue {
        var pairs: [(String, JSONValue)]
        switch s.type {
        case .document: pairs = [("@type", .string("Report")), ("name", .string(s.name))]
        case .media: pairs = [("@type", .string("NewsArticle")), ("author", agent(s))]
        default: pairs = [("@type", .string("CreativeWork")), ("author", agent(s))]
        }
        if let id { pairs.insert(("@id", .string(id)), at: 1) }
        if let basedOn { pairs.append(("isBasedOn", basedOn)) }
        return .object(pairs)
    }
}
