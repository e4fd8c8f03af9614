import ClaimKit
import Foundation
import Testing

@testable import ClaimCheckCLI

/// `claimcheck check` on several threads: the same output as on one, in article order,
/// and results kept only as the output needs them.
@Suite struct CheckRunTests {
    /// A corpus of passing, failing, malformed and missing fixtures, plus an
    /// unreferenced one.
    static func mixedCorpus() throws -> TemporaryCorpus {
        var articles: [String: String] = [:]
        for k in 0..<24 {
            articles[String(format: "a%02d", k)] =
                [
                    TemporaryCorpus.harbour, TemporaryCorpus.library, TemporaryCorpus.bakery,
                ][k % 3]
        }
        let t = try TemporaryCorpus(articles: articles)
        try t.recordAll()
        _ = try t.breakKind("a05")
        _ = try t.breakKind("a17")
        try t.write("{\"schemaVersion\": 1, \"claims\": [", to: t.fixturePath("a09"))
        try FileManager.default.removeItem(atPath: t.fixturePath("a13"))
        try t.write("{\"schemaVersion\": 1, \"claims\": []}\n", to: t.fixturePath("gone"))
        return t
    }

    @Test func anyNumberOfJobsGivesTheSameOutput() throws {
        let t = try Self.mixedCorpus()
        for extra in [[], ["-q"], ["--format", "json"], ["--fail-fast"], ["--filter", "a1*"]] {
            let one = tool(
                ["check", t.corpus, t.expected, "--jobs", "1"] + extra, environment: ["GITHUB_ACTIONS": "true"])
            // No malformed fixture before the first failure, nor among a1*: differences only.
            let malformedSeen = extra != ["--fail-fast"] && extra != ["--filter", "a1*"]
            #expect(one.status == (malformedSeen ? 2 : 1), "\(extra)")
            #expect(one.out.contains(extra.contains("a1*") ? "a17" : "a05"))
            for jobs in ["2", "3", "8", "64", String(Int.max)] {  // Int.max: capped, no overflow, no flood of threads
                let many = tool(
                    ["check", t.corpus, t.expected, "--jobs", jobs] + extra, environment: ["GITHUB_ACTIONS": "true"])
                #expect(many.status == one.status, "\(extra) --jobs \(jobs)")
                #expect(many.out == one.out, "\(extra) --jobs \(jobs)")
                #expect(many.err == one.err, "\(extra) --jobs \(jobs)")
            }
        }
        // --fail-fast stops at the first failing article in order, whatever ran ahead.
        let fast = tool(["check", t.corpus, t.expected, "--fail-fast", "--jobs", "4"])
        #expect(fast.out.contains("FAIL a05"))
        #expect(!fast.out.contains("a06"))
        #expect(fast.out.contains("18 articles not checked"))
    }

    @Test func reportsAreTheSameForAnyNumberOfJobs() throws {
        let t = try Self.mixedCorpus()
        var previous: [String]? = nil
        for jobs in ["1", "3"] {
            let paths = ["junit", "json", "html"].map { t.root.appendingPathComponent("r\(jobs).\($0)").path }
            let r = tool(
                [
                    "check", t.corpus, t.expected, "-q", "--jobs", jobs, "--report", "junit=\(paths[0])",
                    "--report", "json=\(paths[1])", "--report", "html=\(paths[2])",
                ])
            #expect(r.status == 2)
            let contents = try paths.map { try t.read($0) }
            if let previous { #expect(contents == previous) }
            previous = contents
        }
    }

    @Test func jobsMustBeAPositiveNumber() {
        for bad in ["0", "-1", "two", ""] {
            let r = tool(["check", "--jobs", bad])
            #expect(r.status == 64, "\(bad)")
            #expect(r.err.contains("--jobs needs a whole number of at least 1"), "\(r.err)")
        }
    }

    /// Text output keeps the failing results only; a report keeps every article's.
    @Test func runKeepsOnlyWhatTheOutputNeeds() throws {
        let t = try Self.mixedCorpus()
        let corpus = try GoldenCorpus.open(corpus: t.corpus, expected: t.expected)
        let names = try corpus.articles()
        let checker = GoldenCorpus.Checker(corpus: corpus)
        var text = CheckRun(corpus: corpus, unreferencedPolicy: .warn, keepEveryResult: false, text: .plain)
        var all = CheckRun(corpus: corpus, unreferencedPolicy: .warn, keepEveryResult: true, text: nil)
        for name in names {
            let r = checker.check(name)
            #expect(r.claims.isEmpty, "claims are kept only for the HTML report")
            text.add(r)
            all.add(r)
        }
        #expect(text.results.map(\.name) == ["a05", "a09", "a13", "a17"])
        #expect(all.results.count == names.count)
        #expect(text.passed == 20 && text.failed == 4 && all.passed == 20)
        #expect(text.trouble && text.recordable)
        #expect(text.lines?.contains("PASS a00") == true && all.lines == nil)
    }
}
