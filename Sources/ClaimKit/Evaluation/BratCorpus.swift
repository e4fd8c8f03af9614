import Foundation

/// Something wrong or odd in a brat annotation file, with its file and line.
///
/// An `error` is a malformed line (it cannot be parsed, its offsets fall outside the
/// text, its text does not match the article at its offsets, it refers to an id that
/// is not defined); the line is left out of the relations. A `warning` is a well-formed
/// line that cannot be scored as stated (a relation without a `Content`, an unknown
/// role); it is reported, and the relation is scored as far as it goes or left out as
/// the message says.
public struct BratDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How bad a diagnostic is: an error makes the evaluation exit with status 2.
    public enum Severity: String, Sendable, Codable {
        /// The line is not used.
        case error
        /// The line is used as far as it can be.
        case warning
    }
    /// The annotation (or text) file concerned.
    public var file: String
    /// 1-based line number in `file`; 0 when the problem concerns the whole file.
    public var line: Int
    /// Error or warning.
    public var severity: Severity
    /// What is wrong, for a person.
    public var message: String

    /// Creates a diagnostic for `file` at 1-based `line`.
    public init(file: String, line: Int, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.severity = severity
        self.message = message
    }

    /// `file:line: severity: message` (the line is left out when it is 0).
    public var description: String {
        (line > 0 ? "\(file):\(line)" : file) + ": \(severity.rawValue): \(message)"
    }
}

/// One attribution relation: who (source) says what (content), through which cue.
///
/// Each part is a list of **UTF-8 byte** spans into the article (sorted, usually one;
/// several for a discontinuous span as brat writes `s e;s e`). A relation without a
/// source (PolNeAR's `Attribution-no-source`) has an empty `source`.
public struct AttributionRelation: Hashable, Sendable {
    /// The relation's id: the brat event id (`E3`), or `P1`, `P2` … for relations built
    /// from extracted claims.
    public var id: String
    /// The content spans (UTF-8 byte offsets, sorted).
    public var content: [Span]
    /// The source mention spans; empty when the relation has no source.
    public var source: [Span]
    /// The cue spans; empty when the annotation gives none.
    public var cue: [Span]
    /// The source's resolved name when the producer resolved it (ClaimKit's
    /// ``Source/name``); `nil` for annotations, whose source is its mention text.
    public var sourceName: String?
    /// The 1-based line of the relation in its annotation file, when read from one.
    public var line: Int?

    /// Creates a relation; spans are UTF-8 byte offsets into the article, `line` the 1-based line of its `E` line.
    public init(
        id: String, content: [Span], source: [Span] = [], cue: [Span] = [], sourceName: String? = nil, line: Int? = nil
    ) {
        self.id = id
        self.content = content
        self.source = source
        self.cue = cue
        self.sourceName = sourceName
        self.line = line
    }

    /// The relations that ClaimKit's attributed claims make, for scoring.
    ///
    /// Only attributed claims count (unattributed ones are the narrator's). Claims that
    /// share an attribution — the same cue span — are merged into one relation whose
    /// content is the union of their spans: ClaimKit writes `"A," she said, "B."` and a
    /// quotation over several paragraphs as several claims, an attribution corpus as one
    /// relation with a discontinuous content. Each relation takes the claim's origin
    /// (``Attribution/source`` and ``Attribution/cue``), not its relays.
    public static func relations(from claims: [Claim]) -> [AttributionRelation] {
        var relations: [AttributionRelation] = []
        var byCue: [Span: Int] = [:]
        for claim in claims {
            guard let attribution = claim.attribution else { continue }
            if let i = byCue[attribution.cue.span] {
                relations[i].content = Self.union(relations[i].content + [claim.span])
                continue
            }
            byCue[attribution.cue.span] = relations.count
            relations.append(
                AttributionRelation(
                    id: "P\(relations.count + 1)", content: [claim.span], source: [attribution.source.span],
                    cue: [attribution.cue.span], sourceName: attribution.source.name))
        }
        return relations
    }

    /// Merges several relations that share a cue span into one (predictions given as
    /// brat files are merged like ClaimKit's claims). Relations without a cue are kept
    /// as they are. The first relation of a group gives the id, source and name.
    public static func mergingSharedCues(_ relations: [AttributionRelation]) -> [AttributionRelation] {
        var out: [AttributionRelation] = []
        var byCue: [[Span]: Int] = [:]
        for relation in relations {
            if !relation.cue.isEmpty, let i = byCue[relation.cue] {
                out[i].content = union(out[i].content + relation.content)
                if out[i].source.isEmpty { out[i].source = relation.source }
                continue
            }
            if !relation.cue.isEmpty { byCue[relation.cue] = out.count }
            out.append(relation)
        }
        return out
    }

