import ClaimKit
import Foundation

public struct EvalOptions: Equatable, Sendable {
    public init() {}
    public var brat: String = ""
    public var predicted: String? = nil
    public var format: OutputFormat = .text
    public var misses = false
    public var worst = 10
    public var writePredicted: String? = nil
    public var lexicon: String? = nil
}

/// `claimcheck eval --brat DIR`: scores the extractor (or another system's brat output)
/// against a brat-annotated attribution corpus such as PolNeAR.
struct EvalCommand {
    static let help = """
        OVERVIEW: Score attribution extraction against a brat-annotated corpus (PolNeAR,
        PARC-style Source/Cue/Content relations): precision, recall and F1 for content
        (exact and overlap), source and cue, per article and in total. See docs/EVALUATION.md.

        USAGE: claimcheck eval --brat <dir> [--predicted <dir>] [--format text|json] [--misses]

        OPTIONS:
          --brat <dir>            The gold corpus: NAME.txt beside NAME.ann, or text/NAME.txt
                                  with attributions/NAME.ann (PolNeAR)
          --predicted <dir>       Score another system's predictions (NAME.ann, offsets in
                                  Unicode characters) instead of running the extractor
          -f, --format <format>   text (default) or json
          --misses                Also list gold relations not found, predictions not in the
                                  gold, and matched relations with a wrong source or cue
          --worst <n>             How many of the worst articles to list (default 10)
          --write-predicted <dir> Write the extractor's relations as NAME.ann into <dir>
          --lexicon <file.json>   Use another language's cue lexicon
          -h, --help              Show help

        Malformed annotation lines are reported on standard error as file:line.

        EXIT STATUS:
          0   scored
          2   trouble (an unreadable folder or article, a malformed annotation line)
          64  usage error
        """

    static func parse(_ args: ArraySlice<String>) throws(UsageError) -> Command {
        var o = EvalOptions()
        guard
            let positional = try CommandLineParser.walk(
                args, subcommand: "eval",
                option: { (name, value) throws(UsageError) -> Bool in
                    switch name {
                    case "--brat": o.brat = try value()
                    case "--predicted": o.predicted = try value()
                    case "--format", "-f":
                        let v = try value()
                        guard v == "text" || v == "json" else {
                            throw UsageError(
                                message: "unknown format '\(v)'; expected text or json", subcommand: "eval")
                        }
                        o.format = v == "json" ? .json : .text
                    case "--misses": o.misses = true
                    case "--worst":
                        let v = try value()
                        guard let n = Int(v), n >= 0 else {
                            throw UsageError(message: "--worst needs a count, not '\(v)'", subcommand: "eval")
                        }
                        o.worst = n
                    case "--write-predicted": o.writePredicted = try value()
                    case "--lexicon": o.lexicon = try value()
                    default: return false
                    }
                    return true
                })
        else { return .help(topic: "eval") }
        guard positional.isEmpty else {
            throw UsageError(
                message: "eval takes no arguments ('\(positional[0])'); name the corpus with --brat DIR",
                subcommand: "eval")
        }
        guard !o.brat.isEmpty else { throw UsageError(message: "eval needs --brat DIR", subcommand: "eval") }
        if o.predicted != nil, o.writePredicted != nil {
            throw UsageError(
                message: "--write-predicted writes the extractor's output; it does not go with --predicted",
                subcommand: "eval")
        }
        return .eval(o)
    }

    let options: EvalOptions
    let console: Console

