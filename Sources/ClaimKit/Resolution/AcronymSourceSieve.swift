/// "The GNA said": an acronym defined earlier in the article ("Government of National
/// Accord (GNA)") resolves to its full form, typed by its words.
struct AcronymSourceSieve: ResolutionSieve {
    static let name = "AcronymSource"

    func apply(to source: inout PartialSource, mention: MentionDraft, context: ResolutionContext) {
        let text = context.text
        let core = text.withoutArticle(mention.tokens)
        guard core.count == 1, let t = core.first, text.tokens[t].flags.contains(.allCaps),
            let acronym = context.entities.acronym(text.tokens[t].key)
        else { return }
        source.decide(name: acronym.full, role: .some(nil), type: acronym.type, by: Self.name)
    }
}
