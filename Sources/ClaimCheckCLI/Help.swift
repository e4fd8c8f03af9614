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
          render    Show an article's claims as a self-contained HTML page
          help      Show help for a subcommand

        OPTIONS:
          -h, --help    Show help
          --version     Show the version

          See 'claimcheck help <subcommand>' for a subcommand's options.

        \(Help.exitCodes)
        """

    static func text(for topic: String?) -> String? {
        switch topic {
        case nil: return main
        case "list": return ListCommand.help
        case "diff": return DiffCommand.help
        case "check": return CheckCommand.help
        case "render": return RenderCommand.help
        case "help": return main
        default: return nil
        }
    }
}
