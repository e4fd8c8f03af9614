import ClaimKit
import Foundation
import Testing

/// Inputs that once crashed ClaimKit, found by the fuzzer (scripts/fuzz.sh) or while
/// writing docs/ERRORS.md. Each stays here so that the crash cannot come back.
@Suite struct FuzzRegressionTests {
    /// The fuzzer's first find (crash-9484f924…): invalid UTF-8 given straight to
    /// `extract(utf8:)`, ending a paragraph with a cut-short sequence (`E2 80`). The
    /// tokenizer took the sequence's full length and read past the paragraph's end
    /// (a heap-buffer-overflow under ASan; a trap in debug builds).
    static let tokenizerOverread =
        "4oCc/////////////////////////////////////////////////////////////////////////////////////////++7vwBpZSBxbmlvbiBzYWlkIHRoZSBzdHJpa2UgKmFzIOKAnGEgbGFzdCByZWFpZDog4oCcV2UgYXJlDQpyZWFkeSB0byB0YWxrLuKAnQ0KY2xhaW1zLzYvYXR0cmn///////+cSGUgc2FpZCDiYnWAmHRoZXkgc2FpZCDigJx0aW9uL25jb+KA"

    @Test func cutShortSequenceAtTheEndOfAParagraph() throws {
        let artifact = try #require(Data(base64Encoded: Self.tokenizerOverread))
        var inputs: [[UInt8]] = [Array(artifact)]
        // The same fault, small: every lead byte cut short at the end of the text or of
        // a paragraph, inside a word or after a space.
        for cut: [UInt8] in [
            [0xC2], [0xC3], [0xE2], [0xE2, 0x80], [0xEF, 0xBB], [0xF0], [0xF0, 0x9F], [0xF0, 0x9F, 0x98],
        ] {
            inputs.append(cut)
            inputs.append(Array("The mayor said".utf8) + cut)
            inputs.append(Array("The mayor said ".utf8) + cut)
            inputs.append(Array("“We won,” he said".utf8) + cut + Array("\n\nShe said it.".utf8))
        }
        for bytes in inputs {
            let e = ClaimExtractor().extract(utf8: bytes)
            for claim in e.claims {
                #expect(claim.span.end <= bytes.count, "\(bytes.prefix(20))")
                for hop in claim.attribution?.chain ?? [] {
                    #expect(hop.source.span.end <= bytes.count && hop.cue.span.end <= bytes.count)
                }
            }
            for issue in e.issues { #expect(issue.span.end <= bytes.count) }
        }
    }

    /// Found while writing the bad-input table: each of these fixtures trapped (integer
    /// conversion or subtraction overflow) instead of being reported.
    @Test(arguments: [
        // Int(Double) of a huge schemaVersion.
        #"{"schemaVersion": 1e300, "claims": []}"#,
        #"{"schemaVersion": -1e300, "claims": []}"#,
        // A number beyond Double: infinity.
        #"{"schemaVersion": 1, "claims": [{"text": "x", "span": [0, 1e999]}]}"#,
        // A high surrogate followed by a \u escape that is not a low surrogate: the
        // pair arithmetic underflowed.
        #"{"schemaVersion": 1, "claims": [{"text": "\ud800\u0041"}]}"#,
        #"{"schemaVersion": 1, "claims": [{"text": "\udbff\udbff"}]}"#,
        // A sign inside a \u escape was taken as a hex digit.
        #"{"schemaVersion": 1, "claims": [{"text": "\u+041"}]}"#,
    ])
    func fixtureNumbersAndEscapes(_ text: String) {
        #expect(throws: FixtureError.self) { try Fixture.parse(Array(text.utf8), path: "f.json") }
    }

    /// The surrogate escapes that are fine still decode.
    @Test func validSurrogatePairDecodes() throws {
        let f = try Fixture.parse(
            Array(#"{"schemaVersion": 1, "claims": [{"text": "\ud83d\ude00 \u00e9"}]}"#.utf8), path: "f.json")
        #expect(f.claims.first?.text == "😀 é")
    }
}
