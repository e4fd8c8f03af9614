import ClaimKit
import Foundation
import Testing

/// The brat reader on small made-up articles (never PolNeAR text).
@Suite struct BratCorpusTests {
    /// Unicode-scalar offsets of `needle` in `text` as brat writes them.
    func offsets(_ text: String, _ needle: String, from: Int = 0) -> (Int, Int) {
        let scalars = Array(text.unicodeScalars)
        let n = Array(needle.unicodeScalars)
        for i in from...(scalars.count - n.count) where Array(scalars[i..<(i + n.count)]) == n {
            return (i, i + n.count)
        }
        Issue.record("\(needle) not in text")
        return (0, 0)
    }

    /// UTF-8 byte span of `needle` in `text`.
    func bytes(_ text: String, _ needle: String) -> Span {
        let r = text.range(of: needle)!
        return Span(
            text.utf8.distance(from: text.startIndex, to: r.lowerBound),
            text.utf8.distance(from: text.startIndex, to: r.upperBound))
    }

    let article = "Ünal Çelik said “the bridge will reopen.” Officials doubt it, the mayor’s office said."

    @Test func readsARelationAndConvertsScalarOffsetsToBytes() {
        let s = offsets(article, "Ünal Çelik")
        let c = offsets(article, "said")
        let q = offsets(article, "“the bridge will reopen.”")
        let ann = """
            T1\tSource \(s.0) \(s.1)\tÜnal Çelik
            T2\tCue \(c.0) \(c.1)\tsaid
            T3\tContent \(q.0) \(q.1)\t“the bridge will reopen.”
            T4\tAttribution \(c.0) \(c.1)\tsaid
            E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1

            """
        let parsed = BratAnnotation.parse(ann, text: Array(article.utf8), file: "a.ann")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.relations.count == 1)
        let r = parsed.relations[0]
        #expect(r.id == "E1")
        #expect(r.line == 5)
        #expect(r.source == [bytes(article, "Ünal Çelik")])
        #expect(r.cue == [bytes(article, "said")])
        #expect(r.content == [bytes(article, "“the bridge will reopen.”")])
        // The byte offsets differ from the scalar offsets: Ü, Ç and the curly quote are multi-byte.
        #expect(r.cue[0].start != c.0)
    }

    @Test func discontinuousSpansNumberedRolesAndNoSource() {
        let a = offsets(article, "Officials doubt it")
        let b = offsets(article, "the mayor’s office")
        let d = offsets(article, "doubt")
        let x = offsets(article, "Officials")
        let y = offsets(article, "it")
        let ann = """
            T1\tContent \(x.0) \(x.1);\(y.0) \(y.1)\tOfficials it
            T2\tCue \(d.0) \(d.1)\tdoubt
            T3\tAttribution-no-source \(d.0) \(d.1)\tdoubt
            E1\tAttribution-no-source:T3 Cue:T2 Content:T1
            T4\tContent \(a.0) \(a.1)\tOfficials doubt it
            T5\tSource \(b.0) \(b.1)\tthe mayor’s office
            T6\tContent \(x.0) \(x.1)\tOfficials
            T7\tAttribution \(b.0) \(b.1)\tthe mayor’s office
            E2\tAttribution:T7 Source:T5 Content:T4 Content2:T6
            T8\tDiscard 0 4\tÜnal
            A1\tNegated E1
            #1\tAnnotatorNotes T1\tsome note
            """
        let parsed = BratAnnotation.parse(ann, text: Array(article.utf8), file: "b.ann")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        #expect(parsed.relations.count == 2)
        let first = parsed.relations[0]
        #expect(first.source.isEmpty)
        #expect(first.content == [bytes(article, "Officials"), bytes(article, " it,").dropEdges(1, 1)])
        #expect(first.cue == [bytes(article, "doubt")])
        let second = parsed.relations[1]
        // Content2 joins Content; the overlapping pieces are one span. No Cue role: the trigger is the cue.
        #expect(second.content == [bytes(article, "Officials doubt it")])
        #expect(second.cue == [bytes(article, "the mayor’s office")])
    }

    @Test func malformedLinesAreReportedWithTheirLineAndLeftOut() {
        let c = offsets(article, "said")
        let ann = """
            T1\tCue \(c.0) \(c.1)\tsaid
            T2\tContent 5 2\tbackwards
            T3\tContent 0 9999\ttoo far
            T4\tContent 0 4\tWrong
            T5\tContent zero four\tÜnal
            X1\tsomething
            T1\tCue 0 4\tÜnal
            T6 Content 0 4 Ünal
            E1\tAttribution:T1 Content:T2 Cue:T1
            E2\tAttribution:T1 Content:T9
            E3\tAttribution:T1 Cue:T1
            E4\tAttribution:T1 Content
            T7\tContent 0 4\tÜnal
            E5\tAttribution:T1 Content:T7 Cue:T1

            """
        let parsed = BratAnnotation.parse(ann, text: Array(article.utf8), file: "bad.ann")
        let lines = parsed.diagnostics.map { "\($0.line) \($0.severity.rawValue)" }
        #expect(
            lines == [
                "2 error", "3 error", "4 error", "5 error", "6 error", "7 error", "8 error",
                "9 error", "10 error", "11 warning", "12 error",
            ])
        #expect(parsed.diagnostics[0].description.hasPrefix("bad.ann:2: error: T2: offsets 5 2"))
        #expect(parsed.diagnostics[2].message.contains("“Ünal”"))
        #expect(parsed.diagnostics[7].message.contains("T2 is not a defined span (its line is malformed)"))
        // Only the well-formed relation is kept.
        #expect(parsed.relations.map(\.id) == ["E5"])
        #expect(parsed.relations[0].content == [bytes(article, "Ünal")])
    }

    @Test func writtenAnnotationsReadBackTheSame() {
        let bytesOf = Array(article.utf8)
        let relations = [
            AttributionRelation(
                id: "P1", content: [bytes(article, "the bridge will reopen.")], source: [bytes(article, "Ünal Çelik")],
                cue: [bytes(article, "said")]),
            AttributionRelation(
                id: "P2", content: [bytes(article, "Officials"), bytes(article, "doubt it")],
                cue: [bytes(article, "doubt")]),
        ]
        let text = BratAnnotation.write(relations, text: bytesOf)
        #expect(text.contains("Attribution-no-source"))
        // A span across a line break is written as two fragments and read back as them.
        let twoLines = "Ana said it.\nIt rained."
        let across = [AttributionRelation(id: "P1", content: [Span(9, 23)], source: [Span(0, 3)], cue: [Span(4, 8)])]
        let written = BratAnnotation.write(across, text: Array(twoLines.utf8))
        #expect(written.contains("\tContent 9 12;13 23\tit. It rained."), "\(written)")
        let reread = BratAnnotation.parse(written, text: Array(twoLines.utf8), file: "n.ann")
        #expect(reread.diagnostics.isEmpty, "\(reread.diagnostics)")
        #expect(reread.relations.first?.content == [Span(9, 12), Span(13, 23)])
        let back = BratAnnotation.parse(text, text: bytesOf, file: "w.ann")
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics)")
        #expect(back.relations.map(\.content) == relations.map(\.content))
        #expect(back.relations.map(\.source) == relations.map(\.source))
        #expect(back.relations.map(\.cue) == relations.map(\.cue))
    }

    @Test func claimsSharingACueBecomeOneRelation() {
        let text = "“A is true,” she said, “and B is too.” He said C."
        func claim(_ content: String, _ source: String, _ cue: Span) -> Claim {
            let s = bytes(text, source)
            return Claim(
                id: "", text: content, span: bytes(text, content), kind: .direct,
                attribution: Attribution(
                    source: Source(text: source, span: s, name: source == "she" ? "Ana Ruiz" : source, type: .person),
                    cue: Cue(text: "said", span: cue, lemma: "say")))
        }
        let said1 = bytes(text, "said")
        let said2 = Span(text.utf8.count - 7, text.utf8.count - 3)
        let claims = [
            claim("A is true", "she", said1), claim("and B is too.", "she", said1), claim("C", "He", said2),
            Claim(id: "", text: "x", span: Span(0, 1), kind: .unattributed),
        ]
        let relations = AttributionRelation.relations(from: claims)
        #expect(relations.count == 2)
        #expect(relations[0].content == [bytes(text, "A is true"), bytes(text, "and B is too.")])
        #expect(relations[0].sourceName == "Ana Ruiz")
        #expect(relations[1].cue == [said2])
        // The same merge for brat predictions.
        let split = [
            AttributionRelation(
                id: "E1", content: [bytes(text, "A is true")], source: [bytes(text, "she")], cue: [said1]),
            AttributionRelation(id: "E2", content: [bytes(text, "and B is too.")], cue: [said1]),
        ]
        let merged = AttributionRelation.mergingSharedCues(split)
        #expect(merged.count == 1)
        #expect(merged[0].content.count == 2)
        #expect(merged[0].source == [bytes(text, "she")])
    }

    @Test func loadsBothLayoutsAndReportsMissingPartners() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("brat-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let q = offsets(article, "the bridge will reopen.")
        let ann =
            "T1\tContent \(q.0) \(q.1)\tthe bridge will reopen.\nT2\tCue 11 15\tsaid\nE1\tAttribution:T2 Content:T1 Cue:T2\n"

        let flat = root.appendingPathComponent("flat")
        try FileManager.default.createDirectory(at: flat, withIntermediateDirectories: true)
        try Data(article.utf8).write(to: flat.appendingPathComponent("one.txt"))
        try Data(ann.utf8).write(to: flat.appendingPathComponent("one.ann"))
        try Data(article.utf8).write(to: flat.appendingPathComponent("lonely.txt"))
        let a = try BratCorpus.load(directory: flat.path)
        #expect(a.documents.map(\.name) == ["one"])
        #expect(a.documents[0].relations.count == 1)
        #expect(a.diagnostics.count == 1)
        #expect(a.diagnostics[0].message.contains("no annotation file lonely.ann"))

        let polnear = root.appendingPathComponent("polnear")
        for sub in ["text", "attributions"] {
            try FileManager.default.createDirectory(
                at: polnear.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try Data(article.utf8).write(to: polnear.appendingPathComponent("text/two.txt"))
        try Data(ann.utf8).write(to: polnear.appendingPathComponent("attributions/two.ann"))
        try Data(ann.utf8).write(to: polnear.appendingPathComponent("attributions/orphan.ann"))
        let b = try BratCorpus.load(directory: polnear.path)
        #expect(b.documents.map(\.name) == ["two"])
        #expect(b.documents[0].relations[0].content == [bytes(article, "the bridge will reopen.")])
        #expect(b.diagnostics.map(\.message) == ["no article orphan.txt; annotation left out"])

        // Predictions for the corpus, read from a flat folder.
        let predicted = root.appendingPathComponent("predicted")
        try FileManager.default.createDirectory(at: predicted, withIntermediateDirectories: true)
        try Data(ann.utf8).write(to: predicted.appendingPathComponent("two.ann"))
        let p = try b.predictions(in: predicted.path)
        #expect(p.relations["two"]?.count == 1)
        #expect(p.diagnostics.isEmpty)

        #expect(throws: BratCorpus.Problem.noArticles(path: root.path)) { try BratCorpus.load(directory: root.path) }
        #expect(throws: BratCorpus.Problem.notADirectory(path: root.appendingPathComponent("nope").path)) {
            try BratCorpus.load(directory: root.appendingPathComponent("nope").path)
        }
    }
}

extension Span {
    /// The span with `a` bytes dropped from the start and `b` from the end.
    func dropEdges(_ a: Int, _ b: Int) -> Span { Span(start + a, end - b) }
}
