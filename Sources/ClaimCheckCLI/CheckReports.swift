import ClaimKit
import Foundation

/// What to do with a fixture that no article refers to.
public enum UnreferencedPolicy: String, Sendable, CaseIterable {
    /// Count it as a failure (exit status 1). The default in CI.
    case fail
    /// Print a warning. The default elsewhere.
    case warn
    /// Say nothing. Always so under `--filter`, which checks only part of the corpus.
    case ignore
}

/// `--report junit=PATH` or `--report json=PATH`.
public struct ReportRequest: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable { case junit, json, html }
    public var kind: Kind
    public var path: String

    public init(kind: Kind, path: String) {
        self.kind = kind
        self.path = path
    }

    static func parse(_ s: String, _ sub: String) throws(UsageError) -> ReportRequest {
        guard let eq = s.firstIndex(of: "="), let kind = Kind(rawValue: String(s[..<eq])),
            s.index(after: eq) < s.endIndex
        else {
            throw UsageError(
                message: "expected --report junit=PATH, json=PATH or html=PATH, not '\(s)'", subcommand: sub)
        }
        return ReportRequest(kind: kind, path: String(s[s.index(after: eq)...]))
    }

    /// Refuses two reports naming one file: each write replaces the file, so all but the
    /// last report would be lost without a word. Paths are compared as absolute paths
    /// without `.` components and repeated slashes (`out/r.xml` is `./out//r.xml`); `..`
    /// and links are left alone, as they cannot be resolved without the file system.
    static func refuseSharedPaths(_ reports: [ReportRequest], _ sub: String) throws(UsageError) {
        let cwd = FileManager.default.currentDirectoryPath
        var seen: [String: ReportRequest] = [:]
        for report in reports {
            let absolute = report.path.hasPrefix("/") ? report.path : cwd + "/" + report.path
            let key = "/" + absolute.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
            if let first = seen[key] {
                throw UsageError(
                    message:
                        "--report \(first.kind.rawValue)=\(first.path) and --report \(report.kind.rawValue)=\(report.path) both write \(first.path); give each report its own path",
                    subcommand: sub)
            }
            seen[key] = report
        }
    }
}

/// The results of one `claimcheck check` run: what the text output, the JSON and
/// JUnit reports and the GitHub annotations are made from.
///
/// Results are added one article at a time, in order (``add(_:)``): the totals, the
/// failure counts and the text report's per-article lines are kept as they come, and
/// the results themselves only as the output needs them — every article's for the
/// JSON, JUnit and HTML reports, else only the failing ones (messages, annotations).
/// So a run over a large corpus keeps little more than its failures.
struct CheckRun {
    var corpus: GoldenCorpus
    /// The results kept (see the type's documentation), in article order.
    private(set) var results: [GoldenCorpus.ArticleResult] = []
    /// Whether ``results`` holds every article's result, not only the failing ones.
    let keepsEveryResult: Bool
    /// Articles not checked because `--fail-fast` stopped the run.
    var skipped: [String] = []
    /// Fixtures without an article, and what to do about them.
    var unreferenced: [String] = []
    var unreferencedPolicy: UnreferencedPolicy

    /// The text report's per-article blocks so far (nil: no text report is made).
    private(set) var lines: String?
    private let style: Style
    private let quiet: Bool
    /// Articles checked, and of those passed.
    private(set) var checked = 0
    private(set) var passed = 0
    /// The scores of every compared article, summed, and how many were compared.
    private(set) var total = ComparisonReport()
    private(set) var compared = 0
    /// Failures by kind, as the text summary names them.
    private(set) var counts: [String: Int] = [:]
    /// Malformed fixtures or unreadable articles: exit status 2.
    private(set) var trouble = false
    /// A mismatch or missing fixture: `claimcheck update` could record it.
    private(set) var recordable = false

    /// A run keeping every result when `keepEveryResult`, and making the text report's
    /// lines when `text` gives its style (`quiet`: failing articles only).
    init(
        corpus: GoldenCorpus, unreferencedPolicy: UnreferencedPolicy, keepEveryResult: Bool, text: Style?,
        quiet: Bool = false
    ) {
        self.corpus = corpus
        self.unreferencedPolicy = unreferencedPolicy
        self.keepsEveryResult = keepEveryResult
        self.lines = text == nil ? nil : ""
        self.style = text ?? .plain
        self.quiet = quiet
    }

