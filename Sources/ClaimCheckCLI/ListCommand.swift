import ClaimKit
import Foundation

/// `claimcheck list FILE…`: claims with their attribution, as text, JSON or JSON Lines.
struct ListCommand {
    let options: ListOptions
    let console: Console

    func run() -> Int32 {
        guard let extractor = ClaimCheck.extractor(lexicon: options.lexicon, console: console) else { return ExitStatus.trouble }
        var status = ExitStatus.same
        var documents: [JSONValue] = []
        for (n, path) in options.files.enumerated() {
            guard let bytes = ClaimCheck.readArticle(path, lossy: options.lossy, console: console) else {
                status = ExitStatus.trouble
                continue
            }
            let extraction = extractor.extract(utf8: bytes)
            for issue in extraction.issues {
                console.err("claimcheck: note: \(path): \(issue.kind.rawValue) at byte \(issue.span.start)\n")
            }
            switch options.format {
            case .text:
                let attributed = extraction.claims.filter { $0.attribution != nil }.count
                var out = n > 0 ? "\n" : ""
                out += "\(path): \(extraction.claims.count) claims, \(attributed) attributed\n"
                for (i, claim) in extraction.claims.enumerated() {
                    out += "\n" + TextRendering.claim(claim, number: i + 1, showRules: options.showRules) + "\n"
                }
                console.out(out)
            case .json, .jsonl:
                let doc = Self.document(path: path, extraction: extraction, rules: options.showRules)
                if options.format == .jsonl { console.out(doc.compact() + "\n") } else { documents.append(doc) }
            }
        }
        if options.format == .json { console.out(JSONValue.array(documents).serialized() + "\n") }
        return status
    }

    static func document(path: String, extraction: Extraction, rules: Bool) -> JSONValue {
        .object([
            ("article", .string(path)),
            ("claims", .array(extraction.claims.map { ClaimJSON.value($0, includeRules: rules) })),
            ("issues", .array(extraction.issues.map {
                .object([("kind", .string($0.kind.rawValue)), ("span", .array([.number(Double($0.span.start)), .number(Double($0.span.end))]))])
            })),
        ])
    }
}
