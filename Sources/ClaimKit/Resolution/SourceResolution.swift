/// A source being resolved: each resolution rule fills what is still empty.
struct PartialSource {
    var name: String?
    var role: String?
    var roleDecided = false
    var type: SourceType?
    /// The decisions, in order: at most one each for name, role and type, so three slots
    /// rather than an array per source.
    private var fields: (Field, Field, Field) = (.name, .name, .name)
    private var rules: (String, String, String) = ("", "", "")
    private(set) var decisionCount = 0

    /// Fills what is still empty. The values are evaluated only for a field still empty
    /// (a rule's name or role text is a String built from the article: most sources have
    /// their name before the last rule, which would build one for nothing).
    @inline(__always)
    mutating func decide(
        name: @autoclosure () -> String? = nil, role: @autoclosure () -> String?? = nil,
        type: @autoclosure () -> SourceType? = nil, by rule: String
    ) {
        if self.name == nil, let name = name() {
            self.name = name
            record(.name, rule)
        }
        if !roleDecided, let role = role() {
            self.role = role
            roleDecided = true
            if role != nil { record(.role, rule) }
        }
        if self.type == nil, let type = type() {
            self.type = type
            record(.type, rule)
        }
    }

    /// The fields a resolution rule decides (`RuleDecision.field`).
    enum Field {
        case name, role, type

        var name: String {
            switch self {
            case .name: "name"
            case .role: "role"
            case .type: "type"
            }
        }
    }

    private mutating func record(_ field: Field, _ rule: String) {
        switch decisionCount {
        case 0: (fields.0, rules.0) = (field, rule)
        case 1: (fields.1, rules.1) = (field, rule)
        default: (fields.2, rules.2) = (field, rule)
        }
        decisionCount += 1
    }

    /// Appends the decisions, in the order they were made, to `list`.
    func appendDecisions(to list: inout [RuleDecision]) {
        if decisionCount > 0 { list.append(RuleDecision(field: fields.0.name, rule: rules.0)) }
        if decisionCount > 1 { list.append(RuleDecision(field: fields.1.name, rule: rules.1)) }
        if decisionCount > 2 { list.append(RuleDecision(field: fields.2.name, rule: rules.2)) }
    }

    var isComplete: Bool { name != nil && roleDecided && type != nil }
}

/// What resolution rules read and remember across an article, in article order.
struct ResolutionContext {
    let text: TextAnalysis
    let entities: EntityIndex
    /// The latest resolved person, for "he" / "she", and where it was mentioned.
    var lastPerson: (name: String, role: String?)?
    var lastPersonToken = -1
    /// Every resolved person source so far, in article order (for gender agreement).
    var persons: [(name: String, role: String?, token: Int)] = []
    /// The latest resolved plural or collective source, for "they".
    var lastCollective: (name: String, type: SourceType)?
    /// The latest resolved non-person, for "it".
    var lastThing: (name: String, type: SourceType)?
    /// Genders learned from pronouns already resolved ("Maria Lopez … She said" makes
    /// Maria Lopez female), for names the article itself does not gender.
    var pronounGenders: [String: WordClass] = [:]

    /// Whether `name` may be referred to as a pronoun of `gender` (`.male`, `.female`, or
    /// empty for "they"-like pronouns, which fit anyone): the article's own evidence first
    /// (EntityIndex), then earlier pronouns resolved to the name.
    func fits(_ name: String, _ gender: WordClass) -> Bool {
        let known = entities.gender(of: name)
        if known == nil, !pronounGenders.isEmpty, let g = pronounGenders[name] { return gender.isEmpty || g == gender }
        return entities.fits(name, gender, known: known)
    }

    mutating func remember(_ source: PartialSource, mention: MentionDraft) {
        guard let name = source.name, let type = source.type else { return }
        switch type {
        case .person:
            // (The gendered-pronoun test first: the dictionary lookup hashes the name.)
            if mention.tokens.count == 1,
                case let g = text.classes(mention.tokens.lowerBound).intersection([.male, .female]), !g.isEmpty,
                pronounGenders[name] == nil
            {
                pronounGenders[name] = g
            }
            lastPerson = (name, source.role)
            lastPersonToken = mention.tokens.lowerBound
            persons.append((name, source.role, mention.tokens.lowerBound))
        case .group, .anonymous: lastCollective = (name, type)
        case .organization, .government, .media, .document:
            lastThing = (name, type)
            lastCollective = (name, type)
        }
    }
}

/// One source-resolution rule (CoreNLP's mention → speaker stage).
protocol ResolutionSieve: Sendable {
    static var name: String { get }
    func apply(to source: inout PartialSource, mention: MentionDraft, context: ResolutionContext)
}

extension ResolutionSieve {
    var name: String { Self.name }
}

extension TextAnalysis {
    /// The mention's tokens without a leading article.
    func withoutArticle(_ range: Range<Int>) -> Range<Int> {
        if let first = range.first, range.count > 1, tokens[first].kind == .word, classes(first).contains(.article),
            WordKey.theWord == tokens[first].key
        {
            return (first + 1)..<range.upperBound
        }
        return range
    }

    /// Text of a range with a possessive 's of its last word left out.
    func coreString(_ range: Range<Int>) -> String {
        string(Span(Int(tokens[range.lowerBound].start), Int(tokens[range.upperBound - 1].coreEnd)))
    }
}
