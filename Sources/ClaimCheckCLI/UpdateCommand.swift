import ClaimKit
import Foundation

/// Which fixtures `update` records.
public enum UpdateSelection: String, Sendable, CaseIterable {
    /// Articles without a fixture.
    case missing
    /// Fixtures the extractor no longer matches (what `check` fails).
    case changed
    /// Both (the default).
    case all
}

public struct UpdateOptions: Equatable, Sendable {
    public init() {}
    public var corpus: String = "Corpus"
    public var expected: String = "Expected"
    public var only: UpdateSelection = .all
    public var filters: [String] = []
    /// Write `NAME.json` directly instead of `NAME.json.new`.
    public var accept = false
    /// Write nothing; exit 1 when anything would change.
    public var check = false
    public var lexicon: String? = nil
}

/// `claimcheck update [CORPUS] [EXPECTED]`: records the extractor's output as pending
/// fixtures (`EXPECTED/NAME.json.new`) for a person to review.
///
/// Only articles whose fixture is missing or fails the check are recorded, so fixtures
/// that pass (including hand-written partial ones) are never rewritten.
struct UpdateCommand {
    static let help = """
        OVERVIEW: Record the extractor's output as pending fixtures for review. For every
        article whose fixture is missing or no longer matches, writes
        <expected-dir>/<name>.json.new (schema order, claims sorted by span); review them
        with `claimcheck review`, settle them with `claimcheck accept` or `reject`.
        Fixtures that pass are never rewritten. Never writes in CI. Pending fixtures are
        the extractor's output: read them before accepting.

        USAGE: claimcheck update [<corpus-dir>] [<expected-dir>] [--only missing|changed|all]
                                 [--filter <glob>] ... [--accept | --check]

        ARGUMENTS:
          <corpus-dir>     Articles (default: Corpus)
          <expected-dir>   Fixtures (default: Expected; created if missing)

        OPTIONS:
          --only <which>          missing: articles without a fixture; changed: fixtures
                                  that fail the check; all (default): both
          --filter <glob>         Only articles whose name (or file name) matches; repeatable
          --accept                Write <name>.json directly instead of <name>.json.new
          --check                 Write nothing; list what would change and exit 1 if
                                  anything would (allowed in CI)
          --lexicon <file.json>   Use another language's cue lexicon
          -h, --help              Show help

        Every write is atomic (a temporary file in the same folder, then a rename) and
        every path written or removed is printed. A pending fixture for an article that
        now passes is removed.

        ENVIRONMENT:
          CI   When set (to anything but empty, 0 or false), update refuses to write
               and exits 2; --check still works

        \(Help.exitCodes)
        """

    static func parse(_ args: ArraySlice<String>) throws(UsageError) -> Command {
        var o = UpdateOptions()
        guard
            let positional = try CommandLineParser.walk(
                args, subcommand: "update",
                option: { (name, value) throws(UsageError) -> Bool in
                    switch name {
                    case "--only":
                        let v = try value()
                        guard let only = UpdateSelection(rawValue: v) else {
                            throw UsageError(
                                message: "unknown --only '\(v)'; expected missing, changed or all", subcommand: "update"
                            )
                        }
                        o.only = only
                    case "--filter": o.filters.append(try value())
                    case "--accept": o.accept = true
                    case "--check": o.check = true
                    case "--lexicon": o.lexicon = try value()
                    default: return false
                    }
                    return true
                })
        else { return .help(topic: "update") }
        try CommandLineParser.corpusFolders(positional, corpus: &o.corpus, expected: &o.expected, subcommand: "update")
        guard !(o.accept && o.check) else {
            throw UsageError(message: "--accept and --check cannot be used together", subcommand: "update")
        }
        return .update(o)
    }

    let options: UpdateOptions
    let console: Console