    func run() -> Int32 {
        let corpus: BratCorpus
        do {
            corpus = try BratCorpus.load(directory: options.brat)
        } catch {
            console.err("claimcheck: \(error)\n")
            return ExitStatus.trouble
        }
        var diagnostics = corpus.allDiagnostics
        var predictions: [String: [AttributionRelation]] = [:]
        var system = "ClaimKit"
        var throughput: (characters: Int, seconds: Double)? = nil
        if let dir = options.predicted {
            do {
                let read = try corpus.predictions(in: dir)
                predictions = read.relations.mapValues(AttributionRelation.mergingSharedCues)
                diagnostics += read.diagnostics
            } catch {
                console.err("claimcheck: \(error)\n")
                return ExitStatus.trouble
            }
            system = dir
        } else {
            guard let extractor = ClaimCheck.extractor(lexicon: options.lexicon, console: console) else {
                return ExitStatus.trouble
            }
            let clock = ContinuousClock()
            var elapsed = Duration.zero
            var characters = 0
            for document in corpus.documents {
                let start = clock.now
                let extraction = extractor.extract(utf8: document.bytes)
                elapsed += clock.now - start
                characters += String(decoding: document.bytes, as: UTF8.self).unicodeScalars.count
                predictions[document.name] = AttributionRelation.relations(from: extraction.claims)
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            throughput = (characters, seconds)
            if let out = options.writePredicted, !write(predictions, corpus: corpus, to: out) {
                return ExitStatus.trouble
            }
        }
        for d in diagnostics { console.err("claimcheck: \(d)\n") }

        let scorer = AttributionScorer()
        var evaluations: [ArticleEvaluation] = []
        var total = AttributionScores()
        for document in corpus.documents {
            let e = scorer.score(
                name: document.name, gold: document.relations, predicted: predictions[document.name] ?? [],
                bytes: document.bytes)
            total.accumulate(e.scores)
            evaluations.append(e)
        }
        let worst = evaluations.sorted { a, b in
            let fa = a.scores.contentOverlap.f1
            let fb = b.scores.contentOverlap.f1
            return fa != fb ? fa < fb : a.scores.gold != b.scores.gold ? a.scores.gold > b.scores.gold : a.name < b.name
        }.prefix(options.worst)
        let documents = Dictionary(uniqueKeysWithValues: corpus.documents.map { ($0.name, $0) })

        switch options.format {
        case .text:
            console.out(
                text(
                    corpus: corpus, system: system, evaluations: evaluations, total: total, worst: Array(worst),
                    throughput: throughput, documents: documents))
        case .json, .jsonl, .jsonld:  // jsonld is refused when parsing
            var fields: [(String, JSONValue)] = [
                ("corpus", .string(options.brat)), ("system", .string(system)),
                (
                    "articles",
                    .array(
                        evaluations.map { e in
                            .object([("name", .string(e.name)), ("scores", Self.json(e.scores))])
                        })
                ),
                ("total", Self.json(total)),
                ("worst", .array(worst.map { .string($0.name) })),
            ]
            if let t = throughput {
                fields.append(
                    (
                        "throughput",
                        .object([
                            ("characters", .number(Double(t.characters))), ("seconds", .number(t.seconds)),
                            ("charactersPerSecond", .number(t.seconds > 0 ? Double(t.characters) / t.seconds : 0)),
                        ])
                    ))
            }
            if options.misses {
                fields.append(
                    (
                        "misses",
                        .array(
                            evaluations.flatMap { e in
                                e.misses.map { Self.json($0, document: documents[e.name]!) }
                            })
                    ))
            }
            console.out(JSONValue.object(fields).serialized() + "\n")
        }
        return diagnostics.contains { $0.severity == .error } ? ExitStatus.trouble : ExitStatus.same
    }

    private func write(_ predictions: [String: [AttributionRelation]], corpus: BratCorpus, to dir: String) -> Bool {
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for document in corpus.documents {
                let ann = BratAnnotation.write(predictions[document.name] ?? [], text: document.bytes)
                let url = URL(fileURLWithPath: dir).appendingPathComponent(document.name + ".ann")
                try Data(ann.utf8).write(to: url, options: .atomic)
            }
            return true
        } catch {
            console.err("claimcheck: \(dir): cannot write predictions (\(ArticleReader.describe(error)))\n")
            return false
        }
    }

