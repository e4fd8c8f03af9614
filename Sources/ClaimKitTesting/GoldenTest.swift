import ClaimKit
import Foundation
import Testing

/// Golden tests of a corpus with Swift Testing: every article (`Corpus/NAME.txt`)
/// against its fixture (`Expected/NAME.json`), as `claimcheck check` does, with each
/// difference recorded as a test issue located at the fixture's file and line.
///
/// ```swift
/// import ClaimKitTesting
/// import Testing
///
/// @Test(arguments: GoldenTest().articles)
/// func golden(_ article: String) { GoldenTest().expectMatch(article) }
/// ```
///
/// Relative folders are resolved against the package root: the nearest folder above
/// the calling source file that holds `Package.swift`. `claimcheck.json` at the corpus
/// root sets the text-matching tolerance and ignored fields, as for the tool.
public struct GoldenTest: Sendable {
    /// The folder of articles, as given (relative to ``root`` unless absolute).
    public var corpus: String
    /// The folder of fixtures, as given (relative to ``root`` unless absolute).
    public var expected: String
    /// The folder relative paths are resolved against.
    public var root: String
    /// The extractor under test.
    public var extractor: ClaimExtractor

    /// - Parameters:
    ///   - corpus: the articles' folder (default `Corpus`).
    ///   - expected: the fixtures' folder (default `Expected`).
    ///   - extractor: the extractor under test (English by default).
    ///   - root: the folder relative paths start from; by default the package root
    ///     found from `filePath`.
    ///   - filePath: the calling file (leave the default).
    public init(
        corpus: String = "Corpus", expected: String = "Expected", extractor: ClaimExtractor = ClaimExtractor(),
        root: String? = nil, filePath: String = #filePath
    ) {
        self.corpus = corpus
        self.expected = expected
        self.extractor = extractor
        self.root = root ?? Self.packageRoot(from: filePath)
    }

    /// The nearest folder above `filePath` holding `Package.swift`; the current
    /// folder when there is none.
    public static func packageRoot(from filePath: String) -> String {
        var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while folder.path != "/" && !folder.path.isEmpty {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder.path
            }
            folder.deleteLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : FilePath.join(root, path)
    }

    /// The corpus on disk, with absolute paths, and its `claimcheck.json`.
    private func golden() throws(FixtureError) -> GoldenCorpus {
        try GoldenCorpus.open(corpus: resolve(corpus), expected: resolve(expected))
    }

    /// Names of the corpus articles (without `.txt`), sorted; empty when the corpus
    /// cannot be listed (``expectAllMatch(sourceLocation:)`` reports that as an issue).
    public var articles: [String] {
        (try? GoldenCorpus(corpus: resolve(corpus), expected: resolve(expected)).articles()) ?? []
    }

    /// `Expected/NAME.json` as messages name it.
    private func display(_ name: String) -> String { FilePath.join(expected, name + ".json") }

    /// Checks one article against its fixture, recording an issue for each difference
    /// at the fixture's file and line:
    ///
    /// - `NAME: missing claim “…” (Expected/NAME.json:L:C)`
    /// - `NAME: extra claim “…” {…}`
    /// - `NAME: FIELD of “…”: expected X but got Y (Expected/NAME.json:L:C)`
    ///
    /// A missing fixture, an unreadable article or a malformed fixture or
    /// `claimcheck.json` is one issue saying so.
    ///
    /// - Returns: whether the article matched its fixture.
    @discardableResult
    public func expectMatch(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let corpus: GoldenCorpus
        do {
            corpus = try golden()
        } catch {
            Issue.record(Comment(rawValue: error.description), sourceLocation: location(error) ?? sourceLocation)
            return false
        }
        let result = corpus.check(name, extractor: extractor)
        let fixture = display(name)
        switch result.outcome {
        case .passed:
            return true
        case .missingFixture:
            Issue.record(
                "\(FilePath.join(self.corpus, name + ".txt")) has no fixture \(fixture)", sourceLocation: sourceLocation
            )
        case .trouble(let message):
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        case .malformedFixture(let error):
            var shown = error
            shown.path = fixture
            Issue.record(Comment(rawValue: shown.description), sourceLocation: location(error) ?? sourceLocation)
        case .mismatch(let report):
            for d in report.differences {
                let at = d.location.map { "\(fixture):\($0.line):\($0.column)" } ?? fixture
                let message: String
                switch d.kind {
                case .missing: message = "\(name): missing claim “\(d.claimText)” (\(at))"
                case .extra: message = "\(name): extra claim “\(d.claimText)” \(d.actual ?? "")"
                case .field:
                    message =
                        "\(name): \(d.field ?? "?") of “\(d.claimText)”: expected \(d.expected ?? "") but got \(d.actual ?? "") (\(at))"
                }
                let line = d.location ?? result.fixture?.location(of: "claims")
                Issue.record(
                    Comment(rawValue: message),
                    sourceLocation: fixtureLocation(result.fixturePath, name: name, line) ?? sourceLocation)
            }
        }
        return false
    }

    /// Checks every article, then that every fixture has an article (an unreferenced
    /// fixture is an issue at its first line). An empty or unlistable corpus is an issue.
    ///
    /// - Returns: whether everything matched.
    @discardableResult
    public func expectAllMatch(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let corpus: GoldenCorpus
        let names: [String]
        do {
            corpus = try golden()
            names = try corpus.articles()
        } catch let error as FixtureError {
            Issue.record(Comment(rawValue: error.description), sourceLocation: location(error) ?? sourceLocation)
            return false
        } catch {
            Issue.record("cannot list the corpus \(resolve(self.corpus)): \(error)", sourceLocation: sourceLocation)
            return false
        }
        guard !names.isEmpty else {
            Issue.record("no articles (*.txt) in \(resolve(self.corpus))", sourceLocation: sourceLocation)
            return false
        }
        var ok = true
        for name in names where !expectMatch(name, sourceLocation: sourceLocation) { ok = false }
        for name in corpus.unreferencedFixtures(articles: names) {
            ok = false
            let path = (try? corpus.fixturePath(name)) ?? name
            Issue.record(
                "unreferenced fixture \(display(name)): no article \(FilePath.join(self.corpus, name + ".txt"))",
                sourceLocation: fixtureLocation(path, name: name, ClaimKit.SourceLocation(line: 1, column: 1))
                    ?? sourceLocation)
        }
        return ok
    }

    /// A Swift Testing location inside a fixture file.
    private func fixtureLocation(_ path: String, name: String, _ at: ClaimKit.SourceLocation?) -> Testing
        .SourceLocation?
    {
        guard let at, at.line > 0, at.column > 0 else { return nil }
        let folder = FilePath.name(expected)
        return Testing.SourceLocation(
            fileID: "\(folder.isEmpty ? "Expected" : folder)/\(name).json", filePath: path, line: at.line,
            column: at.column)
    }

    private func location(_ error: FixtureError) -> Testing.SourceLocation? {
        guard let at = error.location, at.line > 0, at.column > 0 else { return nil }
        let file = FilePath.name(error.path)
        let folder = FilePath.name(FilePath.directory(error.path))
        return Testing.SourceLocation(
            fileID: "\(folder.isEmpty ? "Expected" : folder)/\(file)", filePath: error.path, line: at.line,
            column: at.column)
    }
}
