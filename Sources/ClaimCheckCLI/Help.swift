import Foundation

/// Help texts in the OVERVIEW / USAGE / ARGUMENTS / OPTIONS / SUBCOMMANDS layout.
enum Help {
    static let exitCodes = """
        EXIT STATUS:
          0   no differences: every article passed; nothing to update
          1   differences: a claim missing, extra or different; a fixture missing or
              unreferenced (check); something would change (update --check); pending
              fixtures shown (review)
          2   trouble: a missing or unreadable file, invalid UTF-8, a malformed fixture
              or claimcheck.json, a report that cannot be written; or update, accept or
              reject run in CI (CI set to anything but empty, 0 or false), where they
              refuse to write
          64  usage error (including a fixture name with '/', '..' or an absolute path)
        """

    static let main = """
        OVERVIEW: Who says so, and through whom? Lists the attributed claims of news
        articles and checks them against hand-annotated fixtures.

        USAGE: claimcheck <subcommand> [options]

        SUBCOMMANDS:
          list      List the claims of articles with source, cue, time and chain
          diff      Field-level differences between an article's claims and its fixture
          check     Check every article of a corpus against its fixture
          update    Record the extractor's output as pending fixtures for review
          review    Show pending fixtures as field-level differences
          accept    Accept pending fixtures
          reject    Reject pending fixtures
          lexicon   Print the built-in English cue lexicon (JSON): a template for another language
          render    Show an article's claims as a self-contained HTML page
          eval      Score extraction against a brat attribution corpus (PolNeAR)
          help      Show help for a subcommand

        OPTIONS:
          -h, --help    Show help
          --version     Show the version

          See 'claimcheck help <subcommand>' for a subcommand's options.

        \(Help.exitCodes)
        """

    /// The usage line printed with a usage error: the first line of the form of the
    /// help text's USAGE block that starts with `form` (`claimcheck list --input jsonl`),
    /// or of its first form, as `USAGE: claimcheck …`.
    static func usage(for topic: String?, form: String?) -> String? {
        guard let text = text(for: topic) else { return nil }
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("USAGE:") }) else { return nil }
        // The block runs to the first blank line; each form starts with `claimcheck`, its
        // continuation lines with `[`.
        let forms = lines[start...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map {
            ($0.hasPrefix("USAGE:") ? String($0.dropFirst("USAGE:".count)) : $0).trimmingCharacters(in: .whitespaces)
        }.filter { $0.hasPrefix("claimcheck") }
        let chosen = form.flatMap { f in forms.first { $0.hasPrefix(f) } } ?? forms.first
        return chosen.map { "USAGE: " + $0 }
    }

    static func text(for topic: String?) -> String? {
        switch topic {
        case nil: return main
        case "list": return ListCommand.help
        case "diff": return DiffCommand.help
        case "check": return CheckCommand.help
        case "update": return UpdateCommand.help
        case "review": return ReviewCommand.help
        case "accept": return AcceptCommand.help
        case "reject": return AcceptCommand.rejectHelp
        case "render": return RenderCommand.help
        case "eval": return EvalCommand.help
        case "help": return main
        case "lexicon":
            return """
                OVERVIEW: Print the built-in English cue lexicon as JSON (docs/LEXICON.md): a
                template for another language's lexicon, used with --lexicon FILE.

                USAGE: claimcheck lexicon

                \(exitCodes)
                """
        default: return nil
        }
    }
}
