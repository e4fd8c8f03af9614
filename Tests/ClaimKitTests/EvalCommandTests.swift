import ClaimCheckCLI
import ClaimKit
import Foundation
import Testing

@Suite struct EvalCommandTests {
    @Test func parsesOptions() throws {
        var o = EvalOptions()
        o.brat = "gold"
        #expect(try CommandLineParser.parse(["eval", "--brat", "gold"]) == .eval(o))
        o.predicted = "pred"
        o.format = .json
        o.misses = true
        o.worst = 3
        #expect(
            try CommandLineParser.parse([
                "eval", "--brat=gold", "--predicted", "pred", "-f", "json", "--misses", "--worst", "3",
            ]) == .eval(o))
        #expect(try CommandLineParser.parse(["eval", "--help"]) == .help(topic: "eval"))
    }

    @Test(arguments: [
        ["eval"], ["eval", "gold"], ["eval", "--brat"], ["eval", "--brat", "g", "--format", "jsonl"],
        ["eval", "--brat", "g", "--worst", "many"],
        ["eval", "--brat", "g", "--predicted", "p", "--write-predicted", "w"],
    ])
    func usageErrors(_ args: [String]) {
        #expect(throws: UsageError.self) { try CommandLineParser.parse(args) }
    }

    /// A two-article corpus in brat's flat layout, made up here.
    func makeCorpus() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let one = "The mayor said the bridge would reopen on Monday.\n\n“It is safe,” the engineer told reporters.\n"
        // Offsets in Unicode characters: “ and ” are one character each.
        let oneAnn = """
            T1\tSource 0 9\tThe mayor
            T2\tCue 10 14\tsaid
            T3\tContent 15 48\tthe bridge would reopen on Monday
            T4\tAttribution 10 14\tsaid
            E1\tAttribution:T4 Source:T1 Content:T3 Cue:T2
            T5\tContent 51 64\t“It is safe,”
            T6\tSource 65 77\tthe engineer
            T7\tCue 78 82\ttold
            T8\tAttribution 78 82\ttold
            E2\tAttribution:T8 Content:T5 Source:T6 Cue:T7

            """
        let two = "Officials expect delays. The council voted on Tuesday.\n"
        let twoAnn = """
            T1\tSource 0 9\tOfficials
            T2\tCue 10 16\texpect
            T3\tContent 17 23\tdelays
            T4\tAttribution 10 16\texpect
            E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3

            """
        try Data(one.utf8).write(to: dir.appendingPathComponent("one.txt"))
        try Data(oneAnn.utf8).write(to: dir.appendingPathComponent("one.ann"))
        try Data(two.utf8).write(to: dir.appendingPathComponent("two.txt"))
        try Data(twoAnn.utf8).write(to: dir.appendingPathComponent("two.ann"))
        return dir
    }

    @Test func scoresPredictionsGivenAsBrat() throws {
        let dir = try makeCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The gold itself, as predictions: everything is right.
        let perfect = dir.appendingPathComponent("perfect")
        try FileManager.default.createDirectory(at: perfect, withIntermediateDirectories: true)
        for name in ["one", "two"] {
            try FileManager.default.copyItem(
                at: dir.appendingPathComponent(name + ".ann"), to: perfect.appendingPathComponent(name + ".ann"))
        }
        let r = tool(["eval", "--brat", dir.path, "--predicted", perfect.path, "--format", "json"])
        #expect(r.status == 0, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let total = try #require(json["total"] as? [String: Any])
        #expect(total["gold"] as? Double == 3)
        #expect((total["contentExact"] as? [String: Any])?["f1"] as? Double == 1)
        #expect((total["source"] as? [String: Any])?["f1"] as? Double == 1)
        #expect((total["cue"] as? [String: Any])?["f1"] as? Double == 1)

        // One article missing from the predictions: its relation is missed, with a warning.
        try FileManager.default.removeItem(at: perfect.appendingPathComponent("two.ann"))
        let partial = tool(["eval", "--brat", dir.path, "--predicted", perfect.path, "--misses"])
        #expect(partial.status == 0)
        #expect(partial.err.contains("no prediction for two"))
        #expect(
            partial.out.contains("missed   two E1 | source: Officials | cue: expect | content: delays"),
            "\(partial.out)")
        #expect(partial.out.contains("content exact             1.000    0.667    0.800"), "\(partial.out)")
    }

    @Test func scoresTheExtractorAndWritesItsRelations() throws {
        let dir = try makeCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let written = dir.appendingPathComponent("claimkit")
        let r = tool(["eval", "--brat", dir.path, "--write-predicted", written.path])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("3 gold relations"))
        #expect(r.out.contains("throughput:"))
        let ann = try String(contentsOf: written.appendingPathComponent("one.ann"), encoding: .utf8)
        #expect(ann.contains("\tSource 0 9\tThe mayor"), "\(ann)")
        // What it wrote scores the same when read back (the resolved names aside, which
        // brat cannot carry: compare the content lines only).
        let back = tool(["eval", "--brat", dir.path, "--predicted", written.path])
        #expect(back.status == 0, "\(back.err)")
        func line(_ s: String, _ label: String) -> String? {
            s.split(separator: "\n").first { $0.hasPrefix(label) }.map(String.init)
        }
        #expect(line(r.out, "content exact") != nil)
        #expect(line(r.out, "content exact") == line(back.out, "content exact"))
        #expect(line(r.out, "content overlap") == line(back.out, "content overlap"))
    }

    @Test func malformedAnnotationsAreTroubleWithFileAndLine() throws {
        let dir = try makeCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ann = dir.appendingPathComponent("two.ann")
        try Data("T1\tSource 0 9\tOfficials\nT2\tCue 10 16\texpects\nE1\tAttribution:T2 Source:T1 Cue:T2\n".utf8).write(
            to: ann)
        let r = tool(["eval", "--brat", dir.path])
        #expect(r.status == 2)
        #expect(
            r.err.contains("two.ann:2: error: T2: the text at offsets 10 16 is “expect”, not “expects”"), "\(r.err)")
        #expect(r.err.contains("two.ann:3: error: E1: T2 is not a defined span"), "\(r.err)")
        #expect(r.out.contains("2 gold relations"), "the rest is still scored")
        let missing = tool(["eval", "--brat", dir.appendingPathComponent("nope").path])
        #expect(missing.status == 2)
        #expect(missing.err.contains("not a folder"))
    }
}