    func run() -> Int32 {
        if !options.check, RunEnvironment.isCI(console.environment) {
            console.err(RunEnvironment.ciRefusal("update", console.environment))
            return ExitStatus.trouble
        }
        guard let extractor = ClaimCheck.extractor(lexicon: options.lexicon, console: console) else {
            return ExitStatus.trouble
        }
        guard
            let selection = CorpusSelection.open(
                corpus: options.corpus, expected: options.expected, filters: options.filters, console: console)
        else { return ExitStatus.trouble }
        let (corpus, selected) = (selection.corpus, selection.selected)
        var trouble = false
        var changes = 0
        var unchanged = 0
        var out = ""
        var createdFolder = false
        var notWritten = 0  // articles whose fixture was due but could not be written
        for name in selected {
            let result = corpus.check(name, extractor: extractor)
            let reason: String
            switch result.outcome {
            case .passed:
                unchanged += 1
                if !options.check { removeStalePending(name, corpus: corpus, out: &out, trouble: &trouble) }
                continue
            case .missingFixture:
                guard options.only != .changed else { continue }
                reason = "no fixture yet"
            case .mismatch(let report):
                guard options.only != .missing else { continue }
                reason = "\(report.differences.count) difference\(report.differences.count == 1 ? "" : "s")"
            case .malformedFixture(let e):
                console.err(
                    "claimcheck: \(e)\nclaimcheck: \(name): not recording over a malformed fixture; fix it, or delete it and run update again\n"
                )
                trouble = true
                continue
            case .trouble(let message):
                console.err("claimcheck: \(message)\n")
                trouble = true
                continue
            }
            let contents = ClaimJSON.fixture(article: name + ".txt", claims: result.claims)
            let target: String
            do {
                target = options.accept ? try corpus.fixturePath(name) : try corpus.pendingPath(name)
            } catch {
                console.err("claimcheck: \(error)\n")
                trouble = true
                continue
            }
            if options.check {
                changes += 1
                out += "would write \(target) (\(reason), \(result.claims.count) claims)\n"
                continue
            }
            if !options.accept, let existing = FileManager.default.contents(atPath: target),
                existing == Data(contents.utf8)
            {
                changes += 1
                out += "pending \(target) is up to date (\(reason))\n"
                continue
            }
            if !createdFolder, !FileManager.default.fileExists(atPath: options.expected) {
                do {
                    try FileManager.default.createDirectory(atPath: options.expected, withIntermediateDirectories: true)
                    out += "created \(options.expected)/\n"
                    createdFolder = true
                } catch {
                    console.err(
                        "claimcheck: \(options.expected): cannot create the fixture folder (\(ArticleReader.describe(error)))\n"
                    )
                    return ExitStatus.trouble
                }
            }
            do {
                try AtomicFile.write(contents, to: target)
                changes += 1
                out += "wrote \(target) (\(reason), \(result.claims.count) claims)\n"
            } catch {
                console.err("claimcheck: \(error)\n")
                trouble = true
                notWritten += 1
                continue
            }
            if options.accept { removeStalePending(name, corpus: corpus, out: &out, trouble: &trouble) }
        }
        let args =
            [options.corpus, options.expected] == ["Corpus", "Expected"] ? "" : " \(options.corpus) \(options.expected)"
        if options.check {
            out +=
                changes == 0
                ? "nothing would change: \(unchanged) fixture\(unchanged == 1 ? "" : "s") up to date\n"
                : "\(changes) fixture\(changes == 1 ? "" : "s") would change; run `claimcheck update\(args)` locally, then `claimcheck review\(args)`\n"
        } else if changes == 0 && notWritten == 0 {
            out += "nothing to update: \(unchanged) fixture\(unchanged == 1 ? "" : "s") up to date\n"
        } else if changes == 0 {
            out +=
                "nothing written: \(notWritten) fixture\(notWritten == 1 ? "" : "s") could not be written (see the errors above); \(unchanged) up to date\n"
        } else if options.accept {
            out += "\(changes) fixture\(changes == 1 ? "" : "s") written; read them (git diff) before committing\n"
        } else {
            out +=
                "\(changes) pending fixture\(changes == 1 ? "" : "s"); review with `claimcheck review\(args)`, then `claimcheck accept\(args)` or `claimcheck reject\(args)`\n"
        }
        if notWritten > 0 && changes > 0 {
            out += "\(notWritten) more could not be written (see the errors above)\n"
        }
        console.out(out)
        if trouble { return ExitStatus.trouble }
        return options.check && changes > 0 ? ExitStatus.differences : ExitStatus.same
    }

    /// Removes `NAME.json.new` when the article no longer needs it, printing the path.
    private func removeStalePending(_ name: String, corpus: GoldenCorpus, out: inout String, trouble: inout Bool) {
        guard let pending = try? corpus.pendingPath(name), FileManager.default.fileExists(atPath: pending) else {
            return
        }
        do {
            try FileManager.default.removeItem(atPath: pending)
            out += "removed \(pending) (no longer needed)\n"
        } catch {
            console.err("claimcheck: \(pending): cannot remove (\(ArticleReader.describe(error)))\n")
            trouble = true
        }
    }
}
