import Foundation

/// A corpus folder of articles (`NAME.txt`) and a folder of fixtures (`NAME.json`),
/// with pending fixtures (`NAME.json.new`) beside them: what `claimcheck check`,
/// `claimcheck update` and the ClaimKitTesting helpers work on.
///
/// Paths are kept as given (relative paths stay relative) so that messages name files
/// the way the user wrote them. Fixture names come only from article names and are
/// checked with ``validateName(_:)``: a name can never point outside the fixture folder.
public struct GoldenCorpus: Sendable {
    /// The folder of articles (`*.txt`) and of `claimcheck.json`.
    public var corpus: String
    /// The folder of fixtures (`*.json`) and pending fixtures (`*.json.new`).
    public var expected: String
    /// Settings from `claimcheck.json` at the corpus root.
    public var configuration: CheckConfiguration

    /// The suffix of a pending fixture written by `claimcheck update`.
    public static let pendingSuffix = ".json.new"

    /// Creates a corpus over the folders `corpus` (articles, `*.txt`) and `expected` (fixtures, `*.json`), compared with `configuration`.
    public init(corpus: String, expected: String, configuration: CheckConfiguration = CheckConfiguration()) {
        self.corpus = corpus
        self.expected = expected
        self.configuration = configuration
    }

    /// A corpus with the configuration read from `corpus/claimcheck.json`.
    ///
    /// - Throws: ``FixtureError`` for a malformed `claimcheck.json`.
    public static func open(corpus: String, expected: String) throws(FixtureError) -> GoldenCorpus {
        GoldenCorpus(corpus: corpus, expected: expected, configuration: try CheckConfiguration.load(corpus: corpus))
    }

