/// The parsed command line: a plain value, so that parsing is unit-testable.
public enum Command: Equatable, Sendable {
    case help(topic: String?)
    case version
    case list(ListOptions)
    case diff(DiffOptions)
    case check(CheckOptions)
}

public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, jsonl
}

/// What `list` reads: article files (UTF-8 text), or JSON Lines of `{"id", "text"}`.
public enum InputFormat: String, Sendable, CaseIterable {
    case text, jsonl
}

public struct ListOptions: Equatable, Sendable {
    public init() {}
    public var files: [String] = []
    public var format: OutputFormat = .text
    public var lossy = false
    public var showRules = false
    public var lexicon: String? = nil
    /// `--input jsonl`: one article per line of the (single) file or standard input.
    public var input: InputFormat = .text
    /// `--jobs N` for `--input jsonl`; nil means all cores.
    public var jobs: Int? = nil
}

public struct DiffOptions: Equatable, Sendable {
    public init() {}
    public var article: String = ""
    public var expected: String? = nil
    public var format: OutputFormat = .text
    public var lossy = false
    public var lexicon: String? = nil
}

public struct CheckOptions: Equatable, Sendable {
    public init() {}
    public var corpus: String = "Corpus"
    public var expected: String = "Expected"
    public var format: OutputFormat = .text
    public var lexicon: String? = nil
    public var quiet = false
}

/// A usage error: printed to stderr with the usage line; exit status 64.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var subcommand: String?
    public var description: String { message }
}

/// Turns arguments (without the program name) into a ``Command``.
public enum CommandLineParser {
    public static let subcommands = ["list", "diff", "check", "help"]

    public static func parse(_ arguments: [String]) throws(UsageError) -> Command {
        var args = arguments[...]
        guard let first = args.popFirst() else { return .help(topic: nil) }
        switch first {
        case "-h", "--help": return .help(topic: nil)
        case "--version": return .version
        case "help": return .help(topic: args.first)
        case "list": return try ListCommand.parse(args)
        case "diff": return try DiffCommand.parse(args)
        case "check": return try CheckCommand.parse(args)
        default:
            if first.hasPrefix("-") { throw UsageError(message: "unknown option '\(first)'", subcommand: nil) }
            throw UsageError(message: "unknown subcommand '\(first)'; expected one of: list, diff, check", subcommand: nil)
        }
    }

    /// Splits `--name=value` and walks options; positional arguments are returned in order.
    static func walk(
        _ args: ArraySlice<String>, subcommand: String,
        option: (String, () throws(UsageError) -> String) throws(UsageError) -> Bool
    ) throws(UsageError) -> [String]? {
        var positional: [String] = []
        let rest = Array(args)
        var i = 0
        var onlyPositional = false
        while i < rest.count {
            let arg = rest[i]
            i += 1
            if onlyPositional || arg == "-" || !arg.hasPrefix("-") { positional.append(arg); continue }
            if arg == "--" { onlyPositional = true; continue }
            if arg == "-h" || arg == "--help" { return nil }
            var name = arg
            var inline: String? = nil
            if let eq = arg.firstIndex(of: "="), arg.hasPrefix("--") {
                name = String(arg[..<eq])
                inline = String(arg[arg.index(after: eq)...])
            }
            let index = i
            var consumed = false
            let value: () throws(UsageError) -> String = { () throws(UsageError) -> String in
                if let v = inline { return v }
                guard index < rest.count else { throw UsageError(message: "option '\(name)' needs a value", subcommand: subcommand) }
                consumed = true
                return rest[index]
            }
            guard try option(name, value) else {
                throw UsageError(message: "unknown option '\(arg)'", subcommand: subcommand)
            }
            if consumed { i += 1 }
        }
        return positional
    }

    static func format(_ s: String, _ sub: String) throws(UsageError) -> OutputFormat {
        guard let f = OutputFormat(rawValue: s) else {
            throw UsageError(message: "unknown format '\(s)'; expected text, json or jsonl", subcommand: sub)
        }
        return f
    }

}
