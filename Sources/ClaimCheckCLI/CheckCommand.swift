import ClaimKit
import Foundation

/// `claimcheck check [CORPUS] [EXPECTED]`: every article against its fixture.
struct CheckCommand {
    static let help = """
        OVERVIEW: Check every article of a corpus (*.txt) against its fixture
        (<name>.json): precision, recall and F1 per article and in total. Tells apart a
        mismatch, a missing fixture, a malformed fixture and an unreferenced fixture (a
        fixture no article refers to). <corpus-dir>/claimcheck.json, when present, sets
        the text-matching tolerance and fields to ignore (docs/FIXTURES.md).

        USAGE: claimcheck check [<corpus-dir>] [<expected-dir>] [--filter <glob>] ...
                                [--fail-fast] [--unreferenced fail|warn|ignore]
                                [--report junit|json|html=<path>] ...
                                [--format text|json] [--color auto|always|never]
                                [-q] [--jobs <N>] [--lexicon <file.json>]

        ARGUMENTS:
          <corpus-dir>     Articles (default: Corpus)
          <expected-dir>   Fixtures (default: Expected)

        OPTIONS:
          --filter <glob>         Check only articles whose name (or file name) matches;
                                  repeatable; shell patterns (* ? [...])
          --fail-fast             Stop at the first failing article
          --unreferenced <what>   A fixture with no article: fail, warn or ignore
                                  (default: fail in CI, warn elsewhere; ignored under --filter)
          --report <kind>=<path>  Also write a report file (repeatable, each to its own
                                  path). Kinds:
                                    junit  JUnit XML, one testcase per article
                                    json   the JSON report (as --format json)
                                    html   one page: the summary, each article's
                                           differences side by side and its view
          -f, --format <format>   text (default) or json
          --color <when>          auto (default: when standard output is a terminal and
                                  NO_COLOR is unset), always or never
          -q, --quiet             Print only failing articles and the summary
          -j, --jobs <N>          Articles checked at once (default: all cores; at most
                                  256 or the cores, whichever is more); the
                                  output is the same, in article order
          --lexicon <file.json>   Use another language's cue lexicon
          -h, --help              Show help

        ENVIRONMENT:
          CI              When set (to anything but empty, 0 or false): unreferenced
                          fixtures fail by default
          GITHUB_ACTIONS  When true: failures are also printed as ::error annotations
                          (one per file, at most 10; on standard error with --format json)
          NO_COLOR        When set and not empty: no colour under --color auto

        The last line of text output is `N passed, N failed`. When standard error is a
        terminal, runs longer than 2 seconds show a progress line there (articles checked,
        how many not passing), erased before the results.

        \(Help.exitCodes)
        """

    static func parse(_ args: ArraySlice<String>) throws(UsageError) -> Command {
        var o = CheckOptions()
        guard
            let positional = try CommandLineParser.walk(
                args, subcommand: "check",
                option: { (name, value) throws(UsageError) -> Bool in
                    switch name {
                    case "--format", "-f": o.format = try CommandLineParser.format(try value(), "check")
                    case "--lexicon": o.lexicon = try value()
                    case "--quiet", "-q": o.quiet = true
                    case "--filter": o.filters.append(try value())
                    case "--fail-fast": o.failFast = true
                    case "--jobs", "-j": o.jobs = try CommandLineParser.jobs(try value(), "check")
                    case "--unreferenced":
                        let v = try value()
                        guard let p = UnreferencedPolicy(rawValue: v) else {
                            throw UsageError(
                                message: "unknown --unreferenced '\(v)'; expected fail, warn or ignore",
                                subcommand: "check")
                        }
                        o.unreferenced = p
                    case "--report": o.reports.append(try ReportRequest.parse(try value(), "check"))
                    case "--color", "--colour": o.color = try ColorChoice.parse(try value(), "check")
                    default: return false
                    }
                    return true
                })
        else { return .help(topic: "check") }
        try CommandLineParser.corpusFolders(positional, corpus: &o.corpus, expected: &o.expected, subcommand: "check")
        try ReportRequest.refuseSharedPaths(o.reports, "check")
        return .check(o)
    }

