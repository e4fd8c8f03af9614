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
        QuoteTrailingCueSieve(),
        QuoteLeadInSieve(),
        DashAttributionSieve(),
        AccordingToSieve(),
        ReportedSpeechSieve(),
        TrailingAttributionSieve(),
        StatementTimeSieve(),
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

    static let resolution: [any ResolutionSieve] = [
        RelativePronounSourceSieve(),
        PronounSourceSieve(),
        AcronymSourceSieve(),
        ShortNameSourceSieve(),
        RoleAndNameSieve(),
        SourceTypeSieve(),
    ]

    /// The names of the attribution rules, in the order they run.
    public static let attributionRuleNames: [String] = attribution.map { type(of: $0).name }
    /// The names of the source-resolution rules, in the order they run.
    public static let resolutionRuleNames: [String] = resolution.map { type(of: $0).name }
}
