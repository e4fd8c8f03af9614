import ClaimKit
import Foundation

/// `claimcheck diff ARTICLE [EXPECTED]`: field-level differences against a fixture.
struct DiffCommand {
    static let help = """
        OVERVIEW: Compare an article's claims with its expected fixture, field by field.
        Claims are matched by text (white space and quotation-mark style do not matter).
        claimcheck.json in the article's folder, when present, sets the text-matching
        tolerance and fields to ignore (docs/FIXTURES.md).

        USAGE: claimcheck diff <article> [<expected>] [--format text|json]

        ARGUMENTS:
          <article>     The article (- for standard input)
          <expected>    The fixture (default: Expected/<article name>.json)

        OPTIONS:
          -f, --format <format>   text (default) or json
          --lossy                 Replace invalid UTF-8 with U+FFFD instead of failing
          --lexicon <file.json>   Use another language's cue lexicon
          -h, --help              Show help

        \(Help.exitCodes)
        """

    static func parse(_ args: ArraySlice<String>) throws(UsageError) -> Command {
        var o = DiffOptions()
        guard
            let positional = try CommandLineParser.walk(
                args, subcommand: "diff",
                option: { (name, value) throws(UsageError) -> Bool in
                    switch name {
                    case "--format", "-f": o.format = try CommandLineParser.format(try value(), "diff")
                    case "--lossy": o.lossy = true
                    case "--lexicon": o.lexicon = try value()
                    default: return false
                    }
                    return true
                })
        else { return .help(topic: "diff") }
        guard (1...2).contains(positional.count) else {
            throw UsageError(message: "diff takes ARTICLE and an optional EXPECTED fixture", subcommand: "diff")
        }
        o.article = positional[0]
        o.expected = positional.count > 1 ? positional[1] : nil
        // Standard input has no file name to find its fixture by.
        if o.article == "-", o.expected == nil {
            throw UsageError(
                message: "diff - reads the article from standard input: name its fixture (diff - EXPECTED)",
                subcommand: "diff")
        }
        return .diff(o)
    }

    let options: DiffOptions
    let console: Console

    func run() -> Int32 {
        guard let extractor = ClaimCheck.extractor(lexicon: options.lexicon, console: console) else {
            return ExitStatus.trouble
        }
        let fixturePath = options.expected ?? Self.defaultFixture(for: options.article)
        guard let bytes = ClaimCheck.readArticle(options.article, lossy: options.lossy, console: console) else {
            return ExitStatus.trouble
        }
        let fixture: Fixture
        do {
            fixture = try GoldenCorpus.loadFixture(fixturePath)
        } catch {
            console.err("claimcheck: \(error)\n")
            return ExitStatus.trouble
        }
        // claimcheck.json beside the article (its corpus root) sets tolerance and ignored fields.
        let configuration: CheckConfiguration
        do {
            configuration =
                options.article == "-"
                ? CheckConfiguration()
                : try CheckConfiguration.load(
                    corpus: FilePath.directory(options.article).isEmpty
                        ? "." : FilePath.directory(options.article))
        } catch {
            console.err("claimcheck: \(error)\n")
            return ExitStatus.trouble
        }
        let claims = extractor.extract(utf8: bytes).claims
        let report: ComparisonReport
        do {
            report = try configuration.comparison.compare(claims, with: fixture, articleLength: bytes.count)
        } catch {
            console.err("claimcheck: \(error)\n")
            return ExitStatus.trouble
        }
        switch options.format {
        case .text:
            var out = "\(options.article) vs \(fixturePath)\n"
            for d in report.differences { out += TextRendering.difference(d, fixture: fixturePath) + "\n" }
            out +=
                "\(report.differences.isEmpty ? "no differences" : "\(report.differences.count) difference\(report.differences.count == 1 ? "" : "s")"): "
            out += TextRendering.score(report) + "\n"
            console.out(out)
        case .json, .jsonl, .jsonld:
            let doc = CheckCommand.json(article: options.article, fixture: fixturePath, report: report)
            console.out(options.format == .json ? doc.serialized() + "\n" : doc.compact() + "\n")
        }
        return report.passed ? ExitStatus.same : ExitStatus.differences
    }

    /// `Expected/<name>.json` for an article `…/<name>.txt`.
    static func defaultFixture(for article: String) -> String {
        let name = URL(fileURLWithPath: article).deletingPathExtension().lastPathComponent
        return "Expected/\(name).json"
    }
}