    let options: CheckOptions
    let console: Console

    func run() -> Int32 {
        guard let extractor = ClaimCheck.extractor(lexicon: options.lexicon, console: console) else {
            return ExitStatus.trouble
        }
        guard
            let selection = CorpusSelection.open(
                corpus: options.corpus, expected: options.expected, filters: options.filters, console: console)
        else { return ExitStatus.trouble }
        let (corpus, names, selected) = (selection.corpus, selection.articles, selection.selected)
        // A golden test over nothing would pass: an empty (or mistyped) corpus is trouble.
        guard !names.isEmpty else {
            console.err("claimcheck: \(options.corpus): no articles (*.txt) to check\n")
            return ExitStatus.trouble
        }
        let ci = RunEnvironment.isCI(console.environment)
        let policy: UnreferencedPolicy =
            options.filters.isEmpty ? (options.unreferenced ?? (ci ? .fail : .warn)) : .ignore
        let style = Style(enabled: options.format == .text && RunEnvironment.useColor(options.color, console))

        let html = options.reports.contains { $0.kind == .html }
        var run = CheckRun(
            corpus: corpus, unreferencedPolicy: policy,
            keepEveryResult: options.format != .text || !options.reports.isEmpty,
            text: options.format == .text ? style : nil, quiet: options.quiet)
        let jobs = min(RunEnvironment.jobs(options.jobs), selected.count)
        let progress = ProgressLine(console: console)
        var notPassing = 0
        CheckRunner(corpus: corpus, extractor: extractor, keepClaims: html, jobs: jobs).run(selected) { n, result in
            run.add(result)
            if !result.passed { notPassing += 1 }
            progress.update { _ in "\(n + 1)/\(selected.count) articles, \(notPassing) not passing" }
            if options.failFast, !result.passed {
                run.skipped = Array(selected[(n + 1)...])
                return false
            }
            return true
        }
        progress.end()
        if policy != .ignore { run.unreferenced = corpus.unreferencedFixtures(articles: names) }

        for r in run.results {
            switch r.outcome {
            case .malformedFixture(let e): console.err("claimcheck: \(e)\n")
            case .trouble(let message): console.err("claimcheck: \(message)\n")
            default: break
            }
        }
        let annotations = RunEnvironment.isGitHubActions(console.environment) ? run.annotations() : []
        switch options.format {
        case .text:
            console.out(text(run, style: style, annotations: annotations))
        case .json, .jsonl, .jsonld:  // jsonld is refused when parsing
            for a in annotations { console.err(a + "\n") }
            let doc = run.json()
            console.out(options.format == .json ? doc.serialized() + "\n" : doc.compact() + "\n")
        }
        var status = run.trouble ? ExitStatus.trouble : (run.failed == 0 ? ExitStatus.same : ExitStatus.differences)
        for report in options.reports {
            let contents: String
            switch report.kind {
            case .junit: contents = run.junit()
            case .json: contents = run.json().serialized() + "\n"
            case .html: contents = htmlReport(run)
            }
            do {
                try AtomicFile.write(contents, to: report.path)
                console.err("claimcheck: wrote \(report.kind.rawValue) report \(report.path)\n")
            } catch {
                console.err("claimcheck: \(error)\n")
                status = ExitStatus.trouble
            }
        }
        let pending = corpus.pending()
        if !pending.isEmpty {
            console.err(
                "claimcheck: note: \(pending.count) pending fixture\(pending.count == 1 ? "" : "s") in \(options.expected) (\(GoldenCorpus.pendingSuffix)); see `claimcheck review`\n"
            )
        }
        if run.recordable {
            let args =
                [options.corpus, options.expected] == ["Corpus", "Expected"]
                ? "" : " \(options.corpus) \(options.expected)"
            console.err(
                ci
                    ? "claimcheck: fixtures are not updated in CI. Locally, `claimcheck update\(args)` records the extractor's output as pending fixtures, `claimcheck review\(args)` shows them and `claimcheck accept` settles them.\n"
                    : "claimcheck: to record the extractor's output for review: `claimcheck update\(args)`, then `claimcheck review\(args)`.\n"
            )
        }
        return status
    }

