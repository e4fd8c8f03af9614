import ClaimCheckCLI
import ClaimKit
import Foundation

/// Output captured from an in-process run of the tool.
final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    var out: String { lock.withLock { outText } }
    var err: String { lock.withLock { errText } }
    func appendOut(_ s: String) { lock.withLock { outText += s } }
    func appendErr(_ s: String) { lock.withLock { errText += s } }
}

struct ToolResult {
    var status: Int32
    var out: String
    var err: String
}

/// Runs `claimcheck` in process with exactly `environment` (nothing inherited, so `CI`
/// is unset unless given).
func tool(_ args: [String], environment: [String: String] = [:], terminal: Bool = false) -> ToolResult {
    let captured = Captured()
    let console = Console(
        out: { captured.appendOut($0) }, err: { captured.appendErr($0) }, environment: environment,
        outputIsTerminal: terminal)
    let status = ClaimCheck.run(args, console: console)
    return ToolResult(status: status, out: captured.out, err: captured.err)
}

/// A corpus and fixture folder in a fresh temporary directory, removed on deinit.
/// The articles are short texts written for these tests.
final class TemporaryCorpus {
    let root: URL
    var corpus: String { root.appendingPathComponent("Corpus").path }
    var expected: String { root.appendingPathComponent("Expected").path }

    static let harbour =
        "The harbour master said the new pier would open in May. \"We are ready for the first ferries,\" she told reporters on Tuesday.\n"
    static let library =
        "The city library will close for repairs next week, according to a statement from the council.\n"
    static let bakery =
        "Bread prices rose again this month. The bakers' union said flour costs had doubled since January.\n"

    init(articles: [String: String] = ["harbour": harbour, "library": library]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Corpus"), withIntermediateDirectories: true)
        for (name, text) in articles { try addArticle(name, text) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func addArticle(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent("Corpus/\(name).txt"))
    }

    func fixturePath(_ name: String) -> String { FilePath.join(expected, name + ".json") }
    func pendingPath(_ name: String) -> String { FilePath.join(expected, name + ".json.new") }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: FilePath.directory(path), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Files in the fixture folder, sorted (hidden temporary files included).
    var expectedFiles: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: expected)) ?? []).sorted() }

    /// Records every article's fixture from the extractor (`update --accept`), as a
    /// starting point the tests then change.
    func recordAll() throws {
        let r = tool(["update", corpus, expected, "--accept"])
        guard r.status == 0 else { throw Failure(message: "update --accept failed: \(r.err)") }
    }

    /// Changes the first claim's `kind` in a fixture; returns the fixture line of it.
    @discardableResult
    func breakKind(_ name: String) throws -> Int {
        let path = fixturePath(name)
        var parser = JSONParser(try read(path))
        let root = try parser.parse()
        guard case .object(var top) = root, let ci = top.firstIndex(where: { $0.0 == "claims" }),
            case .array(var claims) = top[ci].1, case .object(var first)? = claims.first,
            let ki = first.firstIndex(where: { $0.0 == "kind" }), case .string(let kind) = first[ki].1
        else { throw Failure(message: "unexpected fixture shape in \(path)") }
        first[ki].1 = .string(kind == "direct" ? "unattributed" : "direct")
        claims[0] = .object(first)
        top[ci].1 = .array(claims)
        let text = JSONValue.object(top).serialized() + "\n"
        try write(text, to: path)
        var reparsed = JSONParser(text)
        _ = try reparsed.parse()
        return reparsed.location(of: "claims/0/kind")?.line ?? 0
    }
}

extension JSONValue {
    /// This value without the given keys, at any depth.
    func removingKeys(_ keys: Set<String>) -> JSONValue {
        switch self {
        case .object(let pairs):
            return .object(pairs.filter { !keys.contains($0.0) }.map { ($0.0, $0.1.removingKeys(keys)) })
        case .array(let items): return .array(items.map { $0.removingKeys(keys) })
        default: return self
        }
    }
}

extension TemporaryCorpus {
    /// Rewrites a fixture without the given keys (a partial fixture); returns its text.
    @discardableResult
    func strip(_ name: String, keys: Set<String>) throws -> String {
        var parser = JSONParser(try read(fixturePath(name)))
        let text = try parser.parse().removingKeys(keys).serialized() + "\n"
        try write(text, to: fixturePath(name))
        return text
    }
}

struct Failure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
