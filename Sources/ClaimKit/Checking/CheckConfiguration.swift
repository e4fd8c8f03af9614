import Foundation

/// How a corpus is compared with its fixtures, read from `claimcheck.json` at the
/// corpus root (the folder of the articles):
///
/// ```json
/// { "tolerance": 0.8, "ignore": ["attribution.time", "span"] }
/// ```
///
/// - `tolerance`: the minimum word overlap (Dice coefficient, 0…1) for two claim texts
///   to match when they are not equal after folding white space and quotation marks;
///   `1` matches exact texts only. Default 0.8.
/// - `ignore`: dotted field paths never compared (see ``fieldPaths``); a path ignores
///   everything under it (`attribution.via` ignores the whole chain).
///
/// A missing file means the defaults. Unknown keys and unknown field paths are errors,
/// so that a typo cannot silently turn a check off.
public struct CheckConfiguration: Sendable, Equatable {
    /// The configuration's file name, looked up in the corpus folder.
    public static let fileName = "claimcheck.json"

    /// Minimum word overlap (0…1) for a fuzzy text match.
    public var tolerance: Double
    /// Dotted field paths not compared (`attribution.time`).
    public var ignore: [String]

    /// Creates a configuration; `tolerance` is the minimum word overlap (0…1) for a fuzzy text match, `ignore` the dotted field paths not compared.
    public init(tolerance: Double = 0.8, ignore: [String] = []) {
        self.tolerance = tolerance
        self.ignore = ignore
    }

    /// The comparison these settings describe.
    public var comparison: ClaimComparison {
        ClaimComparison(tolerance: tolerance, ignoredFields: Set(ignore))
    }

    /// Every field path a fixture can state, as ``ClaimComparison`` names them.
    /// Array elements share their array's path (`quotes.text`, `attribution.via.cue.lemma`).
    public static let fieldPaths: Set<String> = {
        var paths: Set<String> = ["id", "text", "span", "kind", "quotes", "quotes.text", "quotes.span", "attribution"]
        func source(_ p: String) {
            paths.formUnion([p, p + ".text", p + ".span", p + ".name", p + ".role", p + ".type"])
        }
        func cue(_ p: String) { paths.formUnion([p, p + ".text", p + ".span", p + ".lemma"]) }
        func time(_ p: String) { paths.formUnion([p, p + ".text", p + ".span"]) }
        source("attribution.source")
        cue("attribution.cue")
        time("attribution.time")
        paths.insert("attribution.via")
        source("attribution.via.source")
        cue("attribution.via.cue")
        time("attribution.via.time")
        return paths
    }()

    /// Reads `claimcheck.json` from the corpus folder `corpus`; the defaults when there is none.
    ///
    /// - Throws: ``FixtureError`` (with `file:line:column`) for an unreadable or malformed file.
    public static func load(corpus: String) throws(FixtureError) -> CheckConfiguration {
        let path = FilePath.join(corpus, fileName)
        guard FileManager.default.fileExists(atPath: path) else { return CheckConfiguration() }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FixtureError(
                path: path, location: nil, message: "cannot read the configuration (\(ArticleReader.describe(error)))")
        }
        return try parse(Array(data), path: path)
    }

    /// Parses configuration bytes; `path` names the file in errors.
    ///
    /// - Throws: ``FixtureError`` for invalid UTF-8 or JSON, an unknown key, a tolerance
    ///   outside 0…1, or an `ignore` entry that is not a known field path.
    public static func parse(_ bytes: [UInt8], path: String) throws(FixtureError) -> CheckConfiguration {
        let (root, parser) = try Fixture.parseJSON(bytes, path: path, what: "configuration")
        let at = { (p: String) in parser.location(of: p) ?? parser.location(of: "") }
        guard case .object(let pairs) = root else {
            throw FixtureError(
                path: path, location: at(""), message: "expected an object such as {\"tolerance\": 0.8, \"ignore\": []}"
            )
        }
        var config = CheckConfiguration()
        for (key, value) in pairs {
            switch (key, value) {
            case ("tolerance", .number(let t)) where t >= 0 && t <= 1:
                config.tolerance = t
            case ("tolerance", _):
                throw FixtureError(
                    path: path, location: at(key), message: "expected \"tolerance\" to be a number from 0 to 1")
            case ("ignore", .array(let items)):
                for (k, item) in items.enumerated() {
                    guard case .string(let field) = item, fieldPaths.contains(field) else {
                        throw FixtureError(
                            path: path, location: at("ignore/\(k)"),
                            message:
                                "expected a field path such as \"attribution.time\"; known paths: \(fieldPaths.sorted().joined(separator: ", "))"
                        )
                    }
                    config.ignore.append(field)
                }
            case ("ignore", _):
                throw FixtureError(
                    path: path, location: at(key), message: "expected \"ignore\" to be an array of field paths")
            default:
                throw FixtureError(
                    path: path, location: at(key), message: "unknown key \"\(key)\"; expected tolerance or ignore")
            }
        }
        return config
    }
}