    /// The text report: one block per article, unreferenced fixtures, annotations,
    /// then the totals; the last line is `N passed, N failed`.
    func text(_ run: CheckRun, style: Style, annotations: [String]) -> String {
        var out = run.lines ?? ""
        var counts = run.counts
        let total = run.total
        for name in run.unreferenced {
            let label = run.unreferencedPolicy == .fail ? style.red("FAIL") : style.yellow("WARN")
            out += "\(label) \(run.fixturePath(name)): unreferenced fixture (no article \(run.articlePath(name)))\n"
        }
        if run.unreferencedPolicy == .fail, !run.unreferenced.isEmpty {
            counts["unreferenced fixture"] = run.unreferenced.count
        }
        if !run.skipped.isEmpty {
            out +=
                "stopped at the first failure (--fail-fast): \(run.skipped.count) article\(run.skipped.count == 1 ? "" : "s") not checked\n"
        }
        for a in annotations { out += a + "\n" }
        // With no fixture compared, scores of 1.000 would read as success.
        // A blank line sets the totals off from what came before, if anything did (-q with
        // nothing failing prints no article lines).
        let gap = out.isEmpty ? "" : "\n"
        if run.compared == 0 {
            out += "\(gap)total: no article was compared with a fixture\n"
        } else {
            out += "\(gap)total: \(TextRendering.score(total))\n"
            out +=
                "values equal, of those compared: "
                + total.fields.keys.sorted().map { "\($0) \(String(format: "%.3f", total.fields[$0]!.accuracy))" }
                .joined(separator: ", ") + "\n"
            out +=
                "claims right per field (precision, recall): "
                + ClaimComparison.scoredFields.map { f in
                    let pr = total.fieldPR[f] ?? FieldPrecisionRecall()
                    return "\(f) P \(String(format: "%.3f", pr.precision)) R \(String(format: "%.3f", pr.recall))"
                }.joined(separator: ", ") + "\n"
        }
        if !counts.isEmpty {
            out +=
                "failures: "
                + ["mismatch", "missing fixture", "malformed fixture", "unreadable article", "unreferenced fixture"]
                .compactMap { k in counts[k].map { "\($0) \(k)" } }.joined(separator: ", ") + "\n"
        }
        let summary = "\(run.passed) passed, \(run.failed) failed"
        out += (run.failed == 0 ? style.green(summary) : style.red(summary)) + "\n"
        return out
    }

    /// The whole check as one HTML page: the summary, then each article's differences
    /// and its view (`CheckReportHTML`). Articles are read again only for this report.
    func htmlReport(_ run: CheckRun) -> String {
        var total = ComparisonReport()
        let entries: [CheckReportHTML.Entry] = run.results.map { r in
            switch r.outcome {
            case .passed(let report), .mismatch(let report):
                total.accumulate(report)
                let bytes = try? ArticleReader.read(path: r.articlePath).bytes
                return .init(
                    name: r.name, articlePath: r.articlePath, fixturePath: r.fixturePath, bytes: bytes,
                    extraction: Extraction(claims: r.claims), report: report)
            case .missingFixture:
                return .init(
                    name: r.name, articlePath: r.articlePath, fixturePath: r.fixturePath, problem: "no fixture")
            case .malformedFixture(let error):
                return .init(name: r.name, articlePath: r.articlePath, fixturePath: r.fixturePath, problem: "\(error)")
            case .trouble(let message):
                return .init(name: r.name, articlePath: r.articlePath, fixturePath: r.fixturePath, problem: message)
            }
        }
        return CheckReportHTML(entries: entries, total: total).document()
    }

