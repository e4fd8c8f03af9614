import ClaimKit
import Testing

/// Extractor faults found by the property tests, in rules this branch does not own
/// (Sieves/). Each is recorded as a known issue: the test passes while the fault is
/// there and fails once it is fixed, so that the wrapper is removed then.
@Suite struct KnownIssueTests {
    /// A quotation with both a lead-in and a trailing cue yields two claims with the
    /// same span (ids `c…` and `c…-2`): QuoteLeadInSieve does not check that
    /// QuoteTrailingCueSieve already took the quotation.
    @Test func oneQuotationGivesOneClaim() {
        let claims = ClaimExtractor().extract(from: "The mayor said: “We will rebuild,” a spokesman said.").claims
        #expect(!claims.isEmpty)
        withKnownIssue("two sieves attribute the same quotation") {
            #expect(Set(claims.map(\.span)).count == claims.count, "\(claims.map { "\($0.id) \($0.span)" })")
        }
    }

    /// "The union said the strike would continue." yields no claim at all, not even a
    /// narrator statement; "… would go on." is found.
    @Test func noSentenceVanishes() {
        #expect(!ClaimExtractor().extract(from: "The union said the strike would go on.").claims.isEmpty)
        #expect(!ClaimExtractor().extract(from: "The union said the strike would continue.").claims.isEmpty)
    }
}