    /// Adds the next article's result.
    mutating func add(_ r: GoldenCorpus.ArticleResult) {
        checked += 1
        if r.passed { passed += 1 }
        if keepsEveryResult || !r.passed { results.append(r) }
        switch r.outcome {
        case .passed(let report):
            compared += 1
            total.accumulate(report)
            if !quiet { lines? += "\(style.green("PASS")) \(r.name)  \(TextRendering.score(report))\n" }
        case .mismatch(let report):
            compared += 1
            total.accumulate(report)
            counts["mismatch", default: 0] += 1
            recordable = true
            if lines != nil {
                var block = "\(style.red("FAIL")) \(r.name)  \(TextRendering.score(report))\n"
                for d in report.differences {
                    block += TextRendering.difference(d, fixture: r.fixturePath, style: style) + "\n"
                }
                lines! += block
            }
        case .missingFixture:
            counts["missing fixture", default: 0] += 1
            recordable = true
            lines? += "\(style.red("FAIL")) \(r.name): no fixture \(r.fixturePath)\n"
        case .malformedFixture(let e):
            counts["malformed fixture", default: 0] += 1
            trouble = true
            lines? += "\(style.red("ERROR")) \(r.name): malformed fixture \(e)\n"
        case .trouble(let message):
            counts["unreadable article", default: 0] += 1
            trouble = true
            lines? += "\(style.red("ERROR")) \(r.name): \(message)\n"
        }
    }

    /// The status of one result, as the JSON report writes it.
    static func status(_ r: GoldenCorpus.ArticleResult) -> String {
        switch r.outcome {
        case .passed: return "passed"
        case .mismatch: return "mismatch"
        case .missingFixture: return "missing-fixture"
        case .malformedFixture: return "malformed-fixture"
        case .trouble: return "trouble"
        }
    }

    var failedUnreferenced: Int { unreferencedPolicy == .fail ? unreferenced.count : 0 }
    var failed: Int { checked - passed + failedUnreferenced }

    func fixturePath(_ name: String) -> String { (try? corpus.fixturePath(name)) ?? name }
    func articlePath(_ name: String) -> String { FilePath.join(corpus.corpus, name + ".txt") }

    /// The differences of a mismatch as plain text, one block per difference.
    static func diffText(_ r: GoldenCorpus.ArticleResult, report: ComparisonReport) -> String {
        report.differences.map { TextRendering.difference($0, fixture: r.fixturePath) }.joined(separator: "\n")
    }

    /// The one-line reason a result failed.
    func reason(_ r: GoldenCorpus.ArticleResult) -> String {
        switch r.outcome {
        case .passed: return "passed"
        case .mismatch(let report):
            let n = report.differences.count
            return "\(n) difference\(n == 1 ? "" : "s") from \(r.fixturePath)"
        case .missingFixture: return "no fixture \(r.fixturePath)"
        case .malformedFixture(let e): return "malformed fixture \(e)"
        case .trouble(let message): return message
        }
    }

    // MARK: JSON

    func json() -> JSONValue {
        var total = ComparisonReport()
        var articles: [JSONValue] = []
        for r in results {
            var pairs: [(String, JSONValue)] = [
                ("name", .string(r.name)), ("article", .string(r.articlePath)), ("fixture", .string(r.fixturePath)),
                ("status", .string(Self.status(r))), ("passed", .bool(r.passed)),
            ]
            switch r.outcome {
            case .passed(let report), .mismatch(let report):
                total.accumulate(report)
                let doc = CheckCommand.json(article: r.articlePath, fixture: r.fixturePath, report: report)
                pairs.append(("scores", doc["scores"] ?? .null))
                pairs.append(("differences", doc["differences"] ?? .array([])))
            case .malformedFixture(let e):
                pairs.append(
                    (
                        "error",
                        .object([
                            ("message", .string(e.message)),
                            ("line", e.location.map { .number(Double($0.line)) } ?? .null),
                            ("column", e.location.map { .number(Double($0.column)) } ?? .null),
                        ])
                    ))
            case .trouble(let message):
                pairs.append(("error", .object([("message", .string(message)), ("line", .null), ("column", .null)])))
            case .missingFixture:
                break
            }
            articles.append(.object(pairs))
        }
        return .object([
            ("corpus", .string(corpus.corpus)), ("expected", .string(corpus.expected)),
            ("articles", .array(articles)),
            ("skipped", .array(skipped.map(JSONValue.string))),
            (
                "unreferenced",
                .array(
                    unreferenced.map {
                        .object([
                            ("fixture", .string(fixturePath($0))), ("policy", .string(unreferencedPolicy.rawValue)),
                        ])
                    })
            ),
            ("total", CheckCommand.scores(total)),
            ("passed", .number(Double(passed))), ("failed", .number(Double(failed))),
        ])
    }

