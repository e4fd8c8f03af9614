import ClaimKit
import Foundation

/// `claimcheck diff ARTICLE [EXPECTED]`: field-level differences against a fixture.
struct DiffCommand {
    let options: DiffOptions
    let console: Console

    func run() -> Int32 {
        guard let extractor = ClaimCheck.extractor(lexicon: options.lexicon, console: console) else { return ExitStatus.trouble }
        let fixturePath = options.expected ?? Self.defaultFixture(for: options.article)
        guard let bytes = ClaimCheck.readArticle(options.article, lossy: options.lossy, console: console) else {
            return ExitStatus.trouble
        }
        let fixture: Fixture
        do {
            fixture = try Fixture.load(contentsOf: URL(fileURLWithPath: fixturePath))
        } catch {
            console.err("claimcheck: \(error)\n")
            return ExitStatus.trouble
        }
        let claims = extractor.extract(utf8: bytes).claims
        let report = ClaimComparison().compare(claims, with: fixture)
        switch options.format {
        case .text:
            var out = "\(options.article) vs \(fixturePath)\n"
            for d in report.differences { out += TextRendering.difference(d, fixture: fixturePath) + "\n" }
            out += "\(report.differences.isEmpty ? "no differences" : "\(report.differences.count) differences"): "
            out += TextRendering.score(report) + "\n"
            console.out(out)
        case .json, .jsonl:
            let doc = CheckCommand.json(article: options.article, fixture: fixturePath, report: report)
            console.out(options.format == .json ? doc.serialized() + "\n" : doc.compact() + "\n")
        }
        return report.passed ? ExitStatus.same : ExitStatus.differences
    }

    /// `Expected/<name>.json` for an article `…/<name>.txt` (stdin: `Expected/stdin.json`).
    static func defaultFixture(for article: String) -> String {
        let name = article == "-" ? "stdin" : URL(fileURLWithPath: article).deletingPathExtension().lastPathComponent
        return "Expected/\(name).json"
    }
}