    /// Spans sorted, with overlapping or touching spans joined.
    static func union(_ spans: [Span]) -> [Span] {
        var out: [Span] = []
        for s in spans.sorted() {
            if let last = out.last, s.start <= last.end {
                out[out.count - 1] = Span(last.start, max(last.end, s.end))
            } else {
                out.append(s)
            }
        }
        return out
    }
}

/// One article of a brat corpus: its text and the attribution relations annotated on it.
public struct BratDocument: Sendable {
    /// The article's name: the file name without `.txt`.
    public var name: String
    /// Path of the article text.
    public var textPath: String
    /// Path of the annotation file.
    public var annotationPath: String
    /// The article's exact bytes (UTF-8); all spans are offsets into them.
    public var bytes: [UInt8]
    /// The relations, in the order of their `E` lines.
    public var relations: [AttributionRelation]
    /// Malformed and odd lines of the annotation file.
    public var diagnostics: [BratDiagnostic]

    /// Creates a document from its parts; offsets in `relations` are UTF-8 byte offsets into `bytes`.
    public init(
        name: String, textPath: String, annotationPath: String, bytes: [UInt8], relations: [AttributionRelation],
        diagnostics: [BratDiagnostic] = []
    ) {
        self.name = name
        self.textPath = textPath
        self.annotationPath = annotationPath
        self.bytes = bytes
        self.relations = relations
        self.diagnostics = diagnostics
    }

    /// The article text sliced at `spans`, pieces joined by ` … `.
    public func text(_ spans: [Span]) -> String {
        spans.map { span in
            String(decoding: bytes[min(span.start, bytes.count)..<min(span.end, bytes.count)], as: UTF8.self)
        }.joined(separator: " … ")
    }
}

