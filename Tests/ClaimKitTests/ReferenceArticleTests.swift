import ClaimKit
import Foundation
import Testing

/// What issue 2 asks of the reference article, stated independently of the fixture.
@Suite struct ReferenceArticleTests {
    let claims: [Claim]

    init() throws {
        let bytes = try ArticleReader.read(
            path: Package.corpus.appendingPathComponent("turkey-libya-security-deal.txt").path
        ).bytes
        claims = ClaimExtractor().extract(utf8: bytes).claims
    }

    var attributedClaims: [Claim] { claims.filter { $0.attribution != nil } }

    @Test func twelveAttributedClaims() {
        #expect(attributedClaims.count == 12)
    }

    @Test func sourcesByName() {
        let names = attributedClaims.map { $0.attribution!.source.name }
        #expect(names.filter { $0 == "Recep Tayyip Erdogan" }.count == 2)
        #expect(names.filter { $0 == "Russia" }.count == 2)
        #expect(names.filter { $0 == "Fuat Oktay" }.count == 2)
        #expect(names.contains("Kremlin"))
        #expect(names.contains("Khalifa Haftar"))
        #expect(names.contains("Government of National Accord"))
    }

    @Test func chainThroughReuters() throws {
        let claim = try #require(claims.first { $0.text == "Ankara has already sent military supplies to Libya" })
        let chain = try #require(claim.attribution?.chain)
        #expect(chain.map(\.source.name) == ["Reuters news agency", "a report by United Nations‘ experts"])
        #expect(chain.map(\.cue.text) == ["as reported by", "according to"])
        #expect(chain.first?.time?.text == "earlier this month")
    }

    @Test func noClaimFromTheSubheading() {
        #expect(!claims.contains { $0.text.contains("Deal approved by Tripoli government") })
    }

    @Test func spansSliceTheInput() throws {
        let text = try String(
            contentsOf: Package.corpus.appendingPathComponent("turkey-libya-security-deal.txt"), encoding: .utf8)
        for claim in claims {
            #expect(slice(text, claim.span) == claim.text, "claim \(claim.id)")
            if let a = claim.attribution {
                #expect(slice(text, a.source.span) == a.source.text, "source of \(claim.id)")
                #expect(slice(text, a.cue.span) == a.cue.text, "cue of \(claim.id)")
                for hop in a.via { #expect(slice(text, hop.source.span) == hop.source.text) }
            }
        }
    }
}
