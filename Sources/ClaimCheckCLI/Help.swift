/// Help texts in the OVERVIEW / USAGE / ARGUMENTS / OPTIONS / SUBCOMMANDS layout.
enum Help {
    static let exitCodes = """
        EXIT STATUS:
          0   no differences
          1   differences (a claim missing, extra or different; a fixture missing)
          2   trouble (a missing or unreadable file, invalid UTF-8, a malformed fixture)
          64  usage error
        """

    static let main = """
        OVERVIEW: Who says so, and through whom? Lists the attributed claims of news
        articles and checks them against hand-annotated fixtures.

        USAGE: claimcheck <subcommand> [options]

        SUBCOMMANDS:
          list      List the claims of articles with source, cue, time and chain
          diff      Field-level differences between an article's claims and its fixture
          check     Check every article of a corpus against its fixture
          help      Show help for a subcommand

        OPTIONS:
          -h, --help    Show help
          --version     Show the version

          See 'claimcheck help <subcommand>' for a subcommand's options.

        \(exitCodes)
        """

    static let list = """
        OVERVIEW: List the claims of articles: kind, text, source (name, role, type), cue,
        time and reported-by chain. Spans are UTF-8 byte offsets into the file.

        USAGE: claimcheck list <file> ... [--format text|json|jsonl] [--rules] [--lossy]

        ARGUMENTS:
          <file>        An article (UTF-8 text); - reads standard input

        OPTIONS:
          -f, --format <format>   text (default), json (an array of articles), or jsonl
                                  (one JSON object per article per line)
          --rules                 Show which rule decided each field
          --lossy                 Replace invalid UTF-8 with U+FFFD (and warn) instead of failing
          --lexicon <file.json>   Use another language's cue lexicon (docs/LEXICON.md)
          -h, --help              Show help

        \(exitCodes)
        """

    static let diff = """
        OVERVIEW: Compare an article's claims with its expected fixture, field by field.
        Claims are matched by text (white space and quotation-mark style do not matter).

        USAGE: claimcheck diff <article> [<expected>] [--format text|json]

        ARGUMENTS:
          <article>     The article (- for standard input)
          <expected>    The fixture (default: Expected/<article name>.json)

        OPTIONS:
          -f, --format <format>   text (default) or json
          --lossy                 Replace invalid UTF-8 with U+FFFD instead of failing
          --lexicon <file.json>   Use another language's cue lexicon
          -h, --help              Show help

        \(exitCodes)
        """

    static let check = """
        OVERVIEW: Check every article of a corpus (*.txt) against its fixture
        (<name>.json): precision, recall and F1 per article and in total.

        USAGE: claimcheck check [<corpus-dir>] [<expected-dir>] [--format text|json]

        ARGUMENTS:
          <corpus-dir>     Articles (default: Corpus)
          <expected-dir>   Fixtures (default: Expected)

        OPTIONS:
          -f, --format <format>   text (default) or json
          -q, --quiet             Print only failing articles and the summary
          --lexicon <file.json>   Use another language's cue lexicon
          -h, --help              Show help

        \(exitCodes)
        """

    static func text(for topic: String?) -> String? {
        switch topic {
        case nil: return main
        case "list": return list
        case "diff": return diff
        case "check": return check
        case "help": return main
        default: return nil
        }
    }
}
