import Foundation

/// A hand-annotated fixture: the expected claims of one article (docs/ANNOTATION.md).
///
/// Each expected claim is kept as JSON so that only the fields it states are asserted:
/// a field absent from the fixture is not compared; `null` or `[]` asserts "none".
public struct Fixture: Sendable {
    /// One claim of the fixture, kept as written.
    public struct ExpectedClaim: Sendable {
        /// The claim's expected text (required).
        public var text: String
        /// The claim as written in the fixture.
        public var json: JSONValue
        /// Neither required nor counted as extra when found.
        public var isOptional: Bool
        /// Path of this claim in the fixture ("claims/3"), for locating fields.
        public var path: String
    }

    /// The fixture file's path, as given to ``load(contentsOf:)`` or ``parse(_:path:)``.
    public var path: String
    /// The article file name the fixture names (`"article"`), if it does.
    public var article: String?
    /// The expected claims, in fixture order.
    public var claims: [ExpectedClaim]
    /// Line and column of every value by path, for `file:line:column` in reports;
    /// computed once, in one pass, so that reporting many differences stays linear.
    let locations: [String: SourceLocation]

    /// Line and column of the value at `path` ("claims/3/attribution/source/name"),
    /// falling back to the nearest enclosing value.
    public func location(of path: String) -> SourceLocation {
        var p = path
        while true {
            if let l = locations[p] { return l }
            guard let slash = p.lastIndex(of: "/") else { return locations[""] ?? SourceLocation(line: 1, column: 1) }
            p = String(p[..<slash])
        }
    }

    /// Reads and validates a fixture file.
    ///
    /// - Throws: ``FixtureError`` with `file:line:column` for a missing or unreadable
    ///   file, invalid UTF-8, a JSON syntax error, an unknown `schemaVersion`, a value of
    ///   the wrong shape, an unknown key, or duplicate ids.
    public static func load(contentsOf url: URL) throws -> Fixture {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: url.path, limit: ArticleReader.sizeLimit)
        } catch {
            let message: String
            switch error {
            case .notFound: message = "no such fixture file"
            case .isDirectory: message = "is a directory, not a fixture file"
            case .unreadable(let reason): message = "cannot read the fixture (\(reason))"
            case .tooLarge: message = "larger than the limit of \(ArticleReader.sizeLimit) bytes for a fixture"
            }
            throw FixtureError(path: url.relativePath, location: nil, message: message)
        }
        // Errors name the file as it was given (relative paths stay relative).
        return try parse(bytes, path: url.relativePath)
    }

    /// Parses and validates fixture bytes; `path` names the file in errors.
    public static func parse(_ bytes: [UInt8], path: String) throws -> Fixture {
        let (root, parser) = try parseJSON(bytes, path: path, what: "fixture")
        var validator = FixtureValidator(path: path, parser: parser)
        return try validator.validate(root)
    }

    /// UTF-8 JSON bytes parsed with value locations, or a ``FixtureError`` at the line and
    /// column of the problem; `what` names the kind of file in the message.
    static func parseJSON(_ bytes: [UInt8], path: String, what: String) throws(FixtureError) -> (JSONValue, JSONParser)
    {
        if let bad = ArticleReader.firstInvalidUTF8(bytes) {
            throw FixtureError(
                path: path, location: JSONParser(bytes: bytes).location(ofOffset: bad),
                message: "invalid UTF-8 at byte offset \(bad); a \(what) is UTF-8 JSON")
        }
        var parser = JSONParser(bytes: bytes)
        do {
            return (try parser.parse(), parser)
        } catch let e as JSONSyntaxError {
            throw FixtureError(path: path, location: e.location, message: "invalid JSON: \(e.message)")
        } catch {
            throw FixtureError(path: path, location: nil, message: "invalid JSON")
        }
    }
}

extension Fixture {
    /// Checks that every span the fixture states (`"span": [start, end]` of a claim, a
    /// quoted fragment, a source, a cue, a time or a hop) lies within an article of
    /// `articleLength` UTF-8 bytes.
    ///
    /// - Throws: ``FixtureError`` at the `file:line:column` of the first span whose end is
    ///   beyond the article: the fixture is malformed for this article.
    public func checkSpans(articleLength: Int) throws(FixtureError) {
        for claim in claims {
            try checkSpans(claim.json, path: claim.path, articleLength: articleLength)
        }
    }

