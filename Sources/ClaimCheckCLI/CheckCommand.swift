import ClaimKit
import Foundation

/// `claimcheck check [CORPUS] [EXPECTED]`: every article against its fixture.
struct CheckCommand {
    static let help = """
        OVERVIEW: Check every article of a corpus (*.txt) against its fixture
        (<name>.json): precision, recall and F1 per article and in total.

        USAGE: claimcheck check [<corpus-dir>] [<expected-dir>] [--format text|json]

        ARGUMENTS:
          <corpus-dir>     Articles (default: Corpus)
          <expected-dir>   Fixtures (default: Expected)

        OPTIONS:
          -f, --format <format>   text (default) or json
          -q, --quiet             Print only failing articles and the summary
          --lexicon <file.json>   Use another language's cue lexicon
          -h, --help              Show help

        \(Help.exitCodes)
        """

    static func parse(_ args: ArraySlice<String>) throws(UsageError) -> Command {
        var o = CheckOptions()
        guard let positional = try CommandLineParser.walk(args, subcommand: "check", option: { (name, value) throws(UsageError) -> Bool in
            switch name {
            case "--format", "-f": o.format = try CommandLineParser.format(try value(), "check")
            case "--lexicon": o.lexicon = try value()
            case "--quiet", "-q": o.quiet = true
            default: return false
            }
            return true
        }) else { return .help(topic: "check") }
        guard positional.count <= 2 else { throw UsageError(message: "check takes at most CORPUS_DIR and EXPECTED_DIR", subcommand: "check") }
        if positional.count > 0 { o.corpus = positional[0] }
        if positional.count > 1 { o.expected = positional[1] }
        return .check(o)
    }

    let options: CheckOptions
    let console: Console

    func run() -> Int32 {
        guard let extractor = ClaimCheck.extractor(lexicon: options.lexicon, console: console) else { return ExitStatus.trouble }
        for (folder, what) in [(options.corpus, "corpus"), (options.expected, "fixtures")] {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
            guard exists, isDirectory.boolValue else {
                console.err("claimcheck: \(folder): \(exists ? "not a folder" : "no such folder") (the \(what) folder)\n")
                return ExitStatus.trouble
            }
        }
        let articles: [String]
        do {
            articles = try FileManager.default.contentsOfDirectory(atPath: options.corpus)
                .filter { $0.hasSuffix(".txt") }.sorted()
        } catch {
            console.err("claimcheck: \(options.corpus): cannot list the corpus folder (\(ArticleReader.describe(error)))\n")
            return ExitStatus.trouble
        }
        var passed = 0
        var failed = 0
        var trouble = false
        var total = ComparisonReport()
        var documents: [JSONValue] = []
        var out = ""
        for name in articles {
            let articlePath = (options.corpus as NSString).appendingPathComponent(name)
            let fixturePath = (options.expected as NSString).appendingPathComponent((name as NSString).deletingPathExtension + ".json")
            guard FileManager.default.fileExists(atPath: fixturePath) else {
                failed += 1
                out += "FAIL \(name): no fixture \(fixturePath)\n"
                continue
            }
            guard let bytes = ClaimCheck.readArticle(articlePath, lossy: false, console: console) else {
                trouble = true
                failed += 1
                continue
            }
            let fixture: Fixture
            do {
                fixture = try Fixture.load(contentsOf: URL(fileURLWithPath: fixturePath))
            } catch {
                console.err("claimcheck: \(error)\n")
                trouble = true
                failed += 1
                continue
            }
            let report: ComparisonReport
            do {
                report = try ClaimComparison().compare(extractor.extract(utf8: bytes).claims, with: fixture, articleLength: bytes.count)
            } catch {
                console.err("claimcheck: \(error)\n")
                trouble = true
                failed += 1
                continue
            }
            total.accumulate(report)
            if report.passed { passed += 1 } else { failed += 1 }
            documents.append(Self.json(article: articlePath, fixture: fixturePath, report: report))
            if report.passed {
                if !options.quiet { out += "PASS \(name)  \(TextRendering.score(report))\n" }
            } else {
                out += "FAIL \(name)  \(TextRendering.score(report))\n"
                for d in report.differences { out += TextRendering.difference(d, fixture: fixturePath) + "\n" }
            }
        }
        switch options.format {
        case .text:
            out += "\ntotal: \(TextRendering.score(total))\n"
            out += "fields: " + total.fields.keys.sorted().map { "\($0) \(String(format: "%.3f", total.fields[$0]!.accuracy))" }
                .joined(separator: ", ") + "\n"
            out += "\(passed) passed, \(failed) failed\n"
            console.out(out)
        case .json, .jsonl:
            let doc: JSONValue = .object([
                ("articles", .array(documents)),
                ("total", Self.scores(total)),
                ("passed", .number(Double(passed))), ("failed", .number(Double(failed))),
            ])
            console.out(options.format == .json ? doc.serialized() + "\n" : doc.compact() + "\n")
        }
        if trouble { return ExitStatus.trouble }
        return failed == 0 ? ExitStatus.same : ExitStatus.differences
    }

    static func scores(_ r: ComparisonReport) -> JSONValue {
        .object([
            ("precision", .number(r.precision)), ("recall", .number(r.recall)), ("f1", .number(r.f1)),
            ("truePositives", .number(Double(r.truePositives))), ("falsePositives", .number(Double(r.falsePositives))),
            ("falseNegatives", .number(Double(r.falseNegatives))),
            ("fields", .object(r.fields.keys.sorted().map { ($0, .number(r.fields[$0]!.accuracy)) })),
        ])
    }

    static func json(article: String, fixture: String, report: ComparisonReport) -> JSONValue {
        .object([
            ("article", .string(article)), ("fixture", .string(fixture)), ("passed", .bool(report.passed)),
            ("scores", scores(report)),
            ("differences", .array(report.differences.map { d in
                .object([
                    ("kind", .string(d.kind.rawValue)), ("claim", .string(d.claimText)),
                    ("id", d.claimID.map(JSONValue.string) ?? .null), ("field", d.field.map(JSONValue.string) ?? .null),
                    ("expected", d.expected.map(JSONValue.string) ?? .null), ("actual", d.actual.map(JSONValue.string) ?? .null),
                    ("line", d.location.map { .number(Double($0.line)) } ?? .null),
                ])
            })),
        ])
    }
}
