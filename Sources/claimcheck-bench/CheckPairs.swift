import ClaimKit
import Foundation

/// Times `claimcheck check` over many article/fixture pairs against the extraction alone.
///
/// The pairs are written to a temporary folder and removed afterwards: articles cycle
/// through the corpus; each fixture is `ClaimJSON.fixture` of the extractor's own output
/// (so every article passes and the comparison does its full work). Such fixtures are
/// only ever timing material, never hand-annotated truth, and never go in the repository.
enum CheckPairs {
    struct Result {
        var pairs: Int
        var articleBytes: Int
        var fixtureBytes: Int
        var checkSeconds: Double
        var extractSeconds: Double
        var status: Int32
        var share: Double { extractSeconds / checkSeconds }
    }

    /// - Parameter keep: write the pairs there and leave them (for profiling `check`);
    ///   by default a temporary folder that is removed afterwards.
    static func run(
        _ inputs: Inputs, pairs: Int, claimcheck: String, extractor: ClaimExtractor, keep: String? = nil
    ) throws -> Result {
        let root =
            keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-bench-pairs-\(getpid())")
        let corpus = root.appendingPathComponent("Corpus")
        let expected = root.appendingPathComponent("Expected")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: root) } }
        var articleBytes = 0
        var fixtureBytes = 0
        var order: [Int] = []
        for k in 0..<pairs {
            let a = k % inputs.articles.count
            order.append(a)
            let name = String(format: "a%06d", k)
            let bytes = inputs.articles[a]
            try Data(bytes).write(to: corpus.appendingPathComponent(name + ".txt"))
            let fixture = ClaimJSON.fixture(article: name + ".txt", claims: extractor.extract(utf8: bytes).claims)
            try Data(fixture.utf8).write(to: expected.appendingPathComponent(name + ".json"))
            articleBytes += bytes.count
            fixtureBytes += fixture.utf8.count
        }
        // The same extraction work, in this process, on one core (check is single-threaded).
        let extract = Measure.corpus(
            inputs.articles, order: order, bytes: articleBytes, jobs: 1, json: false, extractor: extractor)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: claimcheck)
        process.arguments = ["check", "--quiet", corpus.path, expected.path]
        process.standardOutput = FileHandle.nullDevice
        let t0 = now()
        try process.run()
        process.waitUntilExit()
        let seconds = now() - t0
        return Result(
            pairs: pairs, articleBytes: articleBytes, fixtureBytes: fixtureBytes, checkSeconds: seconds,
            extractSeconds: extract.seconds, status: process.terminationStatus)
    }
}
