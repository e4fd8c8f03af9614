import ClaimKit
import Foundation

/// `claimcheck render ARTICLE [-o FILE.html]`: the article as one self-contained HTML page.
struct RenderCommand {
    static let help = """
        OVERVIEW: Show an article as one self-contained HTML page with every claim
        highlighted: each source has its own colour and label, a side panel lists the
        sources with their claims and reported-by chains, and focusing a claim shows its
        kind, cue, time and chain. No scripts, no external files: it works offline.

        USAGE: claimcheck render <article> [-o <file.html>] [--lossy]

        ARGUMENTS:
          <article>     The article (UTF-8 text); - reads standard input

        OPTIONS:
          -o, --output <file.html>  Write the page there (default: standard output)
          --lossy                   Replace invalid UTF-8 with U+FFFD (and warn) instead of failing
          --lexicon <file.json>     Use another language's cue lexicon
          -h, --help                Show help

        \(Help.exitCodes)
        """

    static func parse(_ args: ArraySlice<String>) throws(UsageError) -> Command {
        var o = RenderOptions()
        guard
            let positional = try CommandLineParser.walk(
                args, subcommand: "render",
                option: { (name, value) throws(UsageError) -> Bool in
                    switch name {
                    case "--output", "-o": o.output = try value()
                    case "--lossy": o.lossy = true
                    case "--lexicon": o.lexicon = try value()
                    default: return false
                    }
                    return true
                })
        else { return .help(topic: "render") }
        guard positional.count == 1 else {
            throw UsageError(
                message: "render takes exactly one ARTICLE (or - for standard input)", subcommand: "render")
        }
        o.article = positional[0]
        return .render(o)
    }

    let options: RenderOptions
    let console: Console

    func run() -> Int32 {
        guard let extractor = ClaimCheck.extractor(lexicon: options.lexicon, console: console) else {
            return ExitStatus.trouble
        }
        guard let bytes = ClaimCheck.readArticle(options.article, lossy: options.lossy, console: console) else {
            return ExitStatus.trouble
        }
        let title = options.article == "-" ? "standard input" : FilePath.name(options.article)
        let page = ArticleHTML(title: title, bytes: bytes, extraction: extractor.extract(utf8: bytes)).document()
        guard let output = options.output, output != "-" else {
            console.out(page)
            return ExitStatus.same
        }
        return ClaimCheck.write(page, to: output, console: console) ? ExitStatus.same : ExitStatus.trouble
    }
}