    private func checkSpans(_ value: JSONValue, path: String, articleLength: Int) throws(FixtureError) {
        switch value {
        case .object(let pairs):
            for (key, v) in pairs {
                let sub = path + "/" + key
                if key == "span", case .array(let xs) = v, xs.count == 2,
                    case .number(let start) = xs[0], case .number(let end) = xs[1],
                    start > Double(articleLength) || end > Double(articleLength)
                {
                    throw FixtureError(
                        path: self.path, location: location(of: sub),
                        message:
                            "span [\(JSONValue.number(start).compact()), \(JSONValue.number(end).compact())] is beyond the end of the article (\(articleLength) bytes)"
                    )
                }
                try checkSpans(v, path: sub, articleLength: articleLength)
            }
        case .array(let items):
            for (k, item) in items.enumerated() {
                try checkSpans(item, path: path + "/\(k)", articleLength: articleLength)
            }
        default:
            return
        }
    }
}

/// A fixture that cannot be used, with where and why.
public struct FixtureError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The fixture's path.
    public var path: String
    /// Line and column of the problem in the fixture, when it is inside the JSON.
    public var location: SourceLocation?
    /// What is wrong, in words.
    public var message: String

    /// `path:line:column: message` (or `path: message` without a location).
    public var description: String {
        if let l = location { return "\(path):\(l.line):\(l.column): \(message)" }
        return "\(path): \(message)"
    }
}

/// Checks a parsed fixture against the schema, naming the place of the first problem.
struct FixtureValidator {
    let path: String
    let parser: JSONParser

    // The keys each object may have (built once, not per object).
    static let rootKeys: Set<String> = ["schemaVersion", "article", "claims"]
    static let claimKeys: Set<String> = [
        "id", "text", "span", "kind", "quotes", "attribution", "decidedBy", "optional", "note",
    ]
    static let textSpanKeys: Set<String> = ["text", "span"]
    static let sourceKeys: Set<String> = ["text", "span", "name", "role", "type"]
    static let cueKeys: Set<String> = ["text", "span", "lemma"]
    static let attributionKeys: Set<String> = ["source", "cue", "time", "via"]
    static let hopKeys: Set<String> = ["source", "cue", "time"]

    // Paths are autoclosures: they are only built for the error being reported.
    func fail(_ at: String, _ message: String) -> FixtureError {
        var p = at
        while parser.location(of: p) == nil, let slash = p.lastIndex(of: "/") { p = String(p[..<slash]) }
        return FixtureError(path: path, location: parser.location(of: p) ?? parser.location(of: ""), message: message)
    }

    mutating func validate(_ root: JSONValue) throws -> Fixture {
        guard case .object(let pairs) = root else {
            throw fail("", "expected an object with \"schemaVersion\" and \"claims\"")
        }
        try keys(pairs, allowed: Self.rootKeys, at: "")
        guard case .number(let version)? = root["schemaVersion"] else {
            throw fail("schemaVersion", "expected \"schemaVersion\": \(ClaimJSON.schemaVersion)")
        }
        guard version == Double(ClaimJSON.schemaVersion) else {
            throw fail(
                "schemaVersion",
                "unknown schemaVersion \(JSONValue.number(version).compact()); this claimcheck reads version \(ClaimJSON.schemaVersion)"
            )
        }
        var article: String? = nil
        if let a = root["article"] {
            guard case .string(let s) = a else {
                throw fail("article", "expected \"article\" to be a file name string")
            }
            if let reason = FixtureWriter.unsafeNameReason(s) {
                throw fail("article", "\"article\" must be a plain file name in the corpus folder: \(reason)")
            }
            article = s
        }
        guard case .array(let items)? = root["claims"] else {
            throw fail("claims", "expected \"claims\" to be an array")
        }
        var claims: [Fixture.ExpectedClaim] = []
        var ids: Set<String> = []
        for (i, item) in items.enumerated() {
            let at = "claims/\(i)"
            guard case .object(let fields) = item else { throw fail(at, "expected a claim object") }
            try keys(fields, allowed: Self.claimKeys, at: at)
            guard case .string(let text)? = item["text"] else {
                throw fail(at, "expected \"text\" (a string) in every claim")
            }
            if case .string(let id)? = item["id"] {
                guard ids.insert(id).inserted else { throw fail(at + "/id", "duplicate claim id \"\(id)\"") }
            } else if item["id"] != nil {
                throw fail(at + "/id", "expected \"id\" to be a string")
            }
            if let span = item["span"] { try checkSpan(span, at: at + "/span") }
            if let kind = item["kind"] {
                guard case .string(let k) = kind, ClaimKind(rawValue: k) != nil else {
                    throw fail(at + "/kind", "expected \"kind\" to be one of direct, indirect, mixed, unattributed")
                }
            }
            if let quotes = item["quotes"] {
                guard case .array(let qs) = quotes else {
                    throw fail(at + "/quotes", "expected \"quotes\" to be an array")
                }
                for (k, q) in qs.enumerated() {
                    switch q {
                    case .string: break
                    case .object: try textSpan(q, at: at + "/quotes/\(k)")
                    default: throw fail(at + "/quotes/\(k)", "expected a quoted fragment (a string)")
                    }
                }
            }
            if let a = item["attribution"], a != .null { try attribution(a, at: at + "/attribution") }
            var optional = false
            if let o = item["optional"] {
                guard case .bool(let b) = o else {
                    throw fail(at + "/optional", "expected \"optional\" to be true or false")
                }
                optional = b
            }
            claims.append(Fixture.ExpectedClaim(text: text, json: item, isOptional: optional, path: at))
        }
        return Fixture(path: path, article: article, claims: claims, locations: parser.allLocations())
    }