/// The PolNeAR development split, read from ../shared/corpora (never copied here).
/// Its test split is never read.
enum PolNeAR {
    static let dev = Package.root.deletingLastPathComponent().appendingPathComponent("shared/corpora/polnear-dev")
    static var available: Bool {
        FileManager.default.fileExists(atPath: dev.appendingPathComponent("attributions").path)
    }
}

@Suite(.enabled(if: PolNeAR.available, "PolNeAR dev split not found at ../shared/corpora/polnear-dev; skipped"))
struct PolNeARTests {
    @Test func readsTheDevSplitWithoutMalformedLines() throws {
        let corpus = try BratCorpus.load(directory: PolNeAR.dev.path)
        #expect(corpus.documents.count == 84)
        let errors = corpus.allDiagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(5))")
        let relations = corpus.documents.reduce(0) { $0 + $1.relations.count }
        #expect(relations > 2000 && relations < 2400, "about 2,200 attributions; read \(relations)")
        // Every relation has content; all but a few (no cue annotated) have a cue.
        #expect(corpus.documents.allSatisfy { $0.relations.allSatisfy { !$0.content.isEmpty } })
        let withSource = corpus.documents.reduce(0) { $0 + $1.relations.filter { !$0.source.isEmpty }.count }
        #expect(withSource < relations, "PolNeAR has attributions without a source")
    }

    /// The extractor's relations written as brat and read back score the same: the
    /// byte ↔ Unicode-scalar offset conversion holds on real text (curly quotes, NBSP, dashes).
    @Test func writtenPredictionsRoundTrip() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polnear-pred-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let direct = tool(["eval", "--brat", PolNeAR.dev.path, "--write-predicted", dir.path, "--worst", "0"])
        #expect(direct.status == 0, "\(direct.err)")
        let back = tool(["eval", "--brat", PolNeAR.dev.path, "--predicted", dir.path, "--worst", "0"])
        #expect(back.status == 0, "\(back.err)")
        #expect(!back.err.contains("error"), "\(back.err)")
        for label in ["content exact", "content overlap", "cue (exact)"] {
            let line = { (s: String) in s.split(separator: "\n").first { $0.hasPrefix(label) }.map(String.init) }
            #expect(line(direct.out) != nil)
            #expect(line(direct.out) == line(back.out), "\(label)")
        }
    }

    @Test func evalPrintsTheFigures() throws {
        let r = tool(["eval", "--brat", PolNeAR.dev.path, "--worst", "3"])
        #expect(r.status == 0, "\(r.err)")
        for label in [
            "content exact", "content overlap≥50%", "source (entity)", "cue (exact)", "source accuracy",
            "worst articles",
        ] {
            #expect(r.out.contains(label))
        }
    }
}