/// Reads brat standoff attribution annotations (the PARC / PolNeAR scheme).
///
/// An annotation file holds, one per line:
/// - `T<n>\t<label> <start> <end>[;<start> <end>…]\t<text>`: a text-bound span. Labels
///   `Source`, `Cue`, `Content`, and `Attribution` / `Attribution-no-source` (the
///   relation's trigger, repeating the cue) are read; `Discard`, `Discuss` and other
///   labels are ignored. Offsets count **Unicode scalars** (Python string indices) of
///   the text and are converted to UTF-8 byte offsets here; `<text>` must equal the
///   article at the offsets (fragments joined by one space), which catches offsets
///   counted in another unit.
/// - `E<n>\t<trigger>:T<a> <Role>:T<b> …`: a relation. The trigger type is `Attribution`
///   or `Attribution-no-source`; roles are `Source`, `Cue`, `Content`, with numbered
///   repeats (`Content2`) joined into the same part. Without a `Cue` role the trigger's
///   span is the cue.
/// - `R`, `A`, `M`, `N`, `*` and `#` lines (other brat annotations, notes) are ignored.
///
/// Parsing never throws: malformed lines become ``BratDiagnostic``s and are left out.
public enum BratAnnotation {
    /// Parses an annotation file against its article.
    ///
    /// - Parameters:
    ///   - annotation: the `.ann` file's text.
    ///   - bytes: the article's UTF-8 bytes (offsets are checked against them).
    ///   - file: the annotation file's name for diagnostics.
    /// - Returns: the relations in `E`-line order and the diagnostics.
    public static func parse(_ annotation: String, text bytes: [UInt8], file: String) -> (
        relations: [AttributionRelation], diagnostics: [BratDiagnostic]
    ) {
        let offsets = ScalarOffsets(bytes)
        var diagnostics: [BratDiagnostic] = []
        func report(_ line: Int, _ severity: BratDiagnostic.Severity, _ message: String) {
            diagnostics.append(BratDiagnostic(file: file, line: line, severity: severity, message: message))
        }
        struct TextBound {
            var label: String
            var spans: [Span]
        }
        var textBounds: [String: TextBound] = [:]
        var events: [(id: String, line: Int, fields: [Substring])] = []
        var seenIds: Set<String> = []
        var number = 0
        for rawLine in annotation.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let columns = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            let id = String(columns[0].prefix { $0 != " " })
            guard let kind = id.first else {
                report(number, .error, "a line starts with a tab: no annotation id")
                continue
            }
            switch kind {
            case "R", "A", "M", "N", "*", "#":
                continue
            case "T", "E":
                break
            default:
                report(number, .error, "unknown annotation id '\(id)' (expected T…, E…, R…, A…, M…, N…, * or #)")
                continue
            }
            guard id.count > 1 else {
                report(number, .error, "annotation id '\(id)' has no number")
                continue
            }
            guard !seenIds.contains(id) else {
                report(number, .error, "\(id) is defined twice")
                continue
            }
            guard columns.count >= 2, !columns[0].contains(" ") else {
                report(number, .error, "\(id): expected a tab after the id")
                continue
            }
            seenIds.insert(id)
            if kind == "E" {
                events.append((id, number, columns[1].split(separator: " ")))
                continue
            }
            // T<n>\t<label> <start> <end>[;…]\t<text>
            guard columns.count == 3 else {
                report(number, .error, "\(id): expected '<label> <start> <end>' and the text, separated by a tab")
                continue
            }
            let head = columns[1]
            guard let space = head.firstIndex(of: " ") else {
                report(number, .error, "\(id): no offsets after the label '\(head)'")
                continue
            }
            let label = String(head[..<space])
            var spans: [Span] = []
            var scalarRanges: [(Int, Int)] = []
            var bad: String? = nil
            for fragment in head[head.index(after: space)...].split(separator: ";", omittingEmptySubsequences: false) {
                let numbers = fragment.split(separator: " ")
                guard numbers.count == 2, let s = Int(numbers[0]), let e = Int(numbers[1]) else {
                    bad = "\(id): offsets '\(fragment)' are not '<start> <end>'"
                    break
                }
                guard s >= 0, s <= e else {
                    bad = "\(id): offsets \(s) \(e) are not 0 <= start <= end"
                    break
                }
                guard e <= offsets.scalarCount else {
                    bad = "\(id): offsets \(s) \(e) run past the end of the text (\(offsets.scalarCount) characters)"
                    break
                }
                scalarRanges.append((s, e))
                spans.append(Span(offsets.byteOffset(ofScalar: s), offsets.byteOffset(ofScalar: e)))
            }
            if let bad {
                report(number, .error, bad)
                continue
            }
            let actual = spans.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }.joined(separator: " ")
            guard actual == columns[2] else {
                report(
                    number, .error,
                    "\(id): the text at offsets \(scalarRanges.map { "\($0.0) \($0.1)" }.joined(separator: ";")) is “\(actual)”, not “\(columns[2])” (offsets count Unicode characters)"
                )
                continue
            }
            textBounds[id] = TextBound(label: label, spans: spans.sorted())
        }

        var relations: [AttributionRelation] = []
        for event in events {
            guard let trigger = event.fields.first, let colon = trigger.firstIndex(of: ":") else {
                report(event.line, .error, "\(event.id): expected '<type>:T<n>' after the id")
                continue
            }
            let type = trigger[..<colon]
            guard type == "Attribution" || type == "Attribution-no-source" else {
                report(event.line, .warning, "\(event.id): relation type '\(type)' is not an attribution; left out")
                continue
            }
            var relation = AttributionRelation(id: event.id, content: [], line: event.line)
            var triggerSpans: [Span] = []
            var broken = false
            for (k, field) in event.fields.enumerated() {
                let parts = field.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    report(event.line, .error, "\(event.id): argument '\(field)' is not '<Role>:T<n>'")
                    broken = true
                    break
                }
                let target = String(parts[1])
                guard let bound = textBounds[target] else {
                    report(
                        event.line, .error,
                        "\(event.id): \(target) is not a defined span"
                            + (seenIds.contains(target) ? " (its line is malformed)" : ""))
                    broken = true
                    break
                }
                if k == 0 {
                    triggerSpans = bound.spans
                    continue
                }
                var role = parts[0]
                while let last = role.last, last.isNumber { role = role.dropLast() }
                switch role {
                case "Source": relation.source += bound.spans
                case "Cue": relation.cue += bound.spans
                case "Content": relation.content += bound.spans
                default:
                    report(event.line, .warning, "\(event.id): unknown role '\(parts[0])' ignored")
                }
            }
            if broken { continue }
            if relation.cue.isEmpty { relation.cue = triggerSpans }
            guard !relation.content.isEmpty else {
                report(event.line, .warning, "\(event.id): the relation has no Content; not scored")
                continue
            }
            relation.content = AttributionRelation.union(relation.content)
            relation.source = AttributionRelation.union(relation.source)
            relation.cue = AttributionRelation.union(relation.cue)
            relations.append(relation)
        }
        return (relations, diagnostics)
    }

    /// Writes relations as brat standoff lines (`T` for source, cue, content and the
    /// `Attribution` trigger, then an `E` line), with offsets converted back from UTF-8
    /// bytes to Unicode scalars. A span holding a line break is written as fragments on
    /// either side of it. Relations without a source get the `Attribution-no-source`
    /// trigger.
    public static func write(_ relations: [AttributionRelation], text bytes: [UInt8]) -> String {
        let offsets = ScalarOffsets(bytes)
        var out = ""
        var t = 0
        var e = 0
        func bound(_ label: String, _ spans: [Span]) -> String {
            t += 1
            // A line break cannot stand in the text column: split there into fragments.
            var fragments: [Span] = []
            for span in spans {
                var start = span.start
                for i in span.start..<span.end where bytes[i] == 0x0A || bytes[i] == 0x0D {
                    if i > start { fragments.append(Span(start, i)) }
                    start = i + 1
                }
                if span.end > start { fragments.append(Span(start, span.end)) }
            }
            if fragments.isEmpty { fragments = [Span(spans.first?.start ?? 0, spans.first?.start ?? 0)] }
            let ranges = fragments.map {
                "\(offsets.scalarOffset(ofByte: $0.start)) \(offsets.scalarOffset(ofByte: $0.end))"
            }
            let text = fragments.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }.joined(
                separator: " ")
            out += "T\(t)\t\(label) \(ranges.joined(separator: ";"))\t\(text)\n"
            return "T\(t)"
        }
        for relation in relations where !relation.content.isEmpty {
            var args: [String] = []
            if !relation.source.isEmpty { args.append("Source:" + bound("Source", relation.source)) }
            if !relation.cue.isEmpty { args.append("Cue:" + bound("Cue", relation.cue)) }
            args.append("Content:" + bound("Content", relation.content))
            let type = relation.source.isEmpty ? "Attribution-no-source" : "Attribution"
            let trigger = relation.cue.isEmpty ? relation.content : relation.cue
            args.insert("\(type):" + bound(type, trigger), at: 0)
            e += 1
            out += "E\(e)\t" + args.joined(separator: " ") + "\n"
        }
        return out
    }
}