    func keys(_ pairs: [(String, JSONValue)], allowed: Set<String>, at: @autoclosure () -> String) throws {
        for (key, _) in pairs where !allowed.contains(key) {
            let at = at()
            throw fail(
                at.isEmpty ? key : at + "/" + key,
                "unknown key \"\(key)\"; expected one of \(allowed.sorted().joined(separator: ", "))")
        }
    }

    func checkSpan(_ v: JSONValue, at: @autoclosure () -> String) throws {
        guard case .array(let xs) = v, xs.count == 2, case .number(let s) = xs[0], case .number(let e) = xs[1],
            s >= 0, e >= s, s == s.rounded(), e == e.rounded()
        else { throw fail(at(), "expected a span [start, end] of UTF-8 byte offsets with 0 <= start <= end") }
    }

    func string(_ v: JSONValue?, at: @autoclosure () -> String, nullable: Bool = false) throws {
        switch v {
        case .string?: return
        case .null? where nullable: return
        case nil: return
        default: throw fail(at(), nullable ? "expected a string or null" : "expected a string")
        }
    }

    func textSpan(_ v: JSONValue, at atPath: @autoclosure () -> String) throws {
        guard case .object(let pairs) = v else { throw fail(atPath(), "expected {\"text\": …}") }
        try keys(pairs, allowed: Self.textSpanKeys, at: atPath())
        try string(v["text"], at: atPath() + "/text")
        if let s = v["span"] { try checkSpan(s, at: atPath() + "/span") }
    }

    /// A time is `{"text", "span"}` (or `null`, checked by the caller); unlike a quoted
    /// fragment, never a plain string (docs/FIXTURES.md).
    func time(_ v: JSONValue, at atPath: @autoclosure () -> String) throws {
        guard case .object = v else {
            throw fail(atPath(), "expected {\"text\": …} or null for \"time\" (a time is never a plain string)")
        }
        try textSpan(v, at: atPath())
    }

    func source(_ v: JSONValue, at atPath: @autoclosure () -> String) throws {
        guard case .object(let pairs) = v else { throw fail(atPath(), "expected a source object") }
        try keys(pairs, allowed: Self.sourceKeys, at: atPath())
        try string(v["text"], at: atPath() + "/text")
        try string(v["name"], at: atPath() + "/name")
        try string(v["role"], at: atPath() + "/role", nullable: true)
        if let s = v["span"] { try checkSpan(s, at: atPath() + "/span") }
        if let t = v["type"] {
            guard case .string(let s) = t, SourceType(rawValue: s) != nil else {
                throw fail(
                    atPath() + "/type",
                    "expected type to be one of \(SourceType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
    }

    func cue(_ v: JSONValue, at atPath: @autoclosure () -> String) throws {
        guard case .object(let pairs) = v else { throw fail(atPath(), "expected a cue object") }
        try keys(pairs, allowed: Self.cueKeys, at: atPath())
        try string(v["text"], at: atPath() + "/text")
        try string(v["lemma"], at: atPath() + "/lemma")
        if let s = v["span"] { try checkSpan(s, at: atPath() + "/span") }
    }

    func attribution(_ v: JSONValue, at atPath: @autoclosure () -> String) throws {
        guard case .object(let pairs) = v else { throw fail(atPath(), "expected an attribution object or null") }
        try keys(pairs, allowed: Self.attributionKeys, at: atPath())
        if let s = v["source"] { try source(s, at: atPath() + "/source") }
        if let c = v["cue"] { try cue(c, at: atPath() + "/cue") }
        if let t = v["time"], t != .null { try time(t, at: atPath() + "/time") }
        if let via = v["via"] {
            guard case .array(let hops) = via else {
                throw fail(atPath() + "/via", "expected \"via\" to be an array of hops")
            }
            for (k, hop) in hops.enumerated() {
                let h = atPath() + "/via/\(k)"
                guard case .object(let hp) = hop else { throw fail(h, "expected a hop {source, cue, time}") }
                try keys(hp, allowed: Self.hopKeys, at: h)
                if let s = hop["source"] { try source(s, at: h + "/source") }
                if let c = hop["cue"] { try cue(c, at: h + "/cue") }
                if let t = hop["time"], t != .null { try time(t, at: h + "/time") }
            }
        }
    }
}
