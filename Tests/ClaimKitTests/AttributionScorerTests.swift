import ClaimKit
import Foundation
import Testing

/// The scorer on small made-up articles (never PolNeAR text).
@Suite struct AttributionScorerTests {
    /// UTF-8 byte span of the `occurrence`-th (1-based) `needle` in `text`.
    func at(_ text: String, _ needle: String, _ occurrence: Int = 1) -> Span {
        var from = text.startIndex
        var found: Range<String.Index>? = nil
        for _ in 0..<occurrence {
            found = text.range(of: needle, range: from..<text.endIndex)
            from = found!.upperBound
        }
        let r = found!
        return Span(
            text.utf8.distance(from: text.startIndex, to: r.lowerBound),
            text.utf8.distance(from: text.startIndex, to: r.upperBound))
    }

    func relation(
        _ id: String, _ text: String, content: [String], source: String? = nil, cue: String, name: String? = nil
    ) -> AttributionRelation {
        AttributionRelation(
            id: id, content: content.map { at(text, $0) }, source: source.map { [at(text, $0)] } ?? [],
            cue: [at(text, cue)], sourceName: name)
    }

    func score(_ text: String, gold: [AttributionRelation], predicted: [AttributionRelation]) -> ArticleEvaluation {
        AttributionScorer().score(name: "t", gold: gold, predicted: predicted, bytes: Array(text.utf8))
    }

    @Test func spanEdgesAreNormalisedForTheExactMeasure() {
        let text = "The minister said that “the budget is balanced.” Critics disagreed."
        let gold = [
            relation("E1", text, content: ["that “the budget is balanced.”"], source: "The minister", cue: "said")
        ]
        let predicted = [relation("P1", text, content: ["the budget is balanced"], source: "The minister", cue: "said")]
        let s = score(text, gold: gold, predicted: predicted).scores
        #expect(s.contentExact == PRF(truePositives: 1))
        #expect(s.contentOverlap == PRF(truePositives: 1))
        #expect(s.sourceSpan == PRF(truePositives: 1))
        #expect(s.cue == PRF(truePositives: 1))
        #expect(s.sourceAccuracy == 1)
    }

