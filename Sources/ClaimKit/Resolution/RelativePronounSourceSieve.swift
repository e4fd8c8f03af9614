/// "Trump, who says he is honored": a relative pronoun source ("who", "which") is
/// resolved through its antecedent, the noun phrase it follows, by the other rules.
/// PolNeAR annotates the pronoun itself as the source, as this rule keeps it.
struct RelativePronounSourceSieve: ResolutionSieve {
    static let name = "RelativePronounSource"

    func apply(to source: inout PartialSource, mention: MentionDraft, context: ResolutionContext) {
        guard let antecedent = mention.antecedent else { return }
        var resolved = PartialSource()
        for sieve in Pipeline.resolution where !(sieve is RelativePronounSourceSieve) && !resolved.isComplete {
            sieve.apply(to: &resolved, mention: MentionDraft(tokens: antecedent), context: context)
        }
        source.decide(name: resolved.name, role: .some(resolved.role), type: resolved.type, by: Self.name)
    }
}
