import Testing

@testable import ClaimKit

/// The rule names the per-rule tests check in `decidedBy` are the names the pipeline runs.
@Suite struct PipelineTests {
    @Test func attributionRulesRunInTheDocumentedOrder() {
        #expect(
            Pipeline.attributionRuleNames == [
                HeadlineColonSieve.name, SpeakerLabelSieve.name, QuotedAsSayingSieve.name, QuoteTrailingCueSieve.name,
                QuoteLeadInSieve.name,
                ColonLeadInSieve.name, DashAttributionSieve.name,
                AccordingToSieve.name, ReportedSpeechSieve.name, TrailingAttributionSieve.name, StatementTimeSieve.name,
                LoneRelayPhraseSieve.name,
                NestedAttributionSieve.name, RelayPhraseSieve.name, ParticipialCueSieve.name, CoordinatedCueSieve.name,
                CoordinatedContentSieve.name, SameParagraphQuoteSieve.name,
                ContinuedQuoteSieve.name, FloatingQuoteSieve.name, UnattributedSentenceSieve.name,
            ])
        #expect(Pipeline.attributionRuleNames.last == "UnattributedSentence", "narrator sentences come last")
    }

    @Test func resolutionRulesRunInTheDocumentedOrder() {
        #expect(
            Pipeline.resolutionRuleNames == [
                RelativePronounSourceSieve.name, PronounSourceSieve.name, AcronymSourceSieve.name,
                ShortNameSourceSieve.name,
                RoleAndNameSieve.name,
                SourceTypeSieve.name,
            ])
    }

    @Test func ruleNamesAreUnique() {
        let names = Pipeline.attributionRuleNames + Pipeline.resolutionRuleNames
        #expect(Set(names).count == names.count)
    }

    @Test func everyDecisionNamesAPipelineRule() {
        let known = Set(Pipeline.attributionRuleNames + Pipeline.resolutionRuleNames)
        let article = """
            Harbour master: ferries to stop

            ELSWICK (Wirenews) - Harbour master Ana Ortiz said on Monday that the pier was sound, adding that repairs \
            would start soon. “It will last,” she said. Fares rose, according to the board, as reported by the \
            Elswick Gazette. The ferry sank.

            “We owe them our lives.”
            """
        let e = extract(article)
        #expect(e.claims.count >= 6)
        for claim in e.claims {
            #expect(!claim.decidedBy.isEmpty)
            for d in claim.decidedBy { #expect(known.contains(d.rule), "\(d.rule)") }
            #expect(claim.decidedBy.first?.field == "content")
        }
    }
}
