import ClaimKit
import Foundation

/// Times `claimcheck check` over many article/fixture pairs against the extraction alone.
///
/// The pairs are written to a temporary folder and removed afterwards: articles cycle
/// through the corpus; each fixture is `ClaimJSON.fixture` of the extractor's own output
/// (so every article passes and the comparison does its full work). Such fixtures are
/// only ever timing material, never hand-annotated truth, and never go in the repository.
///
/// Both sides are timed on one core: `check --jobs 1` against the same extraction in
/// this process with one thread, best of `repeats` each (the machine is shared, and the
/// best run is the one least disturbed). `check` with all cores is timed once more, for
/// its wall time. A `claimcheck` without `--jobs` (an older build, single-threaded) is
/// run without it.
enum CheckPairs {
    struct Result {
        var pairs: Int
        var articleBytes: Int
        var fixtureBytes: Int
        /// `check --jobs 1`: wall seconds, and the process's CPU seconds (user + system).
        var checkSeconds: Double
        var checkCPUSeconds: Double
        /// `check` with its default jobs (all cores), wall seconds; nil without `--jobs`.
        var parallelSeconds: Double?
        var extractSeconds: Double
        /// The extraction's CPU seconds (its best run): on a shared machine CPU time moves
        /// less than wall time, so the share is also given by CPU time.
        var extractCPUSeconds: Double
        var status: Int32
        /// Extraction's share of single-core `check`.
        var share: Double { extractSeconds / checkSeconds }
        /// The same by CPU time.
        var cpuShare: Double { extractCPUSeconds / checkCPUSeconds }
    }

    /// - Parameter keep: write the pairs there and leave them (for profiling `check`);
    ///   by default a temporary folder that is removed afterwards.
    static func run(
        _ inputs: Inputs, pairs: Int, claimcheck: String, extractor: ClaimExtractor, keep: String? = nil,
        expectedDirectory: String? = nil, repeats: Int = 3
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
        // The same extraction work, in this process, on one core.
        var extractSeconds = Double.infinity
        var extractCPUSeconds = Double.infinity
        for _ in 0..<repeats {
            let extract = Measure.corpus(
                inputs.articles, order: order, bytes: articleBytes, jobs: 1, json: false, extractor: extractor)
            if extract.seconds < extractSeconds {
                extractSeconds = extract.seconds
                extractCPUSeconds = extract.cpuSeconds
            }
        }
        let arguments = ["check", "--quiet", corpus.path, expected.path]
        var single = try time(claimcheck, arguments + ["--jobs", "1"])
        let hasJobs = single.status != 64  // a claimcheck without --jobs: a usage error
        if !hasJobs { single = try time(claimcheck, arguments) }
        for _ in 1..<max(1, repeats) {
            let again = try time(claimcheck, hasJobs ? arguments + ["--jobs", "1"] : arguments)
            if again.seconds < single.seconds { single = again }
        }
        let parallel = hasJobs ? try time(claimcheck, arguments).seconds : nil
        return Result(
            pairs: pairs, articleBytes: articleBytes, fixtureBytes: fixtureBytes, checkSeconds: single.seconds,
            checkCPUSeconds: single.cpuSeconds, parallelSeconds: parallel, extractSeconds: extractSeconds,
            extractCPUSeconds: extractCPUSeconds, status: single.status)
    }

    /// Runs `claimcheck` with `arguments`, output discarded: wall seconds, the child's CPU
    /// seconds (user + system, from getrusage of the children), exit status.
    static func time(_ claimcheck: String, _ arguments: [String]) throws -> (
        seconds: Double, cpuSeconds: Double, status: Int32
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: claimcheck)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let cpu0 = childCPUSeconds()
        let t0 = now()
        try process.run()
        process.waitUntilExit()
        let seconds = now() - t0
        return (seconds, childCPUSeconds() - cpu0, process.terminationStatus)
    }

    /// User plus system CPU seconds of this process's children that have been waited for.
    static func childCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #else
            getrusage(RUSAGE_CHILDREN, &usage)
        #endif
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }
}
