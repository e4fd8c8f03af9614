import Foundation
import Testing

@testable import ClaimKit

/// The cue lexicon as data: English ships as JSON; another language is a JSON file.
@Suite struct LexiconTests {
    @Test func literalWordKeysAreTheKeysOfTheirWords() {
        #expect(WordKey.andWord == WordKey.of("and"))
        #expect(WordKey.ofWord == WordKey.of("of"))
        #expect(WordKey.fromWord == WordKey.of("from"))
        #expect(WordKey.youWord == WordKey.of("you"))
        #expect(WordKey.theWord == WordKey.of("the"))
        #expect(WordKey.councilWord == WordKey.of("council"))
        let events = WordKey.eventPrepositions
        #expect(
            [events.0, events.1, events.2, events.3] == ["after", "before", "during", "following"].map(WordKey.of))
    }

    @Test func englishJSONDecodes() throws {
        let decoded = try Lexicon(json: Data(Lexicon.englishJSON.utf8))
        #expect(decoded == Lexicon.english)
        #expect(decoded.language == "en")
        #expect(!decoded.verbs.isEmpty)
        #expect(!decoded.phrases.isEmpty)
    }

    @Test func everyVerbHasItsBaseFormFirstAndNoFormIsShared() {
        var owner: [String: String] = [:]
        for verb in Lexicon.english.verbs {
            #expect(!verb.forms.isEmpty, "\(verb.lemma) has no forms")
            #expect(verb.forms.first == verb.lemma, "\(verb.lemma): the base form comes first")
            #expect(verb.forms.count >= 3, "\(verb.lemma) lists too few forms")
            for form in verb.forms {
                #expect(form == form.lowercased() && !form.contains(" "), "\(verb.lemma): “\(form)”")
                if let other = owner[form] { Issue.record("“\(form)” is a form of both \(other) and \(verb.lemma)") }
                owner[form] = verb.lemma
            }
        }
    }

    @Test func everyPhraseHasTextLemmaAndRole() {
        for phrase in Lexicon.english.phrases {
            #expect(!phrase.text.isEmpty && !phrase.lemma.isEmpty)
            #expect(phrase.text == phrase.text.lowercased())
        }
        let according = Lexicon.english.phrases.first { $0.text == "according to" }
        #expect(according?.role == .sourceAfter)
    }

    @Test func everyWordListIsOneTheIndexReads() {
        let known = Set(WordClass.listNames.map(\.0))
        let unread = Lexicon.english.words.keys.filter { !known.contains($0) }.sorted()
        #expect(unread.isEmpty, "unread lists: \(unread)")
    }

    @Test func roundTripsThroughJSONEncoder() throws {
        let data = try JSONEncoder().encode(Lexicon.english)
        let back = try Lexicon(json: data)
        #expect(back == Lexicon.english)
    }

    @Test(arguments: [
        "",
        "{}",
        #"{"language": "en"}"#,
        #"{"language": "en", "verbs": [{"lemma": "say"}], "phrases": [], "cueExtensions": [], "auxiliaries": [], "adverbs": [], "negations": [], "cueBlockers": [], "words": {}}"#,
    ])
    func malformedLexiconThrows(_ json: String) {
        #expect(throws: LexiconError.self) { try Lexicon(json: Data(json.utf8)) }
    }

    // MARK: A second language

    /// A toy lexicon, made up for the test: enough Spanish words for two cues.
    static let toyJSON = #"""
        {
          "language": "es",
          "verbs": [
            { "lemma": "decir", "forms": ["decir", "dice", "dijo", "dicho", "diciendo"], "class": "speech", "complement": "bare" },
            { "lemma": "afirmar", "forms": ["afirmar", "afirma", "afirmó"], "class": "speech" }
          ],
          "phrases": [ { "text": "según", "lemma": "según", "role": "sourceAfter" } ],
          "cueExtensions": [],
          "auxiliaries": ["ha"],
          "adverbs": ["también"],
          "negations": ["no"],
          "cueBlockers": ["el", "la", "los", "las"],
          "words": {
            "complementizers": ["que"],
            "articles": ["el", "la", "los", "las"],
            "determiners": ["el", "la", "los", "las"],
            "personPronouns": ["él", "ella"]
          }
        }
        """#

    @Test func toyLexiconDecodes() throws {
        let toy = try Lexicon(json: Data(Self.toyJSON.utf8))
        #expect(toy.language == "es")
        #expect(toy.verbs.map(\.lemma) == ["decir", "afirmar"])
        #expect(toy.verbs[1].complement == nil, "an absent complement decodes as nil (bare)")
        #expect(toy != Lexicon.english)
    }

    @Test func toyLexiconExtractsReportedSpeech() throws {
        let toy = try Lexicon(json: Data(Self.toyJSON.utf8))
        let e = extract("Ana Torres dijo que los precios subirían.", lexicon: toy)
        #expect(e.claims.count == 1)
        let claim = try #require(e.claims.first)
        #expect(claim.kind == .indirect)
        #expect(claim.text == "los precios subirían")
        #expect(claim.attribution?.source.text == "Ana Torres")
        #expect(claim.attribution?.source.name == "Ana Torres")
        #expect(claim.attribution?.source.type == .person)
        #expect(claim.attribution?.cue.text == "dijo")
        #expect(claim.attribution?.cue.lemma == "decir")
        #expect(rule(claim, "content") == ReportedSpeechSieve.name)
    }

    @Test func toyLexiconAuxiliaryJoinsTheCue() throws {
        let toy = try Lexicon(json: Data(Self.toyJSON.utf8))
        let e = extract("Ana Torres ha dicho que los precios subirían.", lexicon: toy)
        let claim = try #require(e.claims.first)
        #expect(claim.attribution?.cue.text == "ha dicho")
        #expect(claim.attribution?.cue.lemma == "decir")
    }

    @Test func toyLexiconPhraseCue() throws {
        let toy = try Lexicon(json: Data(Self.toyJSON.utf8))
        let e = extract("Los precios subirán, según el ministerio.", lexicon: toy)
        let claim = try #require(e.claim("Los precios subirán"))
        #expect(claim.attribution?.cue.text == "según")
        #expect(claim.attribution?.cue.lemma == "según")
        #expect(claim.attribution?.source.text == "el ministerio")
        #expect(rule(claim, "content") == AccordingToSieve.name)
    }

    @Test func toyLexiconNegationBlocksTheCue() throws {
        let toy = try Lexicon(json: Data(Self.toyJSON.utf8))
        let e = extract("Ana Torres no dijo que los precios subirían.", lexicon: toy)
        #expect(e.attributed.isEmpty)
    }

    @Test func englishCuesAreNotCuesInTheToyLanguage() throws {
        let toy = try Lexicon(json: Data(Self.toyJSON.utf8))
        let e = extract("Ana Torres said that prices would rise.", lexicon: toy)
        #expect(e.attributed.isEmpty)
        #expect(e.claims.map(\.kind) == [.unattributed])
    }
}