    static func scores(_ r: ComparisonReport) -> JSONValue {
        .object([
            ("precision", .number(r.precision)), ("recall", .number(r.recall)), ("f1", .number(r.f1)),
            ("truePositives", .number(Double(r.truePositives))), ("falsePositives", .number(Double(r.falsePositives))),
            ("falseNegatives", .number(Double(r.falseNegatives))),
            ("fields", .object(r.fields.keys.sorted().map { ($0, .number(r.fields[$0]!.accuracy)) })),
            (
                "perField",
                .object(
                    ClaimComparison.scoredFields.map { f in
                        let pr = r.fieldPR[f] ?? FieldPrecisionRecall()
                        return (f, .object([("precision", .number(pr.precision)), ("recall", .number(pr.recall))]))
                    })
            ),
        ])
    }

    static func json(article: String, fixture: String, report: ComparisonReport) -> JSONValue {
        .object([
            ("article", .string(article)), ("fixture", .string(fixture)), ("passed", .bool(report.passed)),
            ("scores", scores(report)),
            (
                "differences",
                .array(
                    report.differences.map { d in
                        .object([
                            ("kind", .string(d.kind.rawValue)), ("claim", .string(d.claimText)),
                            ("id", d.claimID.map(JSONValue.string) ?? .null),
                            ("field", d.field.map(JSONValue.string) ?? .null),
                            ("expected", d.expected.map(JSONValue.string) ?? .null),
                            ("actual", d.actual.map(JSONValue.string) ?? .null),
                            ("line", d.location.map { .number(Double($0.line)) } ?? .null),
                        ])
                    })
            ),
        ])
    }
}

/// Checks articles on `jobs` threads, one ``GoldenCorpus/Checker`` each, and hands the
/// results over in article order, so the output does not depend on the threads.
struct CheckRunner {
    let corpus: GoldenCorpus
    let extractor: ClaimExtractor
    let keepClaims: Bool
    let jobs: Int

    /// Articles in flight per job: how far the workers may run ahead of the reader.
    static let articlesPerJob = 8

    /// Calls `consume(n, result)` for the articles of `names` in order, on the calling
    /// thread, until it returns false (`--fail-fast`); articles the workers checked
    /// beyond that are dropped.
    func run(_ names: [String], consume: (Int, GoldenCorpus.ArticleResult) -> Bool) {
        guard jobs > 1 else {
            let checker = GoldenCorpus.Checker(corpus: corpus, extractor: extractor, keepClaims: keepClaims)
            for (n, name) in names.enumerated() where !consume(n, checker.check(name)) { return }
            return
        }
        let window = Window(count: names.count, size: jobs * Self.articlesPerJob)
        let workers = DispatchGroup()
        for _ in 0..<jobs {
            workers.enter()
            let thread = Thread { [corpus, extractor, keepClaims] in
                let checker = GoldenCorpus.Checker(corpus: corpus, extractor: extractor, keepClaims: keepClaims)
                while let n = window.take() { window.finish(n, checker.check(names[n])) }
                workers.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        for n in names.indices where !consume(n, window.result(n)) { break }
        window.stop()
        workers.wait()
    }

    /// The articles between the workers and the reader: handed out in order, at most
    /// `size` ahead of the oldest one not yet read.
    final class Window: @unchecked Sendable {
        private let condition = NSCondition()
        private let count: Int
        private let size: Int
        private var next = 0
        private var read = 0
        private var stopped = false
        private var finished: [Int: GoldenCorpus.ArticleResult] = [:]

        init(count: Int, size: Int) {
            self.count = count
            self.size = size
        }

        /// The next article to check, or nil when there is none left or the run stopped.
        func take() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while !stopped && next < count && next >= read + size { condition.wait() }
            guard !stopped && next < count else { return nil }
            next += 1
            return next - 1
        }

        func finish(_ n: Int, _ result: GoldenCorpus.ArticleResult) {
            condition.lock()
            finished[n] = result
            condition.broadcast()
            condition.unlock()
        }

        /// Article `n`'s result, once a worker has it (articles are read in order).
        func result(_ n: Int) -> GoldenCorpus.ArticleResult {
            condition.lock()
            defer { condition.unlock() }
            while finished[n] == nil { condition.wait() }
            read = n + 1
            condition.broadcast()
            return finished.removeValue(forKey: n)!
        }

        /// No more articles are handed out.
        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