    private func text(
        corpus: BratCorpus, system: String, evaluations: [ArticleEvaluation], total: AttributionScores,
        worst: [ArticleEvaluation], throughput: (characters: Int, seconds: Double)?, documents: [String: BratDocument]
    ) -> String {
        let f = { (x: Double) in String(format: "%.3f", x) }
        let width = max(8, evaluations.map(\.name.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
        var out =
            "\(corpus.directory): \(corpus.documents.count) articles, \(total.gold) gold relations, "
            + "\(total.predicted) predicted by \(system)\n\n"
        out += pad("article", width) + "  gold  pred  exact overlap source    cue   (F1)\n"
        for e in evaluations {
            let s = e.scores
            out +=
                pad(e.name, width) + lpad("\(s.gold)", 6) + lpad("\(s.predicted)", 6)
                + "  " + [s.contentExact.f1, s.contentOverlap.f1, s.source.f1, s.cue.f1].map(f).joined(separator: "  ")
                + "\n"
        }
        out += "\ntotal                  precision  recall     F1    (TP / FP / FN)\n"
        let rows: [(String, PRF)] = [
            ("content exact", total.contentExact), ("content overlap≥50%", total.contentOverlap),
            ("source (entity)", total.source), ("source (span)", total.sourceSpan), ("cue (exact)", total.cue),
        ]
        for (label, prf) in rows {
            out +=
                pad(label, 22) + lpad(f(prf.precision), 9) + lpad(f(prf.recall), 9) + lpad(f(prf.f1), 9)
                + "    (\(prf.truePositives) / \(prf.falsePositives) / \(prf.falseNegatives))\n"
        }
        let how = ["span", "name", "antecedent"].map { "\($0) \(total.sourceMatchedBy[$0] ?? 0)" }.joined(
            separator: ", ")
        out +=
            pad("source accuracy", 22) + lpad(f(total.sourceAccuracy), 9)
            + "    (\(total.sourceCorrect) of \(total.sourceCompared) content-matched relations with a gold source; \(how))\n"
        if !worst.isEmpty {
            out += "\nworst articles (content overlap F1):\n"
            for e in worst {
                let s = e.scores
                out +=
                    "  \(f(s.contentOverlap.f1))  \(e.name)  (gold \(s.gold), predicted \(s.predicted), matched \(s.contentOverlap.truePositives))\n"
            }
        }
        if let t = throughput {
            let rate = t.seconds > 0 ? Double(t.characters) / t.seconds : 0
            out +=
                "\nthroughput: \(t.characters) characters in \(String(format: "%.3f", t.seconds)) s (\(Int(rate.rounded())) characters/s)\n"
        }
        if options.misses {
            out += "\nmisses: missed = gold relation not found; spurious = prediction not in the gold;\n"
            out += "source, cue = content matched, source or cue wrong\n"
            for e in evaluations {
                guard let document = documents[e.name] else { continue }
                for miss in e.misses { out += Self.line(miss, article: e.name, document: document) + "\n" }
            }
        }
        return out
    }

    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    static func describe(_ r: AttributionRelation, _ document: BratDocument) -> String {
        var source = r.source.isEmpty ? "-" : oneLine(document.text(r.source))
        if let name = r.sourceName, name != source { source += " → \(name)" }
        return
            "\(r.id) | source: \(source) | cue: \(r.cue.isEmpty ? "-" : oneLine(document.text(r.cue))) | content: \(oneLine(document.text(r.content)))"
    }

    /// One miss as a line (two for a missed relation with a nearby prediction).
    static func line(_ miss: EvaluationMiss, article: String, document: BratDocument) -> String {
        let label = miss.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
        switch miss.kind {
        case .missed:
            var out = "\(label) \(article) \(describe(miss.gold!, document))"
            if let p = miss.predicted { out += "\n         nearest: \(describe(p, document))" }
            return out
        case .spurious:
            return "\(label) \(article) \(describe(miss.predicted!, document))"
        case .source, .cue:
            let g = miss.gold!
            let p = miss.predicted!
            let parts = miss.kind == .source ? (g.source, p.source) : (g.cue, p.cue)
            var predicted = parts.1.isEmpty ? "-" : oneLine(document.text(parts.1))
            if miss.kind == .source, let name = p.sourceName, name != predicted { predicted += " → \(name)" }
            return "\(label) \(article) \(g.id) | gold: \(oneLine(document.text(parts.0))) | predicted: \(predicted)"
                + " | content: \(oneLine(document.text(g.content)))"
        }
    }

    static func json(_ prf: PRF) -> JSONValue {
        .object([
            ("precision", .number(prf.precision)), ("recall", .number(prf.recall)), ("f1", .number(prf.f1)),
            ("truePositives", .number(Double(prf.truePositives))),
            ("falsePositives", .number(Double(prf.falsePositives))),
            ("falseNegatives", .number(Double(prf.falseNegatives))),
        ])
    }

    static func json(_ s: AttributionScores) -> JSONValue {
        .object([
            ("gold", .number(Double(s.gold))), ("predicted", .number(Double(s.predicted))),
            ("contentExact", json(s.contentExact)), ("contentOverlap", json(s.contentOverlap)),
            ("source", json(s.source)), ("sourceSpan", json(s.sourceSpan)), ("cue", json(s.cue)),
            ("sourceAccuracy", .number(s.sourceAccuracy)),
            ("sourceCorrect", .number(Double(s.sourceCorrect))), ("sourceCompared", .number(Double(s.sourceCompared))),
        ])
    }

    static func json(_ r: AttributionRelation?, _ document: BratDocument) -> JSONValue {
        guard let r else { return .null }
        return .object([
            ("id", .string(r.id)), ("line", r.line.map { .number(Double($0)) } ?? .null),
            ("source", r.source.isEmpty ? .null : .string(document.text(r.source))),
            ("sourceName", r.sourceName.map(JSONValue.string) ?? .null),
            ("cue", r.cue.isEmpty ? .null : .string(document.text(r.cue))),
            ("content", .string(document.text(r.content))),
            ("spans", .object([("source", spans(r.source)), ("cue", spans(r.cue)), ("content", spans(r.content))])),
        ])
    }

    /// UTF-8 byte spans as `[[start, end], …]`.
    static func spans(_ spans: [Span]) -> JSONValue {
        .array(spans.map { .array([.number(Double($0.start)), .number(Double($0.end))]) })
    }

    static func json(_ miss: EvaluationMiss, document: BratDocument) -> JSONValue {
        .object([
            ("kind", .string(miss.kind.rawValue)), ("article", .string(document.name)),
            ("gold", json(miss.gold, document)), ("predicted", json(miss.predicted, document)),
        ])
    }
}
