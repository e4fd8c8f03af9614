/// The order of the rules, written out once.
///
/// Attribution sieves run first, most precise first (CoreNLP's ordering principle):
/// patterns at a quotation's edge, then reported speech, then the rules that build on
/// claims already found (participles, coordination, nesting, relays, time), then the
/// quotation rules that inherit an attribution, and last the narrator's sentences.
/// Resolution sieves then turn every source mention into a name, role and type.
public enum Pipeline {
    static let attribution: [any AttributionSieve] = [
        HeadlineColonSieve(),
        SpeakerLabelSieve(),
        QuotedAsSayingSieve(),
        QuoteTrailingCueSieve(),
        QuoteLeadInSieve(),
        ColonLeadInSieve(),
        DashAttributionSieve(),
        AccordingToSieve(),
        ReportedSpeechSieve(),
        TrailingAttributionSieve(),
        StatementTimeSieve(),
        LoneRelayPhraseSieve(),
        NestedAttributionSieve(),
        RelayPhraseSieve(),
        ParticipialCueSieve(),
        CoordinatedCueSieve(),
        CoordinatedContentSieve(),
        SameParagraphQuoteSieve(),
        ContinuedQuoteSieve(),
        FloatingQuoteSieve(),
        UnattributedSentenceSieve(),
    ]

    /// The resolution rules as a tuple, so that `resolve` calls each one directly (through
    /// the array, every call copied and opened an existential: a few percent of the time).
    static let resolutionRules = (
        RelativePronounSourceSieve(),
        PronounSourceSieve(),
        AcronymSourceSieve(),
        ShortNameSourceSieve(),
        RoleAndNameSieve(),
        SourceTypeSieve()
    )

    static let resolution: [any ResolutionSieve] = {
        var rules: [any ResolutionSieve] = []
        func add<each R: ResolutionSieve>(_ all: (repeat each R)) { for rule in repeat each all { rules.append(rule) } }
        add(resolutionRules)
        return rules
    }()

    /// Runs the resolution rules in order on `source` until it is complete.
    static func resolve(_ source: inout PartialSource, mention: MentionDraft, context: ResolutionContext) {
        func run<each R: ResolutionSieve>(_ all: (repeat each R)) {
            for rule in repeat each all {
                if source.isComplete { break }
                rule.apply(to: &source, mention: mention, context: context)
            }
        }
        run(resolutionRules)
    }

    /// The names of the attribution rules, in the order they run.
    public static let attributionRuleNames: [String] = attribution.map { type(of: $0).name }
    /// The names of the source-resolution rules, in the order they run.
    public static let resolutionRuleNames: [String] = resolution.map { type(of: $0).name }
}
