import Testing

@testable import ClaimKit

/// `HOST: …` — a transcript line whose speaker label attributes the rest of the paragraph.
@Suite struct SpeakerLabelSieveTests {
    let name = SpeakerLabelSieve.name

    @Test func labelledLineIsADirectClaimOfTheSpeaker() throws {
        let e = extract(
            "Anchor Ruth Galvan questioned the mayor.\n\nGALVAN: Will the pier reopen in May? Residents want to know.")
        let claim = try #require(e.claim("Will the pier reopen in May? Residents want to know"))
        #expect(claim.kind == .direct)
        let a = try #require(claim.attribution)
        #expect(a.source.text == "GALVAN")
        #expect(a.source.name == "Ruth Galvan", "the label resolves through the fuller name")
        #expect(a.cue.text == ":")
        #expect(rule(claim, "content") == name)
    }

    @Test func labelInsideAnOpeningQuotationMark() throws {
        let e = extract("\"MAYOR: The pier reopens next spring.\n\n\"HOST: Thank you.\"")
        #expect(e.claim("The pier reopens next spring")?.attribution?.source.text == "MAYOR")
        #expect(e.claim("Thank you")?.attribution?.source.text == "HOST")
    }

    @Test(arguments: [
        ("Holloway: \u{201C}We stand by the plan.\u{201D}", "Holloway"),
        ("Councillor Ann Ruiz: \"The pier will reopen.\"", "Councillor Ann Ruiz"),
    ])
    func nameLabelBeforeAQuotationFillingTheParagraph(_ line: String, _ label: String) throws {
        let e = extract("The council met on Monday.\n\n" + line)
        let claim = try #require(e.claims.last, "\(line)")
        #expect(claim.kind == .direct, "\(line)")
        #expect(claim.attribution?.source.text == label, "\(line)")
        #expect(claim.attribution?.cue.text == ":", "\(line)")
        #expect(rule(claim, "content") == name)
    }

    @Test(arguments: [
        "Note: the pier reopens in spring.",  // a name label needs a quotation after it
        "Holloway: \"Never,\" the mayor said of the plan.",  // the quotation does not fill the paragraph
        "The mayor said: the pier reopens in spring.",  // a lowercase lead-in is not a label
        "NOTE the pier reopens in spring.",  // no colon
        "Ferry timetable: summer and winter",  // a headline, not a capitals label
    ])
    func notALabel(_ input: String) {
        let e = extract(input)
        #expect(!e.claims.flatMap(\.decidedBy).contains { $0.rule == name }, "\(input)")
    }
}
