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
        _ inputs: Inputs, pairs: Int, claimcheck: String, extractor: ClaimExtractor, keep: String? = nil,
        expectedDirectory: String? = nil
    ) throws -> Result {
        let root =
            keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-bench-pairs-\(getpid())")
        let corpus = root.appendingPathComponent("Corpus")
        let expected = root.appendingPathComponent("Expected")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: root) } }
        // With `expectedDirectory`, the hand-annotated fixtures of the corpus are cycled
        // instead (only articles that have one); their "article" names the original file.
        var handWritten: [[UInt8]]? = nil
        var usable = Array(inputs.articles.indices)
        if let dir = expectedDirectory {
            var fixtures: [[UInt8]] = []
            usable = []
            for (k, name) in inputs.names.enumerated() {
                let path = (dir as NSString).appendingPathComponent((name as NSString).deletingPathExtension + ".json")
                if let data = FileManager.default.contents(atPath: path) {
                    usable.append(k)
                    fixtures.append(Array(data))
                }
            }
            guard !usable.isEmpty else { throw BenchError("no fixtures in \(dir) for the corpus articles") }
            handWritten = fixtures
        }
        var articleBytes = 0
        var fixtureBytes = 0
        var order: [Int] = []
        for k in 0..<pairs {
            let a = k % usable.count
            order.append(usable[a])
            let name = String(format: "a%06d", k)
            let bytes = inputs.articles[usable[a]]
            try Data(bytes).write(to: corpus.appendingPathComponent(name + ".txt"))
            let fixture: [UInt8]
            if let handWritten = handWritten {
                // The corpus's own fixture for this article, with the copy's file name.
                fixture = handWritten[a]
            } else {
                fixture = Array(
                    ClaimJSON.fixture(article: name + ".txt", claims: extractor.extract(utf8: bytes).claims).utf8)
            }
            try Data(fixture).write(to: expected.appendingPathComponent(name + ".json"))
            articleBytes += bytes.count
            fixtureBytes += fixture.count
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