    @Test func overlapNeedsHalfTheWordsOfBoth() {
        let text = "She said one two three four five six seven eight nine ten."
        let gold = [
            relation(
                "E1", text, content: ["one two three four five six seven eight nine ten"], source: "She", cue: "said")
        ]
        // 5 of 10 words: a match, not exact.
        let half = [relation("P1", text, content: ["one two three four five"], source: "She", cue: "said")]
        let a = score(text, gold: gold, predicted: half).scores
        #expect(a.contentOverlap == PRF(truePositives: 1))
        #expect(a.contentExact == PRF(truePositives: 0, falsePositives: 1, falseNegatives: 1))
        // 4 of 10: no match; the gold is missed and the prediction is spurious.
        let less = [relation("P1", text, content: ["one two three four"], source: "She", cue: "said")]
        let b = score(text, gold: gold, predicted: less)
        #expect(b.scores.contentOverlap == PRF(truePositives: 0, falsePositives: 1, falseNegatives: 1))
        #expect(b.scores.source == PRF(truePositives: 0, falsePositives: 1, falseNegatives: 1))
        #expect(b.misses.map(\.kind) == [.missed, .spurious])
        #expect(b.misses[0].predicted?.id == "P1", "the nearest prediction is shown with a miss")
        // A long prediction that holds the gold but is more than twice as long: no match either.
        let long = [
            relation("P1", text, content: ["She said one two three four five six seven eight nine ten"], cue: "said")
        ]
        #expect(
            score(text, gold: [relation("E1", text, content: ["one two three four"], cue: "said")], predicted: long)
                .scores.contentOverlap.truePositives == 0)
    }

    @Test func pairingIsOneToOneBestFirst() {
        let text = "He said alpha beta gamma delta. She said alpha beta gamma."
        let gold = [relation("E1", text, content: ["alpha beta gamma delta"], source: "He", cue: "said")]
        let predicted = [
            relation("P1", text, content: ["alpha beta gamma"], source: "He", cue: "said"),
            relation("P2", text, content: ["alpha beta gamma delta"], source: "He", cue: "said"),
        ]
        let e = score(text, gold: gold, predicted: predicted)
        #expect(e.scores.contentExact == PRF(truePositives: 1, falsePositives: 1))
        #expect(e.misses.count == 1)
        #expect(e.misses[0].kind == .spurious)
        #expect(e.misses[0].predicted?.id == "P1")
    }

    @Test func discontinuousContentMatchesMergedQuotes() {
        let text = "“We will win,” she said, “and we will govern.”"
        let gold = [
            relation("E1", text, content: ["“We will win,”", "“and we will govern.”"], source: "she", cue: "said")
        ]
        let predicted = [
            relation("P1", text, content: ["We will win", "and we will govern."], source: "she", cue: "said")
        ]
        #expect(score(text, gold: gold, predicted: predicted).scores.contentExact == PRF(truePositives: 1))
    }

    @Test func sourcesMatchBySpanNameOrAntecedent() {
        let text =
            "Donald Trump spoke. Donald Trump said A happened. He said B happened. Trump said C happened. Bill Clinton said D happened."
        let gold = [
            relation("E1", text, content: ["A happened"], source: "Donald Trump", cue: "said"),
            relation("E2", text, content: ["B happened"], source: "He", cue: "said"),
            relation("E3", text, content: ["C happened"], source: "Trump", cue: "said"),
            relation("E4", text, content: ["D happened"], source: "Bill Clinton", cue: "said"),
        ]
        let predicted = [
            // The same span.
            relation("P1", text, content: ["A happened"], source: "Donald Trump", cue: "said"),
            // Another mention of the pronoun's antecedent.
            AttributionRelation(
                id: "P2", content: [at(text, "B happened")], source: [at(text, "Donald Trump")],
                cue: [at(text, "said", 2)], sourceName: "Donald Trump"),
            // The resolved name of another mention.
            AttributionRelation(
                id: "P3", content: [at(text, "C happened")], source: [at(text, "Donald Trump", 2)],
                cue: [at(text, "said", 3)], sourceName: "Donald Trump"),
            // A wrong source whose resolved name shares only the surname.
            AttributionRelation(
                id: "P4", content: [at(text, "D happened")], source: [at(text, "Trump", 3)],
                cue: [at(text, "said", 4)], sourceName: "Hillary Clinton"),
        ]
        var g = gold
        g[1].cue = [at(text, "said", 2)]
        g[2].cue = [at(text, "said", 3)]
        g[2].source = [at(text, "Trump", 3)]
        g[3].cue = [at(text, "said", 4)]
        let e = score(text, gold: g, predicted: predicted)
        #expect(e.scores.sourceMatchedBy == ["span": 1, "antecedent": 1, "name": 1])
        #expect(e.scores.sourceCorrect == 3)
        #expect(e.scores.sourceCompared == 4)
        #expect(e.scores.source == PRF(truePositives: 3, falsePositives: 1, falseNegatives: 1))
        #expect(e.scores.sourceSpan == PRF(truePositives: 1, falsePositives: 3, falseNegatives: 3))
        #expect(e.scores.cue == PRF(truePositives: 4))
        #expect(e.misses.map(\.kind) == [.source])
        #expect(e.misses[0].gold?.id == "E4")
    }

    @Test func appositivesAndRelativeClausesAreLeftOutOfSourceMentions() {
        let text =
            "Kerr Putney, the police chief, said A happened. Sen. Ann Ruiz (R-Ga.) said B happened. Tom Li, who runs the fund, said C happened. Jean-Paul Sartre said D happened."
        let gold = [
            relation("E1", text, content: ["A happened"], source: "Kerr Putney, the police chief,", cue: "said"),
            relation("E2", text, content: ["B happened"], source: "Sen. Ann Ruiz (R-Ga.)", cue: "said"),
            relation("E3", text, content: ["C happened"], source: "Tom Li, who runs the fund,", cue: "said"),
            relation("E4", text, content: ["D happened"], source: "Jean-Paul Sartre", cue: "said"),
        ]
        let predicted = [
            relation("P1", text, content: ["A happened"], source: "Kerr Putney", cue: "said"),
            relation("P2", text, content: ["B happened"], source: "Sen. Ann Ruiz", cue: "said"),
            relation("P3", text, content: ["C happened"], source: "Tom Li", cue: "said"),
            // A hyphen inside a name does not cut it.
            relation("P4", text, content: ["D happened"], source: "Sartre", cue: "said"),
        ]
        let e = score(text, gold: gold, predicted: predicted)
        #expect(e.scores.sourceMatchedBy == ["span": 3, "name": 1])
    }

    @Test func sameEntityRule() {
        #expect(AttributionScorer.sameEntity(["trump"], ["republican", "nominee", "donald", "trump"]))
        #expect(AttributionScorer.sameEntity(["the", "new", "york", "post"], ["new", "york", "post"]))
        #expect(!AttributionScorer.sameEntity(["bill", "clinton"], ["hillary", "clinton"]))
        #expect(!AttributionScorer.sameEntity(["clinton"], ["clinton", "campaign"]))
        #expect(!AttributionScorer.sameEntity(["he"], ["he"]), "pronouns name no entity by themselves")
        #expect(!AttributionScorer.sameEntity(["the"], ["the"]))
    }

    @Test func noSourceGoldAndWrongCues() {
        let text = "The plan, it is feared, will fail. Aides said the vote slipped."
        let gold = [
            relation("E1", text, content: ["The plan"], cue: "it is feared"),
            relation("E2", text, content: ["the vote slipped"], source: "Aides", cue: "said"),
        ]
        let predicted = [
            relation("P1", text, content: ["The plan"], source: "it", cue: "feared"),
            relation("P2", text, content: ["the vote slipped"], source: "Aides", cue: "Aides said"),
        ]
        let e = score(text, gold: gold, predicted: predicted)
        #expect(e.scores.contentExact == PRF(truePositives: 2))
        // A source predicted where the gold has none is a source false positive, not compared.
        #expect(e.scores.source == PRF(truePositives: 1, falsePositives: 1))
        #expect(e.scores.sourceCompared == 1)
        #expect(e.scores.cue == PRF(truePositives: 0, falsePositives: 2, falseNegatives: 2))
        #expect(e.misses.map(\.kind) == [.cue, .cue])
    }

    @Test func scoresAccumulateAndEmptyArticlesAreNeutral() {
        let empty = score("Nothing here.", gold: [], predicted: []).scores
        #expect(empty.contentOverlap.f1 == 1)
        var total = AttributionScores()
        let text = "X said A. Y said B."
        let one = score(text, gold: [relation("E1", text, content: ["A"], source: "X", cue: "said")], predicted: [])
            .scores
        total.accumulate(one)
        total.accumulate(one)
        #expect(total.gold == 2)
        #expect(total.contentOverlap == PRF(truePositives: 0, falsePositives: 0, falseNegatives: 2))
        #expect(total.contentOverlap.f1 == 0)
        #expect(total.contentOverlap.precision == 1)
    }
}
