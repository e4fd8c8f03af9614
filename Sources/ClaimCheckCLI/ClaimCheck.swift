import ClaimKit
import Foundation

/// The `claimcheck` tool: parses arguments and runs a subcommand.
public enum ClaimCheck {
    public static let version = "0.1.0"

    /// Runs the tool with `arguments` (without the program name); returns the exit status.
    public static func run(_ arguments: [String], console: Console = .standard) -> Int32 {
        let command: Command
        do {
            command = try CommandLineParser.parse(arguments)
        } catch {
            console.err("claimcheck: \(error.message)\n")
            if let usage = Help.usage(for: error.subcommand, form: error.form) { console.err(usage + "\n") }
            console.err("See 'claimcheck \(error.subcommand.map { "help \($0)" } ?? "--help")'.\n")
            return ExitStatus.usage
        }
        switch command {
        case .help(let topic):
            guard let text = Help.text(for: topic) else {
                console.err(
                    "claimcheck: no help for '\(topic ?? "")'; subcommands: \(CommandLineParser.subcommands.joined(separator: ", "))\n"
                )
                return ExitStatus.usage
            }
            console.out(text + "\n")
            return ExitStatus.same
        case .version:
            console.out("claimcheck \(version)\n")
            return ExitStatus.same
        case .list(let options):
            return ListCommand(options: options, console: console).run()
        case .diff(let options):
            return DiffCommand(options: options, console: console).run()
        case .check(let options):
            return CheckCommand(options: options, console: console).run()
        case .update(let options): return UpdateCommand(options: options, console: console).run()
        case .review(let options): return ReviewCommand(options: options, console: console).run()
        case .accept(let options): return AcceptCommand(options: options, action: .accept, console: console).run()
        case .reject(let options): return AcceptCommand(options: options, action: .reject, console: console).run()
        case .lexicon:
            console.out(Lexicon.englishJSON + "\n")
            return ExitStatus.same
        case .render(let options):
            return RenderCommand(options: options, console: console).run()
        case .eval(let options):
            return EvalCommand(options: options, console: console).run()
        }
    }

    /// The extractor for a `--lexicon` option (English when nil).
    static func extractor(lexicon path: String?, console: Console) -> ClaimExtractor? {
        guard let path else { return ClaimExtractor() }
        let bytes: [UInt8]
        do {
            bytes = try ArticleReader.read(path: path).bytes
        } catch {
            console.err("claimcheck: lexicon \(error)\n")
            return nil
        }
        do {
            return ClaimExtractor(lexicon: try Lexicon(json: Data(bytes)))
        } catch {
            console.err("claimcheck: \(path): not a usable lexicon: \(error)\n")
            return nil
        }
    }

    /// Writes `text` to `path` atomically, printing a diagnostic on failure.
    static func write(_ text: String, to path: String, console: Console) -> Bool {
        do {
            try AtomicFile.write(text, to: path)
            return true
        } catch {
            console.err("claimcheck: \(error)\n")
            return false
        }
    }

    /// Reads an article, printing a diagnostic on failure.
    static func readArticle(_ path: String, lossy: Bool, console: Console) -> [UInt8]? {
        do {
            let result = try ArticleReader.read(path: path, lossy: lossy)
            if result.repaired {
                console.err(
                    "claimcheck: warning: \(path): invalid UTF-8 replaced with U+FFFD; spans refer to the repaired text\n"
                )
            }
            return result.bytes
        } catch {
            // Only the commands that read one article take --lossy; they say so.
            let hint =
                if case .invalidUTF8 = error as? ArticleReader.Problem {
                    " (use --lossy to replace invalid bytes with U+FFFD)"
                } else { "" }
            console.err("claimcheck: \(error)\(hint)\n")
            return nil
        }
    }
}
