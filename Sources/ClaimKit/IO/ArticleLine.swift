/// One article of a JSON Lines stream: `{"id": …, "text": "…"}` on one line.
///
/// `text` is required and must be a string; `id` may be any JSON value and is given
/// back as it was (`null` when absent); other keys are ignored. Spans of the claims
/// extracted from it are UTF-8 byte offsets into the *decoded* text (escapes such as
/// `\n` or `\u00e9` count as the bytes they stand for).
public struct ArticleLine: Sendable {
    /// The line's `"id"` as written (any JSON value); `.null` when the line has none.
    public var id: JSONValue
    /// The decoded `"text"`: the article.
    public var text: String

    /// An article line with its id and text.
    public init(id: JSONValue, text: String) {
        self.id = id
        self.text = text
    }

    /// What is wrong with a line; `description` is one short sentence.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        /// The line's `id` when the line was JSON with one.
        public var id: JSONValue?
        /// What is wrong, in one short sentence ("no \"text\" key").
        public var message: String
        /// The message.
        public var description: String { message }
    }

    /// Decodes one line (without its line end).
    /// - Throws: ``Problem``: not JSON (with the column), not an object, no string `text`,
    ///   or a `text` with a NUL character (`\u0000`): binary data, refused as an article
    ///   file with a NUL byte is (``ArticleReader``).
    public static func decode(_ bytes: [UInt8]) throws(Problem) -> ArticleLine {
        var parser = JSONParser(bytes: bytes)
        let value: JSONValue
        do {
            value = try parser.parse()
        } catch let error as JSONSyntaxError {
            throw Problem(id: nil, message: "not JSON: column \(error.location.column): \(error.message)")
        } catch {
            throw Problem(id: nil, message: "not JSON: \(error)")
        }
        guard case .object = value else {
            throw Problem(id: nil, message: "expected a JSON object {\"id\": …, \"text\": \"…\"}")
        }
        let id = value["id"] ?? .null
        guard let text = value["text"] else {
            throw Problem(id: id, message: "no \"text\" key")
        }
        guard case .string(let string) = text else {
            throw Problem(id: id, message: "\"text\" is not a string")
        }
        if let nul = string.utf8.firstIndex(of: 0) {
            let offset = string.utf8.distance(from: string.utf8.startIndex, to: nul)
            throw Problem(
                id: id,
                message:
                    "\"text\" has a NUL character (\\u0000) at byte offset \(offset): binary data, not a text article")
        }
        return ArticleLine(id: id, text: string)
    }
}
