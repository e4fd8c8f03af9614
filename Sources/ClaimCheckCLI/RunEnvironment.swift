import Foundation

/// What the environment says about where the tool runs: CI, GitHub Actions, colour.
enum RunEnvironment {
    /// `CI` set to anything but empty, `0` or `false` (any case): no command writes
    /// fixtures or pending fixtures.
    static func isCI(_ environment: [String: String]) -> Bool {
        guard let value = environment["CI"]?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return !(value.isEmpty || value == "0" || value == "false")
    }

    /// The most worker threads `--jobs` starts: the work is CPU-bound, so threads beyond
    /// the cores buy nothing, and each costs a stack; `--jobs 1000000` must not start a
    /// million threads (nor overflow the in-flight window, which is a multiple of it).
    static var maximumJobs: Int { max(256, ProcessInfo.processInfo.activeProcessorCount) }

    /// Worker threads for `--jobs requested` (nil: all cores), at most `maximumJobs`.
    static func jobs(_ requested: Int?) -> Int {
        min(requested ?? ProcessInfo.processInfo.activeProcessorCount, maximumJobs)
    }

    /// `GITHUB_ACTIONS=true`: failures are also printed as workflow-command annotations.
    static func isGitHubActions(_ environment: [String: String]) -> Bool {
        environment["GITHUB_ACTIONS"] == "true"
    }

    /// The refusal printed (to stderr) by commands that would write in CI.
    static func ciRefusal(_ command: String, _ environment: [String: String]) -> String {
        """
        claimcheck: \(command): not writing fixtures in CI (CI=\(environment["CI"] ?? "")).
        Update fixtures locally, where CI is unset: `claimcheck update` writes pending
        fixtures (Expected/NAME.json.new), `claimcheck review` shows them field by field,
        `claimcheck accept` settles them; then commit Expected/.
        In CI, `claimcheck update --check` reports what would change without writing.

        """
    }

    /// Whether to colour output: `always`/`never` as asked; `auto` when `out` is a
    /// terminal, `NO_COLOR` is unset or empty, and `TERM` is not `dumb`.
    static func useColor(_ choice: ColorChoice, _ console: Console) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = console.environment["NO_COLOR"], !noColor.isEmpty { return false }
            if console.environment["TERM"] == "dumb" { return false }
            return console.outputIsTerminal
        }
    }
}

/// `--color auto|always|never`.
public enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never

    static func parse(_ s: String, _ sub: String) throws(UsageError) -> ColorChoice {
        guard let c = ColorChoice(rawValue: s) else {
            throw UsageError(message: "unknown colour '\(s)'; expected auto, always or never", subcommand: sub)
        }
        return c
    }
}

/// ANSI styling, or none.
struct Style: Sendable {
    var enabled: Bool
    static let plain = Style(enabled: false)

    private func wrap(_ code: String, _ s: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func red(_ s: String) -> String { wrap("31", s) }
    func green(_ s: String) -> String { wrap("32", s) }
    func yellow(_ s: String) -> String { wrap("33", s) }
    func bold(_ s: String) -> String { wrap("1", s) }
    func dim(_ s: String) -> String { wrap("2", s) }
}
