import ClaimKit
import Foundation

/// The corpus a `check` or `update` run works on: every article in the folder and the
/// ones its `--filter` globs select.
struct CorpusSelection {
    let corpus: GoldenCorpus
    /// Every article name in the corpus folder, sorted.
    let articles: [String]
    /// The articles `--filter` selects (all of them when there is no filter).
    let selected: [String]

    /// Opens the corpus and applies `filters`, or says on stderr why it cannot: a corpus
    /// folder that is missing or unreadable, a fixtures path that is a file (a missing
    /// fixtures folder is fine), a malformed `claimcheck.json`, or filters that select
    /// nothing (a typo in a glob must not pass as an empty, green run).
    static func open(corpus folder: String, expected: String, filters: [String], console: Console) -> CorpusSelection? {
        for (path, what) in [(folder, "corpus"), (expected, "fixtures")] {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            // A missing fixtures folder is fine (every fixture is then missing); a file is not.
            guard exists ? isDirectory.boolValue : what == "fixtures" else {
                console.err(
                    "claimcheck: \(path): \(exists ? "not a folder" : "no such folder") (the \(what) folder)\n")
                return nil
            }
        }
        let corpus: GoldenCorpus
        do {
            corpus = try GoldenCorpus.open(corpus: folder, expected: expected)
        } catch {
            console.err("claimcheck: \(error)\n")
            return nil
        }
        let articles: [String]
        do {
            articles = try corpus.articles()
        } catch {
            console.err("claimcheck: \(folder): cannot list the corpus folder (\(ArticleReader.describe(error)))\n")
            return nil
        }
        let selected = articles.filter { Glob.selects(filters, article: $0) }
        if !filters.isEmpty, selected.isEmpty {
            console.err("claimcheck: no article in \(folder) matches --filter \(filters.joined(separator: ", "))\n")
            return nil
        }
        return CorpusSelection(corpus: corpus, articles: articles, selected: selected)
    }
}
