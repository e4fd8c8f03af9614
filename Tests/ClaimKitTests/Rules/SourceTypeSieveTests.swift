import Testing

@testable import ClaimKit

/// The type of a non-person source from its head noun, and its name without "the".
@Suite struct SourceTypeSieveTests {
    let name = SourceTypeSieve.name

    struct Case: CustomTestStringConvertible, Sendable {
        var subject: String
        var name: String
        var type: SourceType
        var testDescription: String { subject }
    }

    @Test(arguments: [
        Case(subject: "Analysts", name: "Analysts", type: .group),
        Case(subject: "Teachers", name: "Teachers", type: .group),
        Case(subject: "Harbour officials", name: "Harbour officials", type: .group),
        Case(subject: "A spokeswoman", name: "A spokeswoman", type: .anonymous),
        Case(subject: "A source", name: "A source", type: .anonymous),
        Case(subject: "Two harbour officials", name: "Two harbour officials", type: .anonymous),
        Case(
            subject: "Two people familiar with the talks", name: "Two people familiar with the talks", type: .anonymous),
        Case(subject: "The report", name: "report", type: .document),
        Case(subject: "The survey", name: "survey", type: .document),
        Case(subject: "A report by the harbour board", name: "A report by the harbour board", type: .document),
        Case(subject: "State media", name: "State media", type: .media),
        Case(subject: "The state-run news agency", name: "state-run news agency", type: .media),
        Case(subject: "Reuters", name: "Reuters", type: .media),
        Case(subject: "The Elswick Gazette", name: "Elswick Gazette", type: .media),
        Case(subject: "The ministry", name: "ministry", type: .government),
        Case(subject: "The Ministry of Transport", name: "Ministry of Transport", type: .government),
        Case(subject: "The Kremlin", name: "Kremlin", type: .government),
        Case(subject: "Norway", name: "Norway", type: .government),
        Case(subject: "Elswick Council", name: "Elswick Council", type: .government),
        Case(subject: "Police", name: "Police", type: .organization),
        Case(subject: "The union", name: "union", type: .organization),
        Case(subject: "The Elswick Ferry Company", name: "Elswick Ferry Company", type: .organization),
    ])
    func typeAndName(_ c: Case) throws {
        let e = extract("\(c.subject) said fares would rise.")
        let claim = try #require(e.claim("fares would rise"))
        let source = try #require(claim.attribution?.source)
        #expect(source.text == c.subject)
        #expect(source.name == c.name)
        #expect(source.type == c.type)
        #expect(source.role == nil)
        #expect(rule(claim, "type") == name)
        #expect(rule(claim, "name") == name)
    }

    @Test func anonymityMarkerInARelativeClause() throws {
        let e = extract("Two sailors, who asked not to be named, said fares would rise.")
        let claim = try #require(e.claim("fares would rise"))
        #expect(claim.attribution?.source.text == "Two sailors")
        #expect(claim.attribution?.source.type == .anonymous)
    }

    @Test func possessiveSIsLeftOutOfTheName() throws {
        let e = extract("Fares rose, according to the ministry's figures.")
        let claim = try #require(e.claims.first)
        #expect(claim.attribution?.source.type == .document)
    }

    @Test func relayHopsAreTypedToo() throws {
        let e = extract("Fares rose, according to the harbour board, as reported by the Elswick Gazette.")
        let claim = try #require(e.claims.first)
        #expect(claim.attribution?.via.first?.source.type == .media)
        #expect(rules(claim, "type").count == 2, "the origin and the hop are both typed")
    }
}
