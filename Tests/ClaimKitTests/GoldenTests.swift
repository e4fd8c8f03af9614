import ClaimKit
import ClaimKitTesting
import Foundation
import Testing

/// Every corpus article against its hand-annotated fixture.
@Suite struct GoldenTests {
    @Test func corpusIsNotEmpty() {
        #expect(Package.articles.count >= 1, "no articles in \(Package.corpus.path)")
        #expect(
            Package.articles.contains("turkey-libya-security-deal"), "the reference article is missing from Corpus/")
    }

    @Test func everyArticleHasAFixture() {
        for name in Package.articles {
            let path = Package.expected.appendingPathComponent(name + ".json").path
            #expect(
                FileManager.default.fileExists(atPath: path), "Corpus/\(name).txt has no fixture Expected/\(name).json")
        }
    }

    /// Each difference is an issue located at the fixture's line (ClaimKitTesting).
    @Test(arguments: Package.articles)
    func articleMatchesFixture(_ name: String) {
        GoldenTest().expectMatch(name)
    }

    /// The golden comparison must fail, naming the field and the fixture line, when one
    /// field of the reference fixture is changed by hand.
    @Test func changedFixtureFieldIsReported() throws {
        let url = Package.expected.appendingPathComponent("turkey-libya-security-deal.json")
        var text = try String(contentsOf: url, encoding: .utf8)
        let original = #""name": "Fuat Oktay""#
        #expect(text.contains(original))
        text = text.replacingOccurrences(of: original, with: #""name": "Fuat Oktai""#)
        let fixture = try Fixture.parse(Array(text.utf8), path: "turkey.json")
        let article = try ArticleReader.read(
            path: Package.corpus.appendingPathComponent("turkey-libya-security-deal.txt").path
        ).bytes
        let report = ClaimComparison().compare(ClaimExtractor().extract(utf8: article).claims, with: fixture)
        #expect(report.differences.count == 2, "both Oktay claims should differ in the source name")
        let d = try #require(report.differences.first)
        #expect(d.kind == .field)
        #expect(d.field == "attribution.source.name")
        #expect(d.expected == #""Fuat Oktai""#)
        #expect(d.actual == #""Fuat Oktay""#)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("Fuat Oktai") }.map { $0 + 1 }
        #expect(d.location?.line == line)
    }
}
