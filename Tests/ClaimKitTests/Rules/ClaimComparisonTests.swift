import ClaimKit
import Testing

/// Matching claims to a fixture by text, then comparing only the fields the fixture states.
@Suite struct ClaimComparisonTests {
    static let article = "The skipper said on Monday that the pier was sound. The ferry sank off the point."

    var claims: [Claim] { ClaimExtractor().extract(from: Self.article).claims }

    func fixture(_ claimsJSON: String) throws -> Fixture {
        try Fixture.parse(Array("{\"schemaVersion\": 1, \"claims\": [\n\(claimsJSON)\n]}".utf8), path: "f.json")
    }

    @Test func extractedClaimsAreAsExpected() {
        // The comparisons below rely on these two claims.
        #expect(claims.map(\.text) == ["the pier was sound", "The ferry sank off the point"])
    }

    @Test func exactMatchFoldsWhiteSpaceAndQuoteStyle() throws {
        #expect(ClaimComparison.normalize("  the  “pier”\n was ‘sound’ ") == "the \"pier\" was 'sound'")
        let f = try fixture(
            """
            {"text": "the  pier\\nwas sound", "kind": "indirect"},
            {"text": "The ferry sank off the point", "kind": "unattributed"}
            """)
        let report = ClaimComparison(tolerance: 1).compare(claims, with: f)
        #expect(report.differences.isEmpty, "\(report.differences)")
        #expect(report.truePositives == 2)
        #expect(report.falsePositives == 0 && report.falseNegatives == 0)
        #expect(report.passed)
    }

