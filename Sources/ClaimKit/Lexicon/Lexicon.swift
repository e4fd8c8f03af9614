import Foundation

/// Why a lexicon JSON document cannot be used.
public struct LexiconError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and where (a line and column, or a key path such as `phrases.3`).
    public var message: String
    /// The message.
    public var description: String { message }
}

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
        /// The verb relays: its object is the origin, whose own cue follows after a
        /// preposition ("Reuters quoted the minister as saying …"; nested attribution,
        /// PARC's source of a source). No clause right after the verb is its content.
        case originObject
    }

    /// A reporting verb and its inflected forms.
    public struct Verb: Sendable, Codable, Equatable {
        /// Base form, reported as the cue's lemma.
        public var lemma: String
        /// Every form that is a cue, base form first, then the third person (which are
        /// often nouns too: "report", "claims").
        public var forms: [String]
        /// What the verb introduces: speech, belief or what a document shows.
        public var `class`: CueClass
        /// What the verb needs after it; `bare` when absent.
        public var complement: Complement?
        /// Whether its base and third-person forms are also nouns ("report", "claims"),
        /// which may then stand inside a source's noun phrase.
        public var noun: Bool?

        /// Creates a verb entry; see the properties for each field.
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
        /// The phrase as written, words separated by single spaces ("according to").
        public var text: String
        /// Reported as the cue's lemma ("report" for "as reported by").
        public var lemma: String
        /// How the phrase relates to the noun phrase after it.
        public var role: PhraseRole

        /// Creates a phrase entry.
        public init(text: String, lemma: String, role: PhraseRole) {
            self.text = text
            self.lemma = lemma
            self.role = role
        }
    }

    /// Language tag, e.g. `en`.
    public var language: String
    /// The reporting verbs and their forms.
    public var verbs: [Verb]
    /// Multi-word and non-verb cues.
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

    /// Creates a lexicon from its parts (see docs/LEXICON.md for what each holds).
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
    /// - Throws: ``LexiconError`` when the JSON is malformed, misses a key, has a value of
    ///   the wrong type, or holds an empty verb form, phrase or extension.
    public init(json: Data) throws {
        let bytes = Array(json)
        var parser = JSONParser(bytes: bytes)
        do {
            _ = try parser.parse()
        } catch let e as JSONSyntaxError {
            throw LexiconError(message: "invalid JSON at \(e.location.line):\(e.location.column): \(e.message)")
        }
        do {
            self = try JSONDecoder().decode(Lexicon.self, from: json)
        } catch let DecodingError.keyNotFound(key, context) {
            throw LexiconError(message: "missing key \"\(key.stringValue)\"\(Self.at(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.dataCorrupted(context)
        {
            throw LexiconError(message: "\(context.debugDescription)\(Self.at(context.codingPath))")
        }
        try validate()
    }

    private static func at(_ path: [CodingKey]) -> String {
        path.isEmpty ? "" : " at " + path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    /// Empty entries would match nothing or everything: refused with where they are.
    private func validate() throws {
        for (k, verb) in verbs.enumerated() {
            if verb.lemma.isEmpty || verb.forms.isEmpty || verb.forms.contains(where: \.isEmpty) {
                throw LexiconError(message: "verbs.\(k) needs a lemma and non-empty forms")
            }
        }
        for (k, phrase) in phrases.enumerated() where phrase.text.split(separator: " ").isEmpty {
            throw LexiconError(message: "phrases.\(k) has an empty text")
        }
        for (k, e) in cueExtensions.enumerated() where e.split(separator: " ").isEmpty {
            throw LexiconError(message: "cueExtensions.\(k) is empty")
        }
    }

    /// The English lexicon shipped with ClaimKit.
    public static let english: Lexicon = {
        do {
            // Straight to the decoder: the syntax pass that gives a user's lexicon its
            // line:column cost a sixth of every process's start-up, and this JSON is checked
            // by LexiconTests (and by `validate`, still run here).
            let lexicon = try JSONDecoder().decode(Lexicon.self, from: Data(englishLexiconJSON.utf8))
            try lexicon.validate()
            return lexicon
        } catch {
            // The shipped JSON is checked by a unit test; this cannot fail in a release.
            preconditionFailure("the built-in English lexicon does not decode: \(error)")
        }
    }()

    /// The English lexicon as JSON text: a template for another language.
    public static var englishJSON: String { englishLexiconJSON }
}
