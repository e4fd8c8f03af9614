/// The parsed command line: a plain value, so that parsing is unit-testable.
public enum Command: Equatable, Sendable {
    case help(topic: String?)
    case version
    case list(ListOptions)
    case diff(DiffOptions)
    case check(CheckOptions)
    case update(UpdateOptions)
    case review(ReviewOptions)
    case accept(SettleOptions)
    case reject(SettleOptions)
    case lexicon
    case render(RenderOptions)
    case eval(EvalOptions)
}

public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, jsonl
    /// schema.org `Claim`s as JSON-LD (`list` only).
    case jsonld
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
    /// `--url`: the article's address, for `--format jsonld`.
    public var url: String? = nil
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
    /// `--filter GLOB` (repeatable): check only articles whose name matches one.
    public var filters: [String] = []
    /// `--fail-fast`: stop at the first failing article.
    public var failFast = false
    /// `--jobs N`: articles checked at once; nil means all cores.
    public var jobs: Int? = nil
    /// `--unreferenced`; nil: `fail` in CI, `warn` elsewhere (always `ignore` under `--filter`).
    public var unreferenced: UnreferencedPolicy? = nil
    /// `--report junit=PATH`, `--report json=PATH` (repeatable).
    public var reports: [ReportRequest] = []
    public var color: ColorChoice = .auto
}

/// Options of `render`.
public struct RenderOptions: Equatable, Sendable {
    public init() {}
    public var article: String = ""
    /// Where to write the page; nil (or `-`) for standard output.
    public var output: String? = nil
    public var lossy = false
    public var lexicon: String? = nil
}

/// A usage error: printed to stderr with the usage line; exit status 64.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var subcommand: String?
    /// Which of the subcommand's usage forms the error is about, by how it starts
    /// (`claimcheck list --input jsonl`); nil for the first (see `Help.usage`).
    public var form: String? = nil
    public var description: String { message }
}

/// Turns arguments (without the program name) into a ``Command``.
public enum CommandLineParser {
    public static let subcommands = [
        "list", "diff", "check", "render", "eval", "update", "review", "accept", "reject", "lexicon", "help",
    ]

    public static func parse(_ arguments: [String]) throws(UsageError) -> Command {
        var args = arguments[...]
        guard let first = args.popFirst() else { return .help(topic: nil) }
        switch first {
        case "-h", "--help": return .help(topic: nil)
        case "--version": return .version
        // `help --help` and `help help` are the overview, like `help` alone.
        case "help": return .help(topic: args.first.flatMap { ["-h", "--help", "help"].contains($0) ? nil : $0 })
        case "list": return try ListCommand.parse(args)
        case "diff": return try DiffCommand.parse(args)
        case "check": return try CheckCommand.parse(args)
        case "render": return try RenderCommand.parse(args)
        case "update": return try UpdateCommand.parse(args)
        case "review": return try ReviewCommand.parse(args)
        case "accept": return try AcceptCommand.parse(args, .accept)
        case "reject": return try AcceptCommand.parse(args, .reject)
        case "eval": return try EvalCommand.parse(args)
        case "lexicon":
            if args.contains("-h") || args.contains("--help") { return .help(topic: "lexicon") }
            guard args.isEmpty else { throw UsageError(message: "lexicon takes no arguments", subcommand: "lexicon") }
            return .lexicon
        default:
            if first.hasPrefix("-") { throw UsageError(message: "unknown option '\(first)'", subcommand: nil) }
            throw UsageError(
                message: "unknown subcommand '\(first)'; expected one of: \(subcommands.joined(separator: ", "))",
                subcommand: nil)
        }
    }

    /// The value of `--jobs`: a whole number of at least 1 (capped when used, by
    /// `RunEnvironment.jobs`).
    static func jobs(_ v: String, _ subcommand: String) throws(UsageError) -> Int {
        guard let n = Int(v), n >= 1 else {
            throw UsageError(message: "--jobs needs a whole number of at least 1, got '\(v)'", subcommand: subcommand)
        }
        return n
    }

    /// The optional `CORPUS_DIR EXPECTED_DIR` positionals of check, update and review.
    static func corpusFolders(
        _ positional: [String], corpus: inout String, expected: inout String, subcommand: String
    ) throws(UsageError) {
        guard positional.count <= 2 else {
            throw UsageError(message: "\(subcommand) takes at most CORPUS_DIR and EXPECTED_DIR", subcommand: subcommand)
        }
        if positional.count > 0 { corpus = positional[0] }
        if positional.count > 1 { expected = positional[1] }
    }

    /// Splits `--name=value` and `-xVALUE` (a one-letter option with its value attached,
    /// as getopt(3) reads it: `-j2` is `-j 2`) and walks options; positional arguments are
    /// returned in order.
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
            if arg.hasPrefix("--") {
                if let eq = arg.firstIndex(of: "=") {
                    name = String(arg[..<eq])
                    inline = String(arg[arg.index(after: eq)...])
                }
            } else if arg.count > 2 {
                name = String(arg.prefix(2))
                inline = String(arg.dropFirst(2))
            }
            let attached = !arg.hasPrefix("--") && inline != nil
            let index = i
            var consumed = false
            var inlineTaken = false
            let value: () throws(UsageError) -> String = { () throws(UsageError) -> String in
                if let v = inline {
                    inlineTaken = true
                    return v
                }
                guard index < rest.count else {
                    throw UsageError(message: "option '\(name)' needs a value", subcommand: subcommand)
                }
                consumed = true
                return rest[index]
            }
            // `-qx` is not `-q`: only an option that takes a value takes what is attached.
            guard try option(name, value), !attached || inlineTaken else {
                throw UsageError(message: "unknown option '\(arg)'", subcommand: subcommand)
            }
            if consumed { i += 1 }
        }
        return positional
    }

    static func format(
        _ s: String, _ sub: String, allowed: [OutputFormat] = [.text, .json, .jsonl]
    ) throws(UsageError) -> OutputFormat {
        guard let f = OutputFormat(rawValue: s), allowed.contains(f) else {
            let names = allowed.map(\.rawValue)
            let list = names.dropLast().joined(separator: ", ") + " or " + names.last!
            throw UsageError(message: "unknown format '\(s)'; expected \(list)", subcommand: sub)
        }
        return f
    }

}