    // MARK: JUnit

    /// JUnit XML: one `<testcase>` per article (name = article name, file = fixture),
    /// with `<failure>` (the differences as body) for a mismatch or missing fixture,
    /// `<error>` for a malformed fixture or unreadable article, `<skipped>` for articles
    /// `--fail-fast` did not reach; unreferenced fixtures failing the run add a
    /// `<testcase>` each. No timestamps, so equal runs give equal files.
    func junit() -> String {
        var cases: [String] = []
        var failures = 0
        var errors = 0
        let suite = XML.attribute(corpus.corpus)
        for r in results {
            var body = ""
            switch r.outcome {
            case .passed: break
            case .mismatch(let report):
                failures += 1
                body =
                    "      <failure type=\"mismatch\" message=\"\(XML.attribute(reason(r)))\">\(XML.text(Self.diffText(r, report: report)))</failure>\n"
            case .missingFixture:
                failures += 1
                body =
                    "      <failure type=\"missing-fixture\" message=\"\(XML.attribute(reason(r)))\">\(XML.text("\(articlePath(r.name)) has no fixture \(r.fixturePath); record one locally with `claimcheck update`, review it with `claimcheck review`."))</failure>\n"
            case .malformedFixture(let e):
                errors += 1
                body =
                    "      <error type=\"malformed-fixture\" message=\"\(XML.attribute(e.description))\">\(XML.text(e.description))</error>\n"
            case .trouble(let message):
                errors += 1
                body =
                    "      <error type=\"trouble\" message=\"\(XML.attribute(message))\">\(XML.text(message))</error>\n"
            }
            cases.append(testcase(name: r.name, file: r.fixturePath, body: body))
        }
        for name in skipped {
            cases.append(
                testcase(
                    name: name, file: fixturePath(name),
                    body: "      <skipped message=\"not checked: --fail-fast stopped at the first failure\"/>\n"))
        }
        if unreferencedPolicy == .fail {
            for name in unreferenced {
                failures += 1
                let message = "unreferenced fixture \(fixturePath(name)): no article \(articlePath(name))"
                cases.append(
                    testcase(
                        name: "unreferenced fixture " + name, file: fixturePath(name),
                        body:
                            "      <failure type=\"unreferenced-fixture\" message=\"\(XML.attribute(message))\">\(XML.text(message))</failure>\n"
                    ))
            }
        }
        let counts =
            "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped.count)\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="claimcheck" \(counts)>
              <testsuite name="\(suite)" \(counts)>
            \(cases.joined())  </testsuite>
            </testsuites>

            """
    }

    private func testcase(name: String, file: String, body: String) -> String {
        let open =
            "    <testcase classname=\"claimcheck\" name=\"\(XML.attribute(name))\" file=\"\(XML.attribute(file))\""
        return body.isEmpty ? open + "/>\n" : open + ">\n" + body + "    </testcase>\n"
    }

    // MARK: GitHub Actions

    /// Workflow-command annotations: one per failing file (the fixture, or the article
    /// when there is no fixture), at most `limit`, the rest summarised in the last one.
    func annotations(limit: Int = 10) -> [String] {
        var all: [String] = []
        for r in results {
            switch r.outcome {
            case .passed: continue
            case .mismatch(let report):
                let first = report.differences.first { $0.location != nil }?.location ?? r.claimsLocation
                var lines = report.differences.prefix(20).map { Self.oneLine($0) }
                if report.differences.count > 20 { lines.append("… and \(report.differences.count - 20) more") }
                all.append(
                    GitHubAnnotation.command(
                        "error", file: r.fixturePath, line: first?.line, column: first?.column,
                        title: "claimcheck: \(r.name)",
                        message: "\(reason(r)):\n" + lines.joined(separator: "\n")))
            case .missingFixture:
                all.append(
                    GitHubAnnotation.command(
                        "error", file: r.articlePath, line: nil, column: nil, title: "claimcheck: \(r.name)",
                        message:
                            "no fixture \(r.fixturePath); record one locally with `claimcheck update`, then `claimcheck review` and `claimcheck accept`"
                    ))
            case .malformedFixture(let e):
                all.append(
                    GitHubAnnotation.command(
                        "error", file: e.path, line: e.location?.line, column: e.location?.column,
                        title: "claimcheck: \(r.name)",
                        message: "malformed fixture: \(e.message)"))
            case .trouble(let message):
                all.append(
                    GitHubAnnotation.command(
                        "error", file: r.articlePath, line: nil, column: nil, title: "claimcheck: \(r.name)",
                        message: message))
            }
        }
        if unreferencedPolicy != .ignore {
            for name in unreferenced {
                all.append(
                    GitHubAnnotation.command(
                        unreferencedPolicy == .fail ? "error" : "warning", file: fixturePath(name), line: 1,
                        column: nil,
                        title: "claimcheck: unreferenced fixture",
                        message:
                            "no article \(articlePath(name)) refers to this fixture; delete it or restore the article"))
            }
        }
        guard all.count > limit else { return all }
        let shown = all.prefix(limit - 1)
        let rest = all.count - shown.count
        return shown + [
            GitHubAnnotation.command(
                "error", file: nil, line: nil, column: nil, title: "claimcheck",
                message:
                    "\(rest) more file\(rest == 1 ? "" : "s") failed; see the log of `claimcheck check` for all of them"
            )
        ]
    }

    static func oneLine(_ d: ClaimDifference) -> String {
        let at = d.location.map { " (line \($0.line))" } ?? ""
        switch d.kind {
        case .missing: return "missing claim “\(TextRendering.shortText(d.claimText))”\(at)"
        case .extra: return "extra claim \(d.claimID ?? "") “\(TextRendering.shortText(d.claimText))”"
        case .field:
            return
                "\(d.field ?? "?") of \(d.claimID ?? "") “\(TextRendering.shortText(d.claimText))”: expected \(d.expected ?? "") but got \(d.actual ?? "")\(at)"
        }
    }
}

/// GitHub Actions workflow commands (`::error file=…,line=…::message`).
enum GitHubAnnotation {
    /// Escapes a message: `%` → `%25`, CR → `%0D`, LF → `%0A`.
    static func escapeData(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Escapes a property value: as ``escapeData(_:)``, and `:` → `%3A`, `,` → `%2C`.
    static func escapeProperty(_ s: String) -> String {
        var out = ""
        for ch in escapeData(s).unicodeScalars {
            switch ch {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static func command(_ level: String, file: String?, line: Int?, column: Int?, title: String?, message: String)
        -> String
    {
        var properties: [String] = []
        if let file { properties.append("file=" + escapeProperty(file)) }
        if let line { properties.append("line=\(line)") }
        if let column { properties.append("col=\(column)") }
        if let title { properties.append("title=" + escapeProperty(title)) }
        return "::\(level)" + (properties.isEmpty ? "" : " " + properties.joined(separator: ",")) + "::"
            + escapeData(message)
    }
}

/// Escaping for hand-written XML 1.0.
enum XML {
    /// Character data: `&`, `<`, `>` escaped; characters XML 1.0 forbids become U+FFFD.
    static func text(_ s: String) -> String { escape(s, attribute: false) }

    /// An attribute value in double quotes: also `"`, `'`, and tab/CR/LF as character
    /// references so that attribute normalisation keeps them.
    static func attribute(_ s: String) -> String { escape(s, attribute: true) }

    private static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            case "\t", "\n": out.unicodeScalars.append(ch)
            default:
                let v = ch.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { out += "\u{FFFD}" } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }
}
