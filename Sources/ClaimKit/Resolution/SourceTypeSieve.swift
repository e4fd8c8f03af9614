/// Types every source still untyped, by the closed word lists of the lexicon:
/// a document noun heading the phrase ("a report by …") → document; an outlet word or
/// name → media; a government word or country → government; an organisation word →
/// organization; an anonymity marker ("familiar with", "asked not to be named") or an
/// indefinite individual ("a spokeswoman") → anonymous; a plural noun → group.
/// The name of a non-person is its mention without a leading "the".
struct SourceTypeSieve: ResolutionSieve {
    static let name = "SourceType"

    func apply(to source: inout PartialSource, mention: MentionDraft, context: ResolutionContext) {
        let text = context.text
        let type = Self.type(of: mention, text)
        source.decide(name: text.coreString(text.withoutArticle(mention.tokens)), role: .some(nil), type: type, by: Self.name)
    }

    static func type(of mention: MentionDraft, _ text: TextAnalysis) -> SourceType {
        let range = mention.tokens
        // The head region: up to the first preposition ("a report | by UN experts").
        var headEnd = range.upperBound
        for t in range.dropFirst() where text.tokens[t].kind == .word && text.classes(t).contains(.preposition) {
            headEnd = t
            break
        }
        let head = range.lowerBound..<headEnd
        func any(_ r: Range<Int>, _ cls: WordClass) -> Bool { r.contains { !text.classes($0).isDisjoint(with: cls) } }
        let extra = [mention.appositive, mention.parenthetical].compactMap { $0 }
        if any(head, .documentWord) { return .document }
        if any(range, [.mediaName, .mediaWord]) { return .media }
        if any(head, [.governmentWord, .country]) { return .government }
        if any(head, .organizationWord) { return .organization }
        if any(range, .anonymityMarker) || extra.contains(where: { any($0, .anonymityMarker) }) { return .anonymous }
        if any(head, .groupWord) && !isIndefiniteSingular(range, text) { return .group }
        if any(head, .anonymousWord) { return .anonymous }
        if range.contains(where: { text.tokens[$0].flags.contains(.capitalized) && !text.classes($0).contains(.article) }) {
            return .organization
        }
        return isIndefiniteSingular(range, text) ? .anonymous : .group
    }

    private static func isIndefiniteSingular(_ range: Range<Int>, _ text: TextAnalysis) -> Bool {
        guard let first = range.first else { return false }
        let key = text.tokens[first].key
        return key == WordKey.of("a") || key == WordKey.of("an") || key == WordKey.of("one")
    }

    /// Types a resolved full name ("Government of National Accord") by its words.
    static func type(ofName name: String, lexicon: LexiconIndex) -> SourceType {
        let words = name.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map { WordKey.of(String($0)) }
        let classes = words.map { lexicon.classes(of: $0) }
        if classes.contains(where: { $0.contains(.governmentWord) || $0.contains(.country) }) { return .government }
        if classes.contains(where: { $0.contains(.mediaWord) || $0.contains(.mediaName) }) { return .media }
        return .organization
    }
}