    @Test func fuzzyMatchPairsCloseTextsAndReportsTheTextField() throws {
        let f = try fixture(#"{"text": "the pier was sound again", "kind": "indirect"}"#)
        let report = ClaimComparison(tolerance: 0.8).compare(claims, with: f)
        #expect(report.truePositives == 1)
        #expect(report.falseNegatives == 0)
        #expect(report.falsePositives == 1, "the ferry sentence is extra")
        let text = try #require(report.differences.first { $0.kind == .field })
        #expect(text.field == "text")
        #expect(text.expected == #""the pier was sound again""#)
        #expect(text.actual == #""the pier was sound""#)
    }

    @Test func exactOnlyToleranceDoesNotPairCloseTexts() throws {
        let f = try fixture(#"{"text": "the pier was sound again"}"#)
        let report = ClaimComparison(tolerance: 1).compare(claims, with: f)
        #expect(report.truePositives == 0)
        #expect(report.differences.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.extra, .extra, .missing])
    }

    @Test func absentFieldIsNotAsserted() throws {
        // No kind, no attribution: only the text is stated.
        let f = try fixture(#"{"text": "the pier was sound"}, {"text": "The ferry sank off the point"}"#)
        let report = ClaimComparison().compare(claims, with: f)
        #expect(report.differences.isEmpty)
    }

    @Test func nullAssertsNone() throws {
        let f = try fixture(
            """
            {"text": "the pier was sound", "attribution": null},
            {"text": "The ferry sank off the point", "attribution": null}
            """)
        let report = ClaimComparison().compare(claims, with: f)
        #expect(report.differences.count == 1)
        let d = try #require(report.differences.first)
        #expect(d.kind == .field)
        #expect(d.field == "attribution")
        #expect(d.expected == "null")
        #expect(d.location == JSONLocation(line: 2, column: 47))
    }

    @Test func nullTimeAssertsNoTime() throws {
        let f = try fixture(#"{"text": "the pier was sound", "attribution": {"time": null}}"#)
        let report = ClaimComparison().compare(claims, with: f)
        let d = try #require(report.differences.first { $0.kind == .field })
        #expect(d.field == "attribution.time")
        #expect(d.actual?.contains("on Monday") == true)
    }

    @Test func nestedFieldDifferenceNamesItsPath() throws {
        let f = try fixture(
            """
            {"text": "the pier was sound", "attribution": {
              "source": {"name": "harbour master", "text": "The skipper"},
              "cue": {"lemma": "say"}, "time": {"text": "on Monday"}, "via": []}}
            """)
        let report = ClaimComparison().compare(claims, with: f)
        let fields = report.differences.filter { $0.kind == .field }
        #expect(fields.map(\.field) == ["attribution.source.name"])
        #expect(fields.first?.location == JSONLocation(line: 3, column: 22))
        #expect(fields.first?.claimID == claims.first?.id)
        #expect(report.fields["source"]?.compared == 2)
        #expect(report.fields["source"]?.equal == 1)
        #expect(report.fields["time"]?.equal == 1, "a time without a span matches by its text")
    }

    @Test func ignoredFieldsAreNotCompared() throws {
        let f = try fixture(#"{"text": "the pier was sound", "attribution": {"time": null}}"#)
        let report = ClaimComparison(ignoredFields: ["attribution.time"]).compare(claims, with: f)
        #expect(report.differences.filter { $0.kind == .field }.isEmpty)
    }

    @Test func optionalClaimIsNeitherRequiredNorExtra() throws {
        let found = try fixture(
            """
            {"text": "the pier was sound"},
            {"text": "The ferry sank off the point", "optional": true}
            """)
        let r1 = ClaimComparison().compare(claims, with: found)
        #expect(r1.truePositives == 1)
        #expect(r1.falsePositives == 0)
        #expect(r1.differences.isEmpty)

        let missing = try fixture(
            """
            {"text": "the pier was sound"},
            {"text": "The ferry sank off the point"},
            {"text": "A gull watched", "optional": true}
            """)
        let r2 = ClaimComparison().compare(claims, with: missing)
        #expect(r2.falseNegatives == 0)
        #expect(r2.differences.isEmpty)
    }

    @Test func missingClaimPointsAtItsFixtureLine() throws {
        let f = try fixture(
            """
            {"text": "the pier was sound"},
            {"text": "The ferry sank off the point"},
            {"text": "A gull watched from the mast"}
            """)
        let report = ClaimComparison().compare(claims, with: f)
        let d = try #require(report.differences.first)
        #expect(report.differences.count == 1)
        #expect(d.kind == .missing)
        #expect(d.claimText == "A gull watched from the mast")
        #expect(d.location == JSONLocation(line: 4, column: 1))
        #expect(report.falseNegatives == 1)
    }

    @Test func precisionRecallAndF1() {
        let report = ComparisonReport(truePositives: 6, falseNegatives: 2, falsePositives: 3)
        #expect(report.precision == 6.0 / 9.0)
        #expect(report.recall == 6.0 / 8.0)
        let p = 6.0 / 9.0
        let r = 6.0 / 8.0
        #expect(abs(report.f1 - 2 * p * r / (p + r)) < 1e-12)
    }

    @Test func emptyReportIsPerfectAndZeroIsZero() {
        let empty = ComparisonReport()
        #expect(empty.precision == 1 && empty.recall == 1 && empty.f1 == 1)
        let none = ComparisonReport(truePositives: 0, falseNegatives: 3, falsePositives: 2)
        #expect(none.precision == 0 && none.recall == 0 && none.f1 == 0)
    }

    @Test func accumulateAddsCounts() {
        var total = ComparisonReport(
            truePositives: 1, falseNegatives: 1, falsePositives: 0,
            fields: ["kind": FieldScore(compared: 2, equal: 1)])
        total.accumulate(
            ComparisonReport(
                truePositives: 2, falseNegatives: 0, falsePositives: 4,
                fields: ["kind": FieldScore(compared: 3, equal: 3), "cue": FieldScore(compared: 1, equal: 0)]))
        #expect(total.truePositives == 3 && total.falseNegatives == 1 && total.falsePositives == 4)
        #expect(total.fields["kind"] == FieldScore(compared: 5, equal: 4))
        #expect(total.fields["cue"]?.accuracy == 0)
    }

    @Test func eachExpectedClaimMatchesAtMostOneActualClaim() throws {
        let claims = ClaimExtractor().extract(from: "The ferry sank. The ferry sank.").claims
        let f = try fixture(#"{"text": "The ferry sank"}"#)
        let report = ClaimComparison().compare(claims, with: f)
        #expect(report.truePositives == 1)
        #expect(report.falsePositives == 1)
    }
}