    /// Why a name cannot be a fixture name.
    public struct NameError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The refused name.
        public var name: String
        /// Creates the error for a refused name.
        public init(name: String) { self.name = name }
        /// Why the name is refused, for a message.
        public var description: String {
            "'\(name)' is not a fixture name: names come from article file names and may not be empty, absolute, or contain '/', '\\' or '..'"
        }
    }

    /// Checks that `name` names a file inside the fixture folder: not empty, not
    /// absolute, no `/`, `\`, `..` or NUL.
    ///
    /// - Throws: ``NameError``.
    public static func validateName(_ name: String) throws(NameError) {
        // Plain ASCII (the usual name) is checked byte by byte, which for ASCII is what the
        // string searches below find; other names go through them.
        let plain = QuickComparison.withBytes(name) { bytes -> Bool? in
            var dot = false
            for b in bytes {
                if b >= 0x80 { return nil }
                if b == 0x2F || b == 0x5C || b == 0 || (dot && b == 0x2E) { return false }
                dot = b == 0x2E
            }
            return !bytes.isEmpty
        }
        if let plain {
            if plain { return }
            throw NameError(name: name)
        }
        if name.isEmpty || name.hasPrefix("/") || name.contains("/") || name.contains("\\") || name.contains("..")
            || name.contains("\u{0}")
        {
            throw NameError(name: name)
        }
    }

    /// Names (without `.txt`) of the articles, sorted; hidden files are skipped.
    ///
    /// - Throws: the file system's error when the corpus folder cannot be listed.
    public func articles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: corpus)
            .filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(4)) }.sorted()
    }

    /// Names (without `.json`) of the fixtures in the fixture folder, sorted; empty when
    /// the folder does not exist. `claimcheck.json` is not a fixture when the fixtures
    /// live in the corpus folder.
    public func fixtures() -> [String] {
        let sameFolder = Self.samePath(corpus, expected)
        return ((try? FileManager.default.contentsOfDirectory(atPath: expected)) ?? [])
            .filter {
                $0.hasSuffix(".json") && !$0.hasPrefix(".") && !(sameFolder && $0 == CheckConfiguration.fileName)
            }
            .map { String($0.dropLast(5)) }.sorted()
    }

    /// Names of the pending fixtures (`NAME.json.new`), sorted.
    public func pending() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: expected)) ?? [])
            .filter { $0.hasSuffix(Self.pendingSuffix) && !$0.hasPrefix(".") }
            .map { String($0.dropLast(Self.pendingSuffix.count)) }.sorted()
    }

    /// Fixtures that no article refers to (a renamed or deleted article), sorted.
    public func unreferencedFixtures(articles: [String]) -> [String] {
        let known = Set(articles)
        return fixtures().filter { !known.contains($0) }
    }

    /// `corpus/NAME.txt`.
    public func articlePath(_ name: String) throws(NameError) -> String {
        try Self.validateName(name)
        return FilePath.join(corpus, name + ".txt")
    }

    /// `expected/NAME.json`.
    public func fixturePath(_ name: String) throws(NameError) -> String {
        try Self.validateName(name)
        return FilePath.join(expected, name + ".json")
    }

    /// `expected/NAME.json.new`.
    public func pendingPath(_ name: String) throws(NameError) -> String {
        try Self.validateName(name)
        return FilePath.join(expected, name + Self.pendingSuffix)
    }

    /// What checking one article found.
    public enum Outcome: Sendable {
        /// Every stated field matches.
        case passed(ComparisonReport)
        /// Claims missing, extra or different.
        case mismatch(ComparisonReport)
        /// The article has no fixture.
        case missingFixture
        /// The fixture cannot be used (with `file:line:column`).
        case malformedFixture(FixtureError)
        /// The article cannot be read, or its name is refused.
        case trouble(String)
    }

    /// One article's result.
    public struct Result: Sendable {
        /// The article's name without its extension.
        public var name: String
        /// The article's path.
        public var articlePath: String
        /// The fixture's path (whether or not it exists).
        public var fixturePath: String
        /// What the comparison found.
        public var outcome: Outcome
        /// The extractor's claims, when the article could be read.
        public var claims: [Claim]
        /// The fixture, when it could be loaded.
        public var fixture: Fixture?

        /// Whether every stated field matched.
        public var passed: Bool {
            if case .passed = outcome { return true }
            return false
        }
    }

    /// Reads, extracts and compares one article with its fixture, using the
    /// configuration's tolerance and ignored fields. Never throws: problems are outcomes.
    public func check(_ name: String, extractor: ClaimExtractor = ClaimExtractor()) -> Result {
        let articlePath: String
        let fixturePath: String
        do {
            articlePath = try self.articlePath(name)
            fixturePath = try self.fixturePath(name)
        } catch {
            return Result(
                name: name, articlePath: name, fixturePath: name, outcome: .trouble(error.description), claims: [])
        }
        var result = Result(
            name: name, articlePath: articlePath, fixturePath: fixturePath, outcome: .missingFixture, claims: [])
        let bytes: [UInt8]
        do {
            bytes = try ArticleReader.read(path: articlePath).bytes
        } catch {
            result.outcome = .trouble("\(error)")
            return result
        }
        result.claims = extractor.extract(utf8: bytes).claims
        guard FileManager.default.fileExists(atPath: fixturePath) else { return result }
        do {
            let fixture = try Self.loadFixture(fixturePath)
            result.fixture = fixture
            let report = try configuration.comparison.compare(result.claims, with: fixture, articleLength: bytes.count)
            result.outcome = report.passed ? .passed(report) : .mismatch(report)
        } catch let error as FixtureError {
            result.outcome = .malformedFixture(error)
        } catch {
            result.outcome = .malformedFixture(FixtureError(path: fixturePath, location: nil, message: "\(error)"))
        }
        return result
    }

    /// One article's result as a report over many articles keeps it: the outcome, the
    /// paths, and no claims or fixture unless asked for (``Checker``).
    public struct ArticleResult: Sendable {
        /// The article's name without its extension.
        public var name: String
        /// The article's path.
        public var articlePath: String
        /// The fixture's path (whether or not it exists).
        public var fixturePath: String
        /// What the comparison found.
        public var outcome: Outcome
        /// For a mismatch, the line and column of the fixture's `"claims"` value: where a
        /// report points when no difference has a place of its own.
        public var claimsLocation: SourceLocation?
        /// The extractor's claims, when the ``Checker`` keeps them (an HTML report shows
        /// them); otherwise empty.
        public var claims: [Claim]

        /// Whether every stated field matched.
        public var passed: Bool {
            if case .passed = outcome { return true }
            return false
        }
    }

    /// Checks articles of a corpus one after another, reusing its buffers: what
    /// `claimcheck check` runs, one checker per thread.
    ///
    /// It gives the outcome ``check(_:extractor:)`` gives. A fixture whose claims all
    /// match is read by a byte-level reader and compared with the claims directly, with
    /// no JSON tree of either; any other fixture (a difference, a malformed file, or
    /// anything unusual) is read and compared again by ``Fixture/parse(_:path:)`` and
    /// ``ClaimComparison``, which give the differences and `file:line:column` messages.
    public final class Checker {
        /// The corpus checked.
        public let corpus: GoldenCorpus
        /// The extractor used.
        public let extractor: ClaimExtractor
        /// Whether results keep the extractor's claims.
        public let keepsClaims: Bool
        private let comparison: ClaimComparison
        private var quick = QuickComparison()
        // The two folders, opened once: files are opened by name in them.
        private let articleFolder: Int32
        private let fixtureFolder: Int32

        /// A checker of `corpus` with `extractor`; `keepClaims` keeps each article's
        /// claims in its result.
        public init(corpus: GoldenCorpus, extractor: ClaimExtractor = ClaimExtractor(), keepClaims: Bool = false) {
            self.corpus = corpus
            self.extractor = extractor
            self.keepsClaims = keepClaims
            comparison = corpus.configuration.comparison
            articleFolder = FileBytes.openFolder(corpus.corpus)
            fixtureFolder = FileBytes.openFolder(corpus.expected)
        }

        deinit {
            FileBytes.closeFolder(articleFolder)
            FileBytes.closeFolder(fixtureFolder)
        }

        /// Reads, extracts and compares one article with its fixture. Never throws:
        /// problems are outcomes.
        public func check(_ name: String) -> ArticleResult {
            let articlePath: String
            let fixturePath: String
            do {
                articlePath = try corpus.articlePath(name)
                fixturePath = try corpus.fixturePath(name)
            } catch {
                return ArticleResult(
                    name: name, articlePath: name, fixturePath: name, outcome: .trouble(error.description), claims: [])
            }
            var result = ArticleResult(
                name: name, articlePath: articlePath, fixturePath: fixturePath, outcome: .missingFixture, claims: [])
            let bytes: [UInt8]
            do {
                bytes = try ArticleReader.read(path: articlePath, folder: articleFolder, name: name + ".txt").bytes
            } catch {
                result.outcome = .trouble("\(error)")
                return result
            }
            let claims = extractor.extract(utf8: bytes).claims
            if keepsClaims { result.claims = claims }
            guard
                let fixtureBytes = try? FileBytes.read(
                    path: fixturePath, limit: ArticleReader.sizeLimit, folder: fixtureFolder, name: name + ".json")
            else {
                // As `check(_:extractor:)`: no file is a missing fixture; any other
                // failure is reported by the full loader.
                guard FileManager.default.fileExists(atPath: fixturePath) else { return result }
                compareFully(claims, fixture: nil, articleLength: bytes.count, into: &result)
                return result
            }
            let quickReport = fixtureBytes.withUnsafeBufferPointer {
                quick.report(claims, fixture: $0, articleLength: bytes.count, ignored: comparison.ignoredMask)
            }
            if let quickReport {
                result.outcome = .passed(quickReport)
            } else {
                compareFully(claims, fixture: fixtureBytes, articleLength: bytes.count, into: &result)
            }
            return result
        }

        /// The full reader and comparison, as ``GoldenCorpus/check(_:extractor:)``; `bytes`
        /// are the fixture's when already read.
        private func compareFully(
            _ claims: [Claim], fixture bytes: [UInt8]?, articleLength: Int, into result: inout ArticleResult
        ) {
            do {
                let fixture: Fixture
                if let bytes {
                    // Named as `Fixture.load` names it.
                    let url = URL(fileURLWithPath: result.fixturePath, relativeTo: nil)
                    fixture = try Fixture.parse(bytes, path: url.relativePath)
                } else {
                    fixture = try GoldenCorpus.loadFixture(result.fixturePath)
                }
                let report = try comparison.compare(claims, with: fixture, articleLength: articleLength)
                if report.passed {
                    result.outcome = .passed(report)
                } else {
                    result.outcome = .mismatch(report)
                    result.claimsLocation = fixture.location(of: "claims")
                }
            } catch let error as FixtureError {
                result.outcome = .malformedFixture(error)
            } catch {
                result.outcome = .malformedFixture(
                    FixtureError(path: result.fixturePath, location: nil, message: "\(error)"))
            }
        }
    }

    /// Loads a fixture, naming it in errors by `path` as given (relative paths stay relative).
    ///
    /// - Throws: ``FixtureError``.
    public static func loadFixture(_ path: String) throws -> Fixture {
        try Fixture.load(contentsOf: URL(fileURLWithPath: path, relativeTo: nil))
    }

    static func samePath(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path
    }
}
