import ClaimKit
import Foundation

/// Options of `accept` and `reject`.
public struct SettleOptions: Equatable, Sendable {
    public init() {}
    /// Fixture names (`turkey-libya-security-deal`); all pending fixtures when empty.
    public var names: [String] = []
    public var expected: String = "Expected"
}

/// `claimcheck accept [NAME…]` and `claimcheck reject [NAME…]`: settle pending fixtures.
///
/// Accepting renames `NAME.json.new` over `NAME.json` (one atomic rename in the same
/// folder) after checking that it is a valid fixture; rejecting removes `NAME.json.new`.
struct AcceptCommand {
    enum Action: String { case accept, reject }

    static let help = """
        OVERVIEW: Accept pending fixtures: each <expected-dir>/<name>.json.new written by
        `claimcheck update` replaces <expected-dir>/<name>.json (an atomic rename).
        Never in CI.

        USAGE: claimcheck accept [<name> ...] [--expected <expected-dir>]

        ARGUMENTS:
          <name>   A fixture name as `claimcheck review` shows it (no folder, no
                   extension); all pending fixtures when none is given

        OPTIONS:
          --expected <dir>   Fixtures (default: Expected)
          -h, --help         Show help

        \(Help.exitCodes)
        """

    static let rejectHelp = """
        OVERVIEW: Reject pending fixtures: removes <expected-dir>/<name>.json.new, leaving
        <expected-dir>/<name>.json as it is. Never in CI.

        USAGE: claimcheck reject [<name> ...] [--expected <expected-dir>]

        ARGUMENTS:
          <name>   A fixture name as `claimcheck review` shows it; all pending fixtures
                   when none is given

        OPTIONS:
          --expected <dir>   Fixtures (default: Expected)
          -h, --help         Show help

        \(Help.exitCodes)
        """

    static func parse(_ args: ArraySlice<String>, _ action: Action) throws(UsageError) -> Command {
        var o = SettleOptions()
        let sub = action.rawValue
        guard
            let positional = try CommandLineParser.walk(
                args, subcommand: sub,
                option: { (name, value) throws(UsageError) -> Bool in
                    switch name {
                    case "--expected": o.expected = try value()
                    default: return false
                    }
                    return true
                })
        else { return .help(topic: sub) }
        for name in positional {
            do {
                try GoldenCorpus.validateName(name)
            } catch {
                throw UsageError(message: error.description, subcommand: sub)
            }
        }
        o.names = positional
        return action == .accept ? .accept(o) : .reject(o)
    }

    let options: SettleOptions
    let action: Action
    let console: Console

    func run() -> Int32 {
        if RunEnvironment.isCI(console.environment) {
            console.err(RunEnvironment.ciRefusal(action.rawValue, console.environment))
            return ExitStatus.trouble
        }
        let corpus = GoldenCorpus(corpus: ".", expected: options.expected)
        let pending = corpus.pending()
        var names = options.names
        if names.isEmpty {
            guard !pending.isEmpty else {
                console.out("no pending fixtures in \(options.expected)\n")
                return ExitStatus.same
            }
            names = pending
        }
        var trouble = false
        var out = ""
        var settled = 0
        for name in names {
            guard let pendingPath = try? corpus.pendingPath(name), let fixturePath = try? corpus.fixturePath(name)
            else {
                console.err("claimcheck: \(GoldenCorpus.NameError(name: name))\n")
                trouble = true
                continue
            }
            guard FileManager.default.fileExists(atPath: pendingPath) else {
                console.err("claimcheck: no pending fixture \(pendingPath)\n")
                trouble = true
                continue
            }
            switch action {
            case .accept:
                do {
                    _ = try GoldenCorpus.loadFixture(pendingPath)
                } catch {
                    console.err("claimcheck: \(error)\nclaimcheck: not accepting \(pendingPath); fix or reject it\n")
                    trouble = true
                    continue
                }
                if rename(pendingPath, fixturePath) != 0 {
                    console.err("claimcheck: \(fixturePath): cannot write (\(String(cString: strerror(errno))))\n")
                    trouble = true
                    continue
                }
                out += "wrote \(fixturePath) (accepted \(pendingPath))\n"
            case .reject:
                do {
                    try FileManager.default.removeItem(atPath: pendingPath)
                } catch {
                    console.err("claimcheck: \(pendingPath): cannot remove (\(ArticleReader.describe(error)))\n")
                    trouble = true
                    continue
                }
                out += "removed \(pendingPath) (rejected)\n"
            }
            settled += 1
        }
        out += "\(settled) pending fixture\(settled == 1 ? "" : "s") \(action == .accept ? "accepted" : "rejected")\n"
        console.out(out)
        return trouble ? ExitStatus.trouble : ExitStatus.same
    }
}