/// Converts between Unicode-scalar offsets and UTF-8 byte offsets of one text.
struct ScalarOffsets {
    /// `bytes[i]` is the UTF-8 offset of scalar `i`; one entry more than there are scalars.
    private var byteOffsets: [Int]

    init(_ bytes: [UInt8]) {
        byteOffsets = []
        byteOffsets.reserveCapacity(bytes.count + 1)
        for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 { byteOffsets.append(i) }
        byteOffsets.append(bytes.count)
    }

    var scalarCount: Int { byteOffsets.count - 1 }

    func byteOffset(ofScalar i: Int) -> Int { byteOffsets[i] }

    /// The scalar at or after a byte offset.
    func scalarOffset(ofByte offset: Int) -> Int {
        var lo = 0
        var hi = byteOffsets.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if byteOffsets[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// A folder of brat-annotated articles.
///
/// Two layouts are read: `NAME.txt` beside `NAME.ann` in the folder (brat's own), and
/// PolNeAR's `text/NAME.txt` with `attributions/NAME.ann`. An article without an
/// annotation file, or an annotation file without an article, is a warning.
public struct BratCorpus: Sendable {
    /// The folder read.
    public var directory: String
    /// The articles, sorted by name.
    public var documents: [BratDocument]
    /// Problems with the folder's files (a missing partner file), outside any document.
    public var diagnostics: [BratDiagnostic]

    /// Every diagnostic: the folder's and each document's.
    public var allDiagnostics: [BratDiagnostic] { diagnostics + documents.flatMap(\.diagnostics) }

    /// Why a corpus folder cannot be read at all.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The path is not a folder.
        case notADirectory(path: String)
        /// The folder holds no `.txt` articles with annotations.
        case noArticles(path: String)
        /// The folder or a file in it cannot be read, and why.
        case unreadable(path: String, reason: String)

        /// The problem as a message naming the path.
        public var description: String {
            switch self {
            case .notADirectory(let p): return "\(p): not a folder"
            case .noArticles(let p):
                return "\(p): no brat-annotated articles (NAME.txt with NAME.ann, or text/ with attributions/)"
            case .unreadable(let p, let r): return "\(p): cannot read (\(r))"
            }
        }
    }

    /// Creates a corpus from already-read documents and their diagnostics.
    public init(directory: String, documents: [BratDocument], diagnostics: [BratDiagnostic] = []) {
        self.directory = directory
        self.documents = documents
        self.diagnostics = diagnostics
    }

    /// Reads every annotated article of `directory`.
    ///
    /// - Throws: ``Problem`` when the folder cannot be listed or holds no annotated
    ///   article; ``ArticleReader/Problem`` when an article is not readable UTF-8 text.
    ///   Malformed annotation lines do not throw: they are in ``allDiagnostics``.
    public static func load(directory: String) throws -> BratCorpus {
        let texts = try files(in: directory, layout: ["", "text"], suffix: ".txt")
        let annotations = try files(in: directory, layout: ["", "attributions"], suffix: ".ann")
        var corpus = BratCorpus(directory: directory, documents: [])
        for (name, textPath) in texts.sorted(by: { $0.key < $1.key }) {
            guard let annotationPath = annotations[name] else {
                corpus.diagnostics.append(
                    BratDiagnostic(
                        file: textPath, line: 0, severity: .warning,
                        message: "no annotation file \(name).ann; article left out"))
                continue
            }
            let bytes = try ArticleReader.read(path: textPath).bytes
            let annotation = try readText(annotationPath)
            let parsed = BratAnnotation.parse(annotation, text: bytes, file: annotationPath)
            corpus.documents.append(
                BratDocument(
                    name: name, textPath: textPath, annotationPath: annotationPath, bytes: bytes,
                    relations: parsed.relations, diagnostics: parsed.diagnostics))
        }
        for (name, path) in annotations.sorted(by: { $0.key < $1.key }) where texts[name] == nil {
            corpus.diagnostics.append(
                BratDiagnostic(
                    file: path, line: 0, severity: .warning, message: "no article \(name).txt; annotation left out"))
        }
        guard !corpus.documents.isEmpty else { throw Problem.noArticles(path: directory) }
        return corpus
    }

    /// Reads another system's predictions for this corpus's articles from `directory`
    /// (`NAME.ann`, or `attributions/NAME.ann`), against the articles' texts.
    ///
    /// An article with no prediction file has no predicted relations (a warning); a
    /// prediction file for no article of the corpus is a warning.
    /// - Returns: predicted relations by article name, and diagnostics.
    /// - Throws: ``Problem`` when the folder cannot be listed.
    public func predictions(in directory: String) throws -> (
        relations: [String: [AttributionRelation]], diagnostics: [BratDiagnostic]
    ) {
        let annotations = try Self.files(in: directory, layout: ["", "attributions"], suffix: ".ann")
        var relations: [String: [AttributionRelation]] = [:]
        var diagnostics: [BratDiagnostic] = []
        for document in documents {
            guard let path = annotations[document.name] else {
                diagnostics.append(
                    BratDiagnostic(
                        file: (directory as NSString).appendingPathComponent(document.name + ".ann"), line: 0,
                        severity: .warning,
                        message: "no prediction for \(document.name); scored as predicting nothing"))
                relations[document.name] = []
                continue
            }
            let parsed = BratAnnotation.parse(try Self.readText(path), text: document.bytes, file: path)
            relations[document.name] = parsed.relations
            diagnostics += parsed.diagnostics
        }
        let names = Set(documents.map(\.name))
        for (name, path) in annotations.sorted(by: { $0.key < $1.key }) where !names.contains(name) {
            diagnostics.append(
                BratDiagnostic(
                    file: path, line: 0, severity: .warning, message: "no article \(name) in the corpus; ignored"))
        }
        return (relations, diagnostics)
    }

    /// Files ending in `suffix` in `directory` and its listed subfolders, by name without
    /// the suffix; a name in the folder itself wins over the subfolder.
    static func files(in directory: String, layout subfolders: [String], suffix: String) throws -> [String: String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Problem.notADirectory(path: directory)
        }
        var found: [String: String] = [:]
        for sub in subfolders.reversed() {
            let folder = sub.isEmpty ? directory : (directory as NSString).appendingPathComponent(sub)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else { continue }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder)
            } catch {
                throw Problem.unreadable(path: folder, reason: ArticleReader.describe(error))
            }
            for name in names where name.hasSuffix(suffix) && !name.hasPrefix(".") {
                found[String(name.dropLast(suffix.count))] = (folder as NSString).appendingPathComponent(name)
            }
        }
        return found
    }

    static func readText(_ path: String) throws -> String {
        let bytes = try ArticleReader.read(path: path).bytes
        return String(decoding: bytes, as: UTF8.self)
    }
}
