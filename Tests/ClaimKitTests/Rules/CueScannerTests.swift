import Testing

@testable import ClaimKit

/// Reporting expressions found before any rule uses them.
@Suite struct CueScannerTests {
    struct Found: Equatable, CustomStringConvertible {
        var text: String
        var lemma: String
        var description: String { "\(text) (\(lemma))" }
    }

    func cues(_ input: String) -> [Found] {
        let a = analyze(input)
        return CueScanner.scan(a).map { Found(text: a.string(tokens: $0.tokens), lemma: a.index.name(of: $0.lemma)) }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var cues: [String]  // "text/lemma"
        var testDescription: String { input }
    }

    @Test(arguments: [
        Case(input: "The pilot said the runway was wet.", cues: ["said/say"]),
        // Auxiliaries join the group; an adverb inside a group stays, one before it does not.
        Case(input: "The pilot has said the runway was wet.", cues: ["has said/say"]),
        Case(input: "The pilot would later tell us the runway was wet.", cues: ["would later tell/tell"]),
        Case(input: "The pilot also said the runway was wet.", cues: ["said/say"]),
        // Cue extensions.
        Case(input: "The airline said in a statement that the runway was wet.", cues: ["said in a statement/say"]),
        // Multi-word phrases.
        Case(input: "The runway was wet, according to the pilot.", cues: ["according to/according to"]),
        Case(input: "The runway was wet, as reported by the Harbour Gazette.", cues: ["as reported by/report"]),
        Case(
            input: "The gazette reported, citing the pilot, that the runway was wet.",
            cues: ["reported/report", "citing/cite"]),
        // Other inflections and lemmas.
        Case(input: "The pilot added that the runway was wet.", cues: ["added/add"]),
        Case(input: "The pilot told us the runway was wet.", cues: ["told/tell"]),
        Case(input: "Pilots believe the runway was wet.", cues: ["believe/believe"]),
    ])
    func finds(_ c: Case) {
        let expected = c.cues.map { s -> Found in
            let parts = s.split(separator: "/")
            return Found(text: String(parts[0]), lemma: String(parts[1]))
        }
        #expect(cues(c.input) == expected)
    }

    @Test(arguments: [
        "The said runway was wet.",  // after a determiner
        "That said, the runway was wet.",  // "That said,"
        "The pilot declined to say whether the runway was wet.",  // an infinitive after "to"
        "The pilot was told the runway was wet.",  // a passive after "be"
        "The pilot did not say whether the runway was wet.",  // negated
        "The pilot never said the runway was wet.",  // negated
        "Our pilot met Said Haddad at the gate.",  // a name
        "His report on the runway was long.",  // after a possessive determiner
    ])
    func doesNotFind(_ input: String) {
        let found = cues(input).map(\.text)
        #expect(found.isEmpty, "\(found)")
    }

    @Test func cueInsideAQuotationIsNotACue() {
        let a = analyze("She said: “The crew said nothing.”")
        let found = CueScanner.scan(a)
        #expect(found.count == 1)
        #expect(found.first.map { a.quotationOfToken[$0.head] } == -1)
    }

    @Test func participleAfterACommaIsMarked() throws {
        let a = analyze("The pilot said the runway was wet, adding that the lights failed.")
        let cues = CueScanner.scan(a)
        #expect(cues.map(\.isParticipial) == [false, true])
        #expect(cues.map { a.index.name(of: $0.lemma) } == ["say", "add"])
    }

    @Test func phraseRolesComeFromTheLexicon() {
        let a = analyze("Fares rose, according to the board, as reported by the Gazette, citing clerks.")
        let roles = CueScanner.scan(a).map(\.phraseRole)
        #expect(roles == [.sourceAfter, .relayAfter, .originAfter])
    }

    @Test func complementComesFromTheLexicon() throws {
        let a = analyze("The union agreed. The pilot warned. The clerk said.")
        let byLemma = Dictionary(
            uniqueKeysWithValues: CueScanner.scan(a).map { (a.index.name(of: $0.lemma), $0.complement) })
        #expect(byLemma["agree"] == .that)
        #expect(byLemma["warn"] == .finite)
        #expect(byLemma["say"] == .bare)
    }

    @Test func cueSentenceIsRecorded() {
        let a = analyze("The ferry left. The pilot said it was late.")
        let cues = CueScanner.scan(a)
        #expect(cues.map(\.sentence) == [1])
    }
}
