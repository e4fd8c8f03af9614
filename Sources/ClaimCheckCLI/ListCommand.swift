import ClaimKit
import Foundation

/// `claimcheck list FILE…`: claims with their attribution, as text, JSON or JSON Lines.
struct ListCommand {
    static let help = """
        OVERVIEW: List the claims of articles: kind, text, source (name, role, type), cue,
        time and reported-by chain. Spans are UTF-8 byte offsets into the file.

        USAGE: claimcheck list <file> ... [--format text|json|jsonl|jsonld] [--url <url>] [--rules]
                                          [--lossy] [--lexicon <file.json>]
               claimcheck list --input jsonl [<file>|-] [--jobs N] [--rules] [--lexicon <file.json>]

        ARGUMENTS:
          <file>        An article (UTF-8 text); - reads standard input

        OPTIONS:
          -f, --format <format>   text (default), json (an array of articles), or jsonl
                                  (one JSON object per article per line), or jsonld
                                  (each attributed claim as a schema.org Claim in
                                  JSON-LD; an array of documents for several files)
          --url <url>             The article's URL, for --format jsonld: each claim's
                                  appearance (a NewsArticle) and @id (one <file> only)
          --input <format>        text (default): each file is an article. jsonl: each line
                                  of the one file (or standard input) is an article
                                  {"id": …, "text": "…"}; the output is one JSON line per
                                  non-blank input line (blank lines are skipped; pair by
                                  "id"), in input order: {"id", "claims", "issues"}, or
                                  {"line", "id", "error"} for a bad line (exit status 2, the
                                  other lines still come out). Spans are UTF-8 byte offsets
                                  into the decoded text.
          -j, --jobs <N>          With --input jsonl: articles extracted at once (default:
                                  all cores; at most 256 or the cores, whichever is more);
                                  memory stays bounded (4 lines in flight per job).
                                  When standard error is a terminal, a progress line is
                                  shown there after 2 seconds (articles, MB, MB/s)
          --rules                 Show which rule decided each field
          --lossy                 Replace invalid UTF-8 with U+FFFD (and warn) instead of failing
          --lexicon <file.json>   Use another language's cue lexicon (docs/LEXICON.md)
          -h, --help              Show help

        \(Help.exitCodes)
        """

    /// How the usage line of the `--input jsonl` form starts (`UsageError.form`).
    static let jsonlForm = "claimcheck list --input jsonl"

    /// The options; a usage error with `--input jsonl` shows that form's usage line.
    static func parse(_ args: ArraySlice<String>) throws(UsageError) -> Command {
        var o = ListOptions()
        do {
            return try parse(args, into: &o)
        } catch {
            // `--input jsonl` may come after the option in error.
            var e = error
            let jsonl =
                o.input == .jsonl || args.contains("--input=jsonl")
                || zip(args, args.dropFirst()).contains { $0 == ("--input", "jsonl") }
            if jsonl, e.form == nil { e.form = jsonlForm }
            throw e
        }
    }

    private static func parse(_ args: ArraySlice<String>, into o: inout ListOptions) throws(UsageError) -> Command {
        var formatGiven = false
        guard
            let files = try CommandLineParser.walk(
                args, subcommand: "list",
                option: { (name, value) throws(UsageError) -> Bool in
                    switch name {
                    case "--format", "-f":
                        o.format = try CommandLineParser.format(try value(), "list", allowed: OutputFormat.allCases)
                        formatGiven = true
                    case "--url": o.url = try value()
                    case "--json":
                        o.format = .json
                        formatGiven = true
                    case "--lossy": o.lossy = true
                    case "--rules": o.showRules = true
                    case "--lexicon": o.lexicon = try value()
                    case "--input":
                        let v = try value()
                        guard let input = InputFormat(rawValue: v) else {
                            throw UsageError(
                                message: "unknown input format '\(v)'; expected text or jsonl", subcommand: "list")
                        }
                        o.input = input
                    case "--jobs", "-j": o.jobs = try CommandLineParser.jobs(try value(), "list")
                    default: return false
                    }
                    return true
                })
        else { return .help(topic: "list") }
        if o.input == .jsonl {
            guard files.count <= 1 else {
                throw UsageError(
                    message: "list --input jsonl reads one FILE (or - for standard input)", subcommand: "list")
            }
            guard !formatGiven || o.format == .jsonl else {
                throw UsageError(
                    message: "list --input jsonl writes JSON Lines; --format must be jsonl", subcommand: "list")
            }
            guard o.url == nil else { throw UsageError(message: "--url goes with --format jsonld", subcommand: "list") }
            guard !o.lossy else {
                // A JSON line is text already decoded from JSON; a bad line is reported, never repaired.
                throw UsageError(
                    message:
                        "--lossy goes with article files; list --input jsonl reports a line that is not valid UTF-8",
                    subcommand: "list")
            }
            o.format = .jsonl
            o.files = files.isEmpty ? ["-"] : files
            return .list(o)
        }
        guard o.jobs == nil else {
            // --jobs is an option of the jsonl form: its usage line shows it.
            throw UsageError(message: "--jobs goes with --input jsonl", subcommand: "list", form: jsonlForm)
        }
        guard !files.isEmpty else {
            throw UsageError(message: "list needs at least one FILE (or - for standard input)", subcommand: "list")
        }
        guard files.filter({ $0 == "-" }).count <= 1 else {
            throw UsageError(message: "standard input (-) can be read only once", subcommand: "list")
        }
        o.files = files
        if o.url != nil {
            guard o.format == .jsonld else {
                throw UsageError(message: "--url goes with --format jsonld", subcommand: "list")
            }
            guard files.count == 1 else {
                throw UsageError(message: "--url names one article: give one FILE", subcommand: "list")
            }
        }
        return .list(o)
    }

