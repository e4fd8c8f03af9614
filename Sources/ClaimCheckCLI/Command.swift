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

public struct ListOptions: Equatable, Sendable {
    public init() {}
    public var files: [String] = []
    public var format: OutputFormat = .text
    public var lossy = false
    public var showRules = false
    public var lexicon: String? = nil
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
        case "list": return try parseList(args)
        case "diff": return try parseDiff(args)
        case "check": return try parseCheck(args)
        default:
            if first.hasPrefix("-") { throw UsageError(message: "unknown option '\(first)'", subcommand: nil) }
            throw UsageError(message: "unknown subcommand '\(first)'; expected one of: list, diff, check", subcommand: nil)
        }
    }

    /// Splits `--name=value` and walks options; positional arguments are returned in order.
    private static func walk(
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

    private static func format(_ s: String, _ sub: String) throws(UsageError) -> OutputFormat {
        guard let f = OutputFormat(rawValue: s) else {
            throw UsageError(message: "unknown format '\(s)'; expected text, json or jsonl", subcommand: sub)
        }
        return f
    }

    static func parseList(_ args: ArraySlice<String>) throws(UsageError) -> Command {
        var o = ListOptions()
        guard let files = try walk(args, subcommand: "list", option: { (name, value) throws(UsageError) -> Bool in
            switch name {
            case "--format", "-f": o.format = try format(try value(), "list")
            case "--json": o.format = .json
            case "--lossy": o.lossy = true
            case "--rules": o.showRules = true
            case "--lexicon": o.lexicon = try value()
            default: return false
            }
            return true
        }) else { return .help(topic: "list") }
        guard !files.isEmpty else { throw UsageError(message: "list needs at least one FILE (or - for standard input)", subcommand: "list") }
        o.files = files
        return .list(o)
    }

    static func parseDiff(_ args: ArraySlice<String>) throws(UsageError) -> Command {
        var o = DiffOptions()
        guard let positional = try walk(args, subcommand: "diff", option: { (name, value) throws(UsageError) -> Bool in
            switch name {
            case "--format", "-f": o.format = try format(try value(), "diff")
            case "--lossy": o.lossy = true
            case "--lexicon": o.lexicon = try value()
            default: return false
            }
            return true
        }) else { return .help(topic: "diff") }
        guard (1...2).contains(positional.count) else {
            throw UsageError(message: "diff takes ARTICLE and an optional EXPECTED fixture", subcommand: "diff")
        }
        o.article = positional[0]
        o.expected = positional.count > 1 ? positional[1] : nil
        return .diff(o)
    }

    static func parseCheck(_ args: ArraySlice<String>) throws(UsageError) -> Command {
        var o = CheckOptions()
        guard let positional = try walk(args, subcommand: "check", option: { (name, value) throws(UsageError) -> Bool in
            switch name {
            case "--format", "-f": o.format = try format(try value(), "check")
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
}
