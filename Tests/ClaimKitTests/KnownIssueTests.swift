import ClaimKit
import Testing

/// Extractor faults the property tests found, now fixed; kept as regression tests.
@Suite struct KnownIssueTests {
    /// A quotation with both a lead-in and a trailing cue yielded two claims with the
    /// same span: QuoteLeadInSieve now leaves a quotation another rule has taken.
    @Test func oneQuotationGivesOneClaim() {
        let claims = ClaimExtractor().extract(from: "The mayor said: “We will rebuild,” a spokesman said.").claims
        #expect(!claims.isEmpty)
        #expect(Set(claims.map(\.span)).count == claims.count, "\(claims.map { "\($0.id) \($0.span)" })")
    }

    /// "The union said the strike would continue." yielded no claim at all.
    @Test func noSentenceVanishes() {
        #expect(!ClaimExtractor().extract(from: "The union said the strike would go on.").claims.isEmpty)
        #expect(!ClaimExtractor().extract(from: "The union said the strike would continue.").claims.isEmpty)
    }
}
