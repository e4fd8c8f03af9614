import Foundation

/// A language's cue lexicon and closed word lists, as data.
///
/// Everything the extractor knows about a language's words lives here: reporting
/// verbs in all their forms, multi-word cues ("according to", "as reported by"),
/// the phrases that extend a cue ("in a statement"), and closed lists (pronouns,
/// titles, determiners, abbreviations, time words, the nouns that type a source).
/// English ships as ``english``; another language is a JSON file of the same shape
/// loaded with ``init(json:)`` (see docs/LEXICON.md). Matching is case-insensitive
/// and treats ’ and ‘ as '.
public struct Lexicon: Sendable, Codable, Equatable {
    /// What a reporting verb introduces (PARC's distinction of speech from belief).
    public enum CueClass: String, Sendable, Codable {
        /// Speech and writing: say, tell, write, deny.
        case speech
        /// Beliefs with a finite clause: believe, expect, fear.
        case belief
        /// What documents do: show, find, reveal.
        case document
    }

    /// What must follow a reporting verb for its clause to be a reported content.
    public enum Complement: String, Sendable, Codable {
        /// Any clause: "said prices rose".
        case bare
        /// A clause with a finite auxiliary or modal before any "to": "expects the deal
        /// will pass" but not "expects the deal to pass".
        case finite
        /// Only "that", a quotation or a colon: "agreed that …", not "agreed a deal".
        case that
    }

    /// A reporting verb and its inflected forms.
    public struct Verb: Sendable, Codable, Equatable {
        /// Base form, reported as the cue's lemma.
        public var lemma: String
        /// Every form that is a cue, base form first, then the third person (which are
        /// often nouns too: "report", "claims").
        public var forms: [String]
        public var `class`: CueClass
        /// What the verb needs after it; `bare` when absent.
        public var complement: Complement?
        /// Whether its base and third-person forms are also nouns ("report", "claims"),
        /// which may then stand inside a source's noun phrase.
        public var noun: Bool?

        public init(
            lemma: String, forms: [String], class: CueClass = .speech, complement: Complement? = nil, noun: Bool? = nil
        ) {
            self.lemma = lemma
            self.forms = forms
            self.class = `class`
            self.complement = complement
            self.noun = noun
        }
    }

    /// How a multi-word cue relates to the source that follows it.
    public enum PhraseRole: String, Sendable, Codable {
        /// The source follows: "according to X".
        case sourceAfter
        /// A relay follows: "as reported by Y", "cited by Y", "seen by Y".
        case relayAfter
        /// The origin follows a relay's cue: "Y reported, citing X".
        case originAfter
    }

    /// A multi-word (or non-verb) cue.
    public struct Phrase: Sendable, Codable, Equatable {
        public var text: String
        public var lemma: String
        public var role: PhraseRole

        public init(text: String, lemma: String, role: PhraseRole) {
            self.text = text
            self.lemma = lemma
            self.role = role
        }
    }

    /// Language tag, e.g. `en`.
    public var language: String
    public var verbs: [Verb]
    public var phrases: [Phrase]
    /// Phrases joined to a verb cue they directly follow ("in a statement", "on Facebook").
    public var cueExtensions: [String]
    /// Auxiliaries that join a verb cue they directly precede ("has said", "will tell").
    public var auxiliaries: [String]
    /// Adverbs that may stand inside a verb group or between source and cue ("also").
    public var adverbs: [String]
    /// Words that cancel a cue right before it ("not", "never").
    public var negations: [String]
    /// Words after which a cue form is not a cue ("the said company", "That said").
    public var cueBlockers: [String]
    /// Closed word lists, keyed by list name (see docs/LEXICON.md for the names used).
    public var words: [String: [String]]

    public init(
        language: String, verbs: [Verb], phrases: [Phrase], cueExtensions: [String],
        auxiliaries: [String], adverbs: [String], negations: [String], cueBlockers: [String],
        words: [String: [String]]
    ) {
        self.language = language
        self.verbs = verbs
        self.phrases = phrases
        self.cueExtensions = cueExtensions
        self.auxiliaries = auxiliaries
        self.adverbs = adverbs
        self.negations = negations
        self.cueBlockers = cueBlockers
        self.words = words
    }

    /// Decodes a lexicon from JSON.
    ///
    /// - Throws: `DecodingError` when the JSON is malformed or misses a key.
    public init(json: Data) throws {
        self = try JSONDecoder().decode(Lexicon.self, from: json)
    }

    /// The English lexicon shipped with ClaimKit.
    public static let english: Lexicon = {
        do {
            return try Lexicon(json: Data(englishLexiconJSON.utf8))
        } catch {
            // The shipped JSON is checked by a unit test; this cannot fail in a release.
            preconditionFailure("the built-in English lexicon does not decode: \(error)")
        }
    }()

    /// The English lexicon as JSON text: a template for another language.
    public static var englishJSON: String { englishLexiconJSON }
}
