import ClaimKit
import Foundation

public struct ReviewOptions: Equatable, Sendable {
    public init() {}
    public var corpus: String = "Corpus"
    public var expected: String = "Expected"
    /// Review only these pending fixtures (names); all when empty.
    public var filters: [String] = []
    public var color: ColorChoice = .auto
}

/// `claimcheck review [CORPUS] [EXPECTED]`: each pending fixture as a field-level diff
/// against the fixture it would replace.
struct ReviewCommand {
    static let help = """
        OVERVIEW: Show each pending fixture (<expected-dir>/<name>.json.new, written by
        `claimcheck update`) as field-level differences from the fixture it would
        replace: changed fields with the fixture's line, claims added and removed; a new
        fixture is listed claim by claim. Settle them with `claimcheck accept` or
        `claimcheck reject`. Writes nothing.

        USAGE: claimcheck review [<corpus-dir>] [<expected-dir>] [--filter <glob>] ...
                                 [--color auto|always|never]

        ARGUMENTS:
          <corpus-dir>     Articles, for claimcheck.json (default: Corpus)
          <expected-dir>   Fixtures (default: Expected)

        OPTIONS:
          --filter <glob>   Review only pending fixtures whose name matches; repeatable
          --color <when>    auto (default), always or never
          -h, --help        Show help

        Exit status 1 means pending fixtures were shown; 0 that there are none.

        \(Help.exitCodes)
        """

    static func parse(_ args: ArraySlice<String>) throws(UsageError) -> Command {
        var o = ReviewOptions()
        guard
            let positional = try CommandLineParser.walk(
                args, subcommand: "review",
                option: { (name, value) throws(UsageError) -> Bool in
                    switch name {
                    case "--filter": o.filters.append(try value())
                    case "--color", "--colour": o.color = try ColorChoice.parse(try value(), "review")
                    default: return false
                    }
                    return true
                })
        else { return .help(topic: "review") }
        try CommandLineParser.corpusFolders(positional, corpus: &o.corpus, expected: &o.expected, subcommand: "review")
        return .review(o)
    }

    let options: ReviewOptions
    let console: Console

    func run() -> Int32 {
        let corpus: GoldenCorpus
        do {
            corpus = try GoldenCorpus.open(corpus: options.corpus, expected: options.expected)
        } catch {
            console.err("claimcheck: \(error)\n")
            return ExitStatus.trouble
        }
        let style = Style(enabled: RunEnvironment.useColor(options.color, console))
        let names = corpus.pending().filter { Glob.selects(options.filters, article: $0) }
        guard !names.isEmpty else {
            console.out("no pending fixtures in \(options.expected)\n")
            return ExitStatus.same
        }
        var trouble = false
        var out = ""
        for name in names {
            guard let pendingPath = try? corpus.pendingPath(name), let fixturePath = try? corpus.fixturePath(name)
            else { continue }
            let pending: Fixture
            do {
                pending = try GoldenCorpus.loadFixture(pendingPath)
            } catch {
                console.err("claimcheck: \(error)\n")
                trouble = true
                continue
            }
            out += style.bold("\(pendingPath)") + " → \(fixturePath)\n"
            var old: Fixture? = nil
            if FileManager.default.fileExists(atPath: fixturePath) {
                do {
                    old = try GoldenCorpus.loadFixture(fixturePath)
                } catch {
                    out += "  replaces a malformed fixture: \(error)\n"
                }
            }
            if let old {
                let report = corpus.configuration.comparison.compare(candidate: pending, with: old)
                for d in report.differences {
                    out += TextRendering.difference(d, fixture: fixturePath, style: style, labels: .review) + "\n"
                }
                let n = report.differences.count
                out +=
                    n == 0
                    ? "  no asserted field changes; accepting rewrites \(fixturePath) in full (\(old.claims.count) → \(pending.claims.count) claims)\n"
                    : "  \(n) change\(n == 1 ? "" : "s"); accepting replaces \(fixturePath) (\(old.claims.count) → \(pending.claims.count) claims)\n"
            } else {
                out += "  new fixture: \(pending.claims.count) claim\(pending.claims.count == 1 ? "" : "s")\n"
                for claim in pending.claims { out += "  \(style.green("+")) " + Self.summary(claim) + "\n" }
            }
            let arg = Self.shellWord(name)
            out +=
                "  accept: claimcheck accept \(Self.expectedArgument(options.expected))\(arg)    reject: claimcheck reject \(Self.expectedArgument(options.expected))\(arg)\n\n"
        }
        out += "\(names.count) pending fixture\(names.count == 1 ? "" : "s"): the extractor's output, not the truth;"
        out += " correct them by docs/ANNOTATION.md (edit the .json.new file) before accepting\n"
        console.out(out)
        return trouble ? ExitStatus.trouble : ExitStatus.differences
    }

    static func expectedArgument(_ expected: String) -> String {
        expected == "Expected" ? "" : "--expected \(expected) "
    }

    /// `indirect “first words …”  source: NAME  cue: LEMMA`.
    static func summary(_ claim: Fixture.ExpectedClaim) -> String {
        var s = ""
        if case .string(let kind)? = claim.json["kind"] { s += kind + " " }
        s += "“\(TextRendering.shortText(claim.text))”"
        if let a = claim.json["attribution"], a != .null {
            if case .string(let name)? = a["source"]?["name"] { s += "  source: \(name)" }
            if case .string(let lemma)? = a["cue"]?["lemma"] { s += "  cue: \(lemma)" }
        }
        return s
    }

    /// A name as one shell word that is never taken for an option: quoted when it holds
    /// anything but letters, digits, `.`, `_` and `-`, and after `--` when it starts with `-`.
    static func shellWord(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)
        }
        let word = plain ? name : "'" + name.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return name.hasPrefix("-") ? "-- " + word : word
    }
}