    let options: ListOptions
    let console: Console

    func run() -> Int32 {
        guard let extractor = ClaimCheck.extractor(lexicon: options.lexicon, console: console) else {
            return ExitStatus.trouble
        }
        if options.input == .jsonl {
            return JSONLinesList(
                path: options.files.first ?? "-", jobs: RunEnvironment.jobs(options.jobs),
                rules: options.showRules, extractor: extractor, console: console
            ).run()
        }
        var status = ExitStatus.same
        var documents: [JSONValue] = []  // --format jsonld
        // --format json: the array of documents, written as the files are read; jsonl: one line per file.
        var json = ClaimJSONWriter(style: options.format == .json ? .pretty : .compact)
        if options.format == .json { json.beginArray() }
        for (n, path) in options.files.enumerated() {
            guard let bytes = ClaimCheck.readArticle(path, lossy: options.lossy, console: console) else {
                status = ExitStatus.trouble
                continue
            }
            let extraction = extractor.extract(utf8: bytes)
            for issue in extraction.issues {
                let what =
                    issue.kind == .unclosedQuote
                    ? "quotation mark never closed" : "closing quotation mark with none open"
                console.err("claimcheck: note: \(path): \(what), at byte \(issue.span.start)\n")
            }
            switch options.format {
            case .text:
                let attributed = extraction.claims.filter { $0.attribution != nil }.count
                var out = n > 0 ? "\n" : ""
                let n = extraction.claims.count
                out += "\(path): \(n) claim\(n == 1 ? "" : "s"), \(attributed) attributed\n"
                for (i, claim) in extraction.claims.enumerated() {
                    out += "\n" + TextRendering.claim(claim, number: i + 1, showRules: options.showRules) + "\n"
                }
                console.out(out)
            case .json:
                json.reserveCapacity(Self.outputEstimate(bytes.count))
                json.element()
                Self.document(path: path, extraction: extraction, rules: options.showRules, to: &json)
            case .jsonl:
                json.removeAll()
                json.reserveCapacity(Self.outputEstimate(bytes.count))
                Self.document(path: path, extraction: extraction, rules: options.showRules, to: &json)
                json.newline()
                console.out(json.text)
            case .jsonld:
                documents.append(SchemaOrgClaims.document(extraction, articleURL: options.url))
            }
        }
        if options.format == .json {
            json.endArray()
            json.newline()
            console.out(json.text)
        }
        if options.format == .jsonld {
            let doc = documents.count == 1 ? documents[0] : .array(documents)
            console.out(doc.serialized() + "\n")
        }
        return status
    }

    /// Room for the JSON of an article of `bytes` bytes: its claims' text and spans come to
    /// about three times the article (four with `--rules`); capped, as it is only a hint.
    static func outputEstimate(_ bytes: Int) -> Int { min(bytes, 1 << 24) * 4 + 4096 }

    /// One article's document, `{"article", "claims", "issues"}`, written into `w`: the
    /// bytes of `--format json` (pretty) or of one `--format jsonl` line (compact).
    static func document(path: String, extraction: Extraction, rules: Bool, to w: inout ClaimJSONWriter) {
        w.beginObject()
        w.key("article")
        w.string(path)
        w.key("claims")
        w.claims(extraction.claims, includeRules: rules)
        w.key("issues")
        w.issues(extraction.issues)
        w.endObject()
    }
}
