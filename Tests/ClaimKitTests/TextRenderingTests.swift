import Testing

@testable import ClaimCheckCLI

/// `list`'s text output: lines joined and control characters shown, with the byte-level
/// shortcuts agreeing with the Character and scalar definitions they stand in for.
@Suite struct TextRenderingTests {
    static let samples = [
        "", "plain", "two\nlines", "cr\ronly", "crlf\r\nstays one Character", "\n\nleading and trailing\n",
        "tab\there", "bell\u{07}", "delete\u{7F}", "C1 \u{85} and \u{9F}", "café Ünïcode “quotes” — dash",
        "\u{1B}[31mred", "emoji 👩🏽‍🚀 and \u{A0}nbsp",
    ]

    @Test(arguments: samples)
    func oneLineJoinsLinesAsCharacterSplitting(_ s: String) {
        let reference = s.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        #expect(TextRendering.oneLine(s) == reference, "\(s.debugDescription)")
    }

    @Test(arguments: samples)
    func visibleShowsExactlyTheControlCharacters(_ s: String) {
        let hasControl = s.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }
        #expect((TextRendering.visible(s) != s) == hasControl, "\(s.debugDescription)")
        #expect(
            !TextRendering.visible(s).unicodeScalars.contains {
                $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value)
            })
    }
}
