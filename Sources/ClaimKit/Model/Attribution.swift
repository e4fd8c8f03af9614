/// What kind of entity a source is (see docs/ANNOTATION.md, "type").
public enum SourceType: String, Codable, Sendable, CaseIterable {
    /// A named individual (`Fuat Oktay`).
    case person
    /// A company, party, union, court, agency, NGO, team or international body.
    case organization
    /// A news organisation or outlet (`Reuters`, `state media`).
    case media
    /// A state, government, ministry or government office, or its metonym (`the Kremlin`).
    case government
    /// A report, study, filing, memo, statement, survey or figures.
    case document
    /// An unnamed plural of people described by what they are (`residents`, `analysts`).
    case group
    /// An unnamed individual or group whose identity is withheld or not given (`a source`).
    case anonymous
}

/// Who or what a claim is attributed to: the PARC *source*.
public struct Source: Hashable, Sendable, Codable {
    /// The mention as written (a pronoun stays a pronoun).
    public var text: String
    /// UTF-8 byte offsets of the mention.
    public var span: Span
    /// The resolved name: a person's full name without title, an acronym's full form,
    /// otherwise the mention without a leading "the".
    public var name: String
    // `Optional<…>` spelled out: a `T?` stored property is implicitly initialised to nil,
    // and `init` then stored nil, released it and stored the argument, and copied the value.
    // swift-format-ignore: UseShorthandTypeNames
    /// Title or description of a person ("Turkish Vice President"), if the article gives one.
    public var role: Optional<String>
    /// Person, organization, media, government, document, group or anonymous.
    public var type: SourceType

    /// Creates a source; `span` is in UTF-8 byte offsets.
    public init(text: String, span: Span, name: String, role: String? = nil, type: SourceType) {
        self.text = text
        self.span = span
        self.name = name
        self.role = role
        self.type = type
    }
}

/// The reporting expression: the PARC *cue* ("said", "according to", "told").
public struct Cue: Hashable, Sendable, Codable {
    /// The cue as written, one contiguous stretch ("has said", "said in a statement").
    public var text: String
    /// UTF-8 byte offsets of the cue.
    public var span: Span
    /// Base form from the cue lexicon ("say", "tell", "according to").
    public var lemma: String

    /// Creates a cue; `span` is in UTF-8 byte offsets.
    public init(text: String, span: Span, lemma: String) {
        self.text = text
        self.span = span
        self.lemma = lemma
    }
}

/// One step of a reported-by chain: a source and the cue through which it passed the claim on.
public struct Hop: Hashable, Sendable, Codable {
    /// The relay (`the Reuters news agency`).
    public var source: Source
    /// How it passed the claim on (`as reported by`).
    public var cue: Cue
    // `Optional<…>` spelled out: see `Source.role`.
    // swift-format-ignore: UseShorthandTypeNames
    /// When this hop made the statement, if the article says ("earlier this month").
    public var time: Optional<TextSpan>

    /// Creates a hop.
    public init(source: Source, cue: Cue, time: TextSpan? = nil) {
        self.source = source
        self.cue = cue
        self.time = time
    }
}

/// Source, cue and reported-by chain of a claim.
///
/// The claim's ``source`` is its **origin**; ``via`` lists the relays through which it
/// reached the article, outermost first. ``chain`` is the whole path: `via` then the origin.
/// "C, according to a report by UN experts, as reported by Reuters" has
/// `via == [Reuters]`, `source == a report by UN experts`.
public struct Attribution: Hashable, Sendable, Codable {
    /// The origin of the claim.
    public var source: Source
    /// The origin's cue.
    public var cue: Cue
    // `Optional<…>` spelled out: see `Source.role`.
    // swift-format-ignore: UseShorthandTypeNames
    /// When the origin made the statement, if the article says.
    public var time: Optional<TextSpan>
    /// Relays between the article and the origin, outermost first.
    public var via: [Hop]

    /// Creates an attribution; `via` lists relays outermost first.
    public init(source: Source, cue: Cue, time: TextSpan? = nil, via: [Hop] = []) {
        self.source = source
        self.cue = cue
        self.time = time
        self.via = via
    }

    /// The reported-by chain: relays outermost first, the origin last.
    public var chain: [Hop] { via + [Hop(source: source, cue: cue, time: time)] }
}
