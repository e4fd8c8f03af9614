import Foundation

// The byte-level fixture reader behind `claimcheck check`'s passing path.
//
// `Fixture.parse` builds a JSONValue tree, validates it and keeps every value's location:
// right for reporting, but most of `check`'s time over a large corpus whose fixtures
// pass. `FixtureScanner` reads the same bytes once, straight into compact expected
// claims whose strings are ranges of the fixture's bytes (nothing allocated per value),
// and `QuickComparison` compares those with the extracted claims without a JSON tree of
// either side.
//
// The scanner is deliberately conservative: it *refuses* anything it does not handle
// exactly as the full reader would — any syntax or schema error, and also things that
// are merely unusual (a number that is not a plain integer, an escaped key, non-ASCII
// ids, nesting beyond 64 levels, a "span" key inside `note`). A refusal is not an
// error: the caller then reads the fixture with `Fixture.parse` and compares it with
// `ClaimComparison.compare`, which give every message, location and difference as
// before. So the fast path can only ever answer "passed, with these counts"; every
// other outcome comes from the full reader.

/// A JSON string in fixture bytes, not decoded: the bytes between its quotes.
/// Offsets are 32-bit (a fixture is at most `ArticleReader.sizeLimit` bytes) to keep the
/// scanned claims small.
struct RawString: Sendable {
    private var first: UInt32
    private var past: UInt32
    private var flags: UInt8

    init(start: Int, end: Int, escaped: Bool, ascii: Bool) {
        first = UInt32(truncatingIfNeeded: start)
        past = UInt32(truncatingIfNeeded: end)
        flags = (escaped ? 1 : 0) | (ascii ? 0 : 2)
    }

    /// Offset of the first byte after the opening quote.
    var start: Int { Int(first) }
    /// Offset of the closing quote.
    var end: Int { Int(past) }
    /// Holds a backslash escape, so its bytes are not its value.
    var escaped: Bool { flags & 1 != 0 }
    /// Only ASCII bytes.
    var ascii: Bool { flags & 2 == 0 }
    var count: Int { Int(past &- first) }
}

/// A fixture's `[start, end]`, checked: integers with `0 <= start <= end <= ` the
/// article's length (so 32 bits hold them).
struct RawSpan: Sendable, Equatable {
    private var first: UInt32
    private var past: UInt32

    init(start: Int, end: Int) {
        first = UInt32(truncatingIfNeeded: start)
        past = UInt32(truncatingIfNeeded: end)
    }

    var start: Int { Int(first) }
    var end: Int { Int(past) }

    /// Equal to a claim's span.
    @inline(__always)
    func equals(_ span: Span) -> Bool { Int(first) == span.start && Int(past) == span.end }
}

/// A key a fixture may leave out, write as `null`, or give a value.
enum Stated<Value: Sendable>: Sendable {
    case absent
    case null
    case value(Value)
}

/// `{"text", "span"}` (a quoted fragment or a time).
struct ScannedTextSpan: Sendable {
    var text: RawString? = nil
    var span: RawSpan? = nil
}

/// `{"text", "span", "name", "role", "type"}`.
struct ScannedSource: Sendable {
    var text: RawString? = nil
    var span: RawSpan? = nil
    var name: RawString? = nil
    var role: Stated<RawString> = .absent
    var type: SourceType? = nil
}

/// `{"text", "span", "lemma"}`.
struct ScannedCue: Sendable {
    var text: RawString? = nil
    var span: RawSpan? = nil
    var lemma: RawString? = nil
}

/// One hop of `via`.
struct ScannedHop: Sendable {
    var source: ScannedSource? = nil
    var cue: ScannedCue? = nil
    var time: Stated<ScannedTextSpan> = .absent
}

/// An `attribution` object; its hops are `ScannedFixture.hops[via]`.
struct ScannedAttribution: Sendable {
    var source: ScannedSource? = nil
    var cue: ScannedCue? = nil
    var time: Stated<ScannedTextSpan> = .absent
    var via: Range<Int>? = nil
}

/// A quoted fragment: a plain string or `{"text", "span"}`.
enum ScannedQuote: Sendable {
    case plain(RawString)
    case object(ScannedTextSpan)
}

/// One expected claim; its quotes are `ScannedFixture.quotes[quotes]`.
struct ScannedClaim: Sendable {
    var text: RawString
    var id: RawString? = nil
    var span: RawSpan? = nil
    var kind: ClaimKind? = nil
    var quotes: Range<Int>? = nil
    var attribution: Stated<ScannedAttribution> = .absent
    var isOptional = false
}

/// What the scanner read, in arrays kept from one fixture to the next.
struct ScannedFixture: Sendable {
    var claims: [ScannedClaim] = []
    var quotes: [ScannedQuote] = []
    var hops: [ScannedHop] = []

    mutating func removeAll() {
        claims.removeAll(keepingCapacity: true)
        quotes.removeAll(keepingCapacity: true)
        hops.removeAll(keepingCapacity: true)
    }
}

/// Reads fixture bytes into a ``ScannedFixture``, or refuses them (see the top of this
/// file): a refused fixture is read again by ``Fixture/parse(_:path:)``.
struct FixtureScanner {
    /// The bytes are not something the scanner reads exactly as the full reader would.
    struct Refused: Error {}

    // The bytes being read: valid only during `scan(_:articleLength:)`.
    private var p = UnsafePointer<UInt8>(bitPattern: 1)!
    private var n = 0
    private var i = 0
    /// Spans ending beyond this are refused (the full reader reports them).
    private var articleLength = 0
    /// What the last scan read (its arrays are reused by the next scan).
    private(set) var fixture = ScannedFixture()

    /// Deepest nesting read (the full reader allows 512; fixtures need 9).
    static let maximumDepth = 64

    /// Reads the whole document, `{"schemaVersion": 1, "article"?: name, "claims": [...]}`,
    /// into ``fixture``; strings there are ranges of `bytes`.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, articleLength: Int) throws(Refused) {
        fixture.removeAll()
        // A zero-length buffer may have no base address; then nothing is read.
        p = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        n = bytes.baseAddress == nil ? 0 : bytes.count
        i = 0
        self.articleLength = articleLength
        guard n <= ArticleReader.sizeLimit && articleLength <= ArticleReader.sizeLimit else { throw Refused() }
        if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { i = 3 }
        space()
        try expect(0x7B)  // {
        var seen: UInt8 = 0
        space()
        if peek == 0x7D { throw Refused() }  // {} lacks schemaVersion
        while true {
            let key = try self.key()
            switch key {
            case .schemaVersion:
                try once(&seen, 1)
                guard try unsigned() == 1 else { throw Refused() }
            case .article:
                try once(&seen, 2)
                let s = try string()
                guard isSafeName(s) else { throw Refused() }
            case .claims:
                try once(&seen, 4)
                try claims()
            default:
                throw Refused()
            }
            guard try nextMember() else { break }
        }
        guard seen & 5 == 5 else { throw Refused() }
        space()
        guard i == n else { throw Refused() }
        try checkIDs()
    }

    // MARK: Schema

    private mutating func claims() throws(Refused) {
        try array { (s) throws(Refused) in try s.claim() }
    }

    private mutating func claim() throws(Refused) {
        try expect(0x7B)
        var seen: UInt16 = 0
        var text: RawString? = nil
        var c = ScannedClaim(text: RawString(start: 0, end: 0, escaped: false, ascii: true))
        space()
        if peek == 0x7D { throw Refused() }  // no text
        while true {
            switch try key() {
            case .id:
                try once(&seen, 1)
                let id = try string()
                // Ids are compared for duplicates byte by byte, which is String equality
                // only for plain ASCII.
                guard id.ascii && !id.escaped else { throw Refused() }
                c.id = id
            case .text:
                try once(&seen, 2)
                text = try string()
            case .span:
                try once(&seen, 4)
                c.span = try span()
            case .kind:
                try once(&seen, 8)
                c.kind = try kind()
            case .quotes:
                try once(&seen, 16)
                c.quotes = try quotes()
            case .attribution:
                try once(&seen, 32)
                if try null() {
                    c.attribution = .null
                } else {
                    c.attribution = .value(try attribution())
                }
            case .optional:
                try once(&seen, 64)
                c.isOptional = try bool()
            case .note:
                try once(&seen, 128)
                try skipValue(depth: 4)
            case .decidedBy:
                try once(&seen, 256)
                try skipValue(depth: 4)
            default:
                throw Refused()
            }
            guard try nextMember() else { break }
        }
        guard let text else { throw Refused() }
        c.text = text
        fixture.claims.append(c)
    }

    private mutating func kind() throws(Refused) -> ClaimKind {
        let s = try string()
        guard !s.escaped, let w = word(s.start, s.count) else { throw Refused() }
        switch (s.count, w) {
        case (6, 0x7463_6572_6964): return .direct  // "direct"
        case (8, 0x7463_6572_6964_6e69): return .indirect  // "indirect"
        case (5, 0x64_6578_696d): return .mixed  // "mixed"
        case (12, _):
            // "unattributed": "unattrib" + "tributed"
            guard w == 0x6269_7274_7461_6e75, load(s.start + 4) == 0x6465_7475_6269_7274 else { throw Refused() }
            return .unattributed
        default: throw Refused()
        }
    }

    private mutating func sourceType() throws(Refused) -> SourceType {
        let s = try string()
        guard !s.escaped, let w = word(s.start, s.count) else { throw Refused() }
        switch (s.count, w) {
        case (6, 0x6e6f_7372_6570): return .person
        case (12, _):
            // "organization": "organiza" + "nization"
            guard w == 0x617a_696e_6167_726f, load(s.start + 4) == 0x6e6f_6974_617a_696e else { throw Refused() }
            return .organization
        case (5, 0x61_6964_656d): return .media
        case (10, _):
            // "government": "governme" + "vernment"
            guard w == 0x656d_6e72_6576_6f67, load(s.start + 2) == 0x746e_656d_6e72_6576 else { throw Refused() }
            return .government
        case (8, 0x746e_656d_7563_6f64): return .document
        case (5, 0x70_756f_7267): return .group
        case (9, _):
            // "anonymous": "anonymou" + "nonymous"
            guard w == 0x756f_6d79_6e6f_6e61, load(s.start + 1) == 0x7375_6f6d_796e_6f6e else { throw Refused() }
            return .anonymous
        default: throw Refused()
        }
    }

    private mutating func quotes() throws(Refused) -> Range<Int> {
        let first = fixture.quotes.count
        try array { (s) throws(Refused) in
            guard s.i < s.n else { throw Refused() }
            s.fixture.quotes.append(s.p[s.i] == 0x22 ? .plain(try s.string()) : .object(try s.textSpan()))
        }
        return first..<fixture.quotes.count
    }

    private mutating func textSpan() throws(Refused) -> ScannedTextSpan {
        try object(ScannedTextSpan()) { (s, key, t) throws(Refused) in
            switch key {
            case .text: t.text = try s.string()
            case .span: t.span = try s.span()
            default: throw Refused()
            }
        }
    }

    /// `null` or a `{"text", "span"}` object (a time).
    private mutating func time() throws(Refused) -> Stated<ScannedTextSpan> {
        try null() ? .null : .value(try textSpan())
    }

    private mutating func source() throws(Refused) -> ScannedSource {
        try object(ScannedSource()) { (s, key, source) throws(Refused) in
            switch key {
            case .text: source.text = try s.string()
            case .span: source.span = try s.span()
            case .name: source.name = try s.string()
            case .role: source.role = try s.null() ? .null : .value(try s.string())
            case .type: source.type = try s.sourceType()
            default: throw Refused()
            }
        }
    }

    private mutating func cue() throws(Refused) -> ScannedCue {
        try object(ScannedCue()) { (s, key, c) throws(Refused) in
            switch key {
            case .text: c.text = try s.string()
            case .span: c.span = try s.span()
            case .lemma: c.lemma = try s.string()
            default: throw Refused()
            }
        }
    }

    private mutating func attribution() throws(Refused) -> ScannedAttribution {
        try object(ScannedAttribution()) { (s, key, a) throws(Refused) in
            switch key {
            case .source: a.source = try s.source()
            case .cue: a.cue = try s.cue()
            case .time: a.time = try s.time()
            case .via: a.via = try s.via()
            default: throw Refused()
            }
        }
    }

    private mutating func via() throws(Refused) -> Range<Int> {
        // Hops are appended after the whole array is read: a hop holds no nested hops.
        let first = fixture.hops.count
        try array { (s) throws(Refused) in s.fixture.hops.append(try s.hop()) }
        return first..<fixture.hops.count
    }

    private mutating func hop() throws(Refused) -> ScannedHop {
        try object(ScannedHop()) { (s, key, h) throws(Refused) in
            switch key {
            case .source: h.source = try s.source()
            case .cue: h.cue = try s.cue()
            case .time: h.time = try s.time()
            default: throw Refused()
            }
        }
    }

    /// No two claims with the same id (ids are plain ASCII here, so bytes decide).
    private func checkIDs() throws(Refused) {
        var hashes: [(hash: UInt64, claim: Int)] = []
        for (k, c) in fixture.claims.enumerated() {
            guard let id = c.id else { continue }
            hashes.append((Self.hash(p + id.start, id.count), k))
        }
        guard hashes.count > 1 else { return }
        hashes.sort { $0.hash < $1.hash }
        for k in 1..<hashes.count where hashes[k].hash == hashes[k - 1].hash {
            let a = fixture.claims[hashes[k].claim].id!
            let b = fixture.claims[hashes[k - 1].claim].id!
            if a.count == b.count && memcmp(p + a.start, p + b.start, a.count) == 0 { throw Refused() }
        }
    }

    /// FNV-1a over `count` bytes.
    static func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in 0..<count {
            h ^= UInt64(bytes[k])
            h &*= 0x100_0000_01b3
        }
        return h
    }

    // MARK: Keys

    /// The keys of the fixture schema; any other key is refused.
    enum Key: UInt8 {
        case id, text, span, kind, note, quotes, optional, decidedBy, attribution
        case name, role, type, lemma, source, cue, time, via
        case schemaVersion, article, claims
    }

    /// A member's key, then its `:`; positioned at the value. Only the schema's keys are
    /// read (anything else, escaped keys included — `"te\u0078t"` is "text" — is refused).
    @inline(__always)
    private mutating func key() throws(Refused) -> Key {
        guard i < n, p[i] == 0x22 else { throw Refused() }
        let start = i + 1
        guard start + 16 <= n else { return try keyNearTheEnd() }
        // The key's first eight bytes; the closing quote is the first `"` among them, or
        // the key is one of the three longer ones.
        let w = load(start)
        let q = w ^ 0x2222_2222_2222_2222
        let quotes = (q &- 0x0101_0101_0101_0101) & ~q & 0x8080_8080_8080_8080
        let key: Key
        if quotes != 0 {
            let count = quotes.trailingZeroBitCount >> 3
            i = start + count + 1
            key = try Self.key(count, count == 0 ? 0 : w & (~0 >> UInt64(64 - 8 * count)))
        } else if w == 0x6c61_6e6f_6974_706f && p[start + 8] == 0x22 {
            key = .optional
            i = start + 9
        } else if w == 0x4264_6564_6963_6564 && load(start + 2) == 0x2279_4264_6564_6963 {
            key = .decidedBy  // "decidedB", then "cidedBy\""
            i = start + 10
        } else if w == 0x7475_6269_7274_7461 && load(start + 4) == 0x226e_6f69_7475_6269 {
            key = .attribution  // "attribut", then "ibution\""
            i = start + 12
        } else if w == 0x6556_616d_6568_6373 && load(start + 6) == 0x226e_6f69_7372_6556 {
            key = .schemaVersion  // "schemaVe", then "Version\""
            i = start + 14
        } else {
            throw Refused()
        }
        space()
        try expect(0x3A)  // :
        space()
        return key
    }

    /// ``key()`` byte by byte, within 16 bytes of the end.
    private mutating func keyNearTheEnd() throws(Refused) -> Key {
        let start = i + 1
        var k = start
        while k < n && p[k] != 0x22 { k += 1 }
        guard k < n else { throw Refused() }
        let count = k - start
        guard count <= 8 else { throw Refused() }  // a long key cannot end a valid fixture
        var w: UInt64 = 0
        for j in 0..<count { w |= UInt64(p[start + j]) << (8 * UInt64(j)) }
        let key = try Self.key(count, w)
        i = k + 1
        space()
        try expect(0x3A)
        space()
        return key
    }

    /// The key of `count` (at most 8) bytes whose little-endian word is `w`.
    @inline(__always)
    private static func key(_ count: Int, _ w: UInt64) throws(Refused) -> Key {
        switch count {
        case 2 where w == 0x6469: return .id
        case 3 where w == 0x65_7563: return .cue
        case 3 where w == 0x61_6976: return .via
        case 4:
            switch w {
            case 0x7478_6574: return .text
            case 0x6e61_7073: return .span
            case 0x646e_696b: return .kind
            case 0x6574_6f6e: return .note
            case 0x656d_616e: return .name
            case 0x656c_6f72: return .role
            case 0x6570_7974: return .type
            case 0x656d_6974: return .time
            default: throw Refused()
            }
        case 5 where w == 0x61_6d6d_656c: return .lemma
        case 6:
            switch w {
            case 0x7365_746f_7571: return .quotes
            case 0x6563_7275_6f73: return .source
            case 0x736d_6961_6c63: return .claims
            default: throw Refused()
            }
        case 7 where w == 0x65_6c63_6974_7261: return .article
        case 8 where w == 0x6c61_6e6f_6974_706f: return .optional
        default: throw Refused()
        }
    }

    /// The first `min(count, 8)` bytes at `start` as a little-endian word (zero above);
    /// nil when `start + 8` is beyond the buffer and the key is long.
    @inline(__always)
    private func word(_ start: Int, _ count: Int) -> UInt64? {
        if start + 8 <= n {
            return count >= 8 ? load(start) : count == 0 ? 0 : load(start) & (~0 >> UInt64(64 - 8 * count))
        }
        guard count < 8 else { return nil }
        var w: UInt64 = 0
        for k in 0..<count { w |= UInt64(p[start + k]) << (8 * UInt64(k)) }
        return w
    }

    /// Eight bytes at `offset` (which the caller knows are inside the buffer).
    @inline(__always)
    private func load(_ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p + offset).loadUnaligned(as: UInt64.self))
    }

    /// Marks a key as seen; a second time is a duplicate key (refused).
    @inline(__always)
    private func once<T: FixedWidthInteger>(_ seen: inout T, _ bit: T) throws(Refused) {
        guard seen & bit == 0 else { throw Refused() }
        seen |= bit
    }

    /// An object of the schema, `{…}`, each member read by `member(&self, key, &value)`
    /// into `value` (an empty object leaves it as given); a key given twice is refused.
    @inline(__always)
    private mutating func object<T>(
        _ value: T, _ member: (inout FixtureScanner, Key, inout T) throws(Refused) -> Void
    ) throws(Refused) -> T {
        try expect(0x7B)
        var value = value
        space()
        if peek == 0x7D {
            i += 1
            return value
        }
        var seen: UInt32 = 0
        while true {
            let key = try self.key()
            try once(&seen, 1 << key.rawValue)
            try member(&self, key, &value)
            guard try nextMember() else { return value }
        }
    }

    /// An array, `[…]`, each element read by `element(&self)`.
    @inline(__always)
    private mutating func array(_ element: (inout FixtureScanner) throws(Refused) -> Void) throws(Refused) {
        try expect(0x5B)
        space()
        if peek == 0x5D {
            i += 1
            return
        }
        while true {
            try element(&self)
            space()
            guard i < n else { throw Refused() }
            if p[i] == 0x2C {  // ,
                i += 1
                space()
                continue
            }
            if p[i] == 0x5D {  // ]
                i += 1
                return
            }
            throw Refused()
        }
    }

    /// After a member's value: `,` and the next key (true), or the object's `}` (false).
    @inline(__always)
    private mutating func nextMember() throws(Refused) -> Bool {
        space()
        guard i < n else { throw Refused() }
        if p[i] == 0x2C {
            i += 1
            space()
            return true
        }
        if p[i] == 0x7D {
            i += 1
            return false
        }
        throw Refused()
    }

    // MARK: Values

    private var peek: UInt8 { i < n ? p[i] : 0 }

    @inline(__always)
    private mutating func expect(_ byte: UInt8) throws(Refused) {
        guard i < n, p[i] == byte else { throw Refused() }
        i += 1
    }

    /// JSON white space: space, tab, CR, LF.
    @inline(__always)
    private mutating func space() {
        if i < n && p[i] > 0x20 { return }
        // One space (after a colon) before a value.
        if i + 1 < n && p[i] == 0x20 && p[i + 1] > 0x20 {
            i += 1
            return
        }
        spaceRun()
    }

    /// A run of white space, eight bytes at a time (a line break and indentation is
    /// usually one or two words). Stops at anything else, a control character included,
    /// which the caller then refuses.
    private mutating func spaceRun() {
        let high: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let w = load(i)
            // High bit of each byte above 0x20 (exact per byte: no borrow crosses bytes).
            let above = (((w | high) &- 0x2121_2121_2121_2121) | w) & high
            let count = above == 0 ? 8 : above.trailingZeroBitCount >> 3
            if count == 0 { return }
            let mask = count == 8 ? high : high & ((1 << UInt64(8 * count)) &- 1)
            if (w ^ 0x2020_2020_2020_2020) & ((mask >> 7) &* 0xFF) != 0 {
                // Not all spaces: each byte before `count` must be space, LF, CR or tab.
                let blank =
                    Self.zeroBytes(w ^ 0x2020_2020_2020_2020) | Self.zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A)
                    | Self.zeroBytes(w ^ 0x0D0D_0D0D_0D0D_0D0D) | Self.zeroBytes(w ^ 0x0909_0909_0909_0909)
                let ok = blank & mask == mask ? count : (~blank & mask).trailingZeroBitCount >> 3
                i += ok
                if ok < count { return }
            } else {
                i += count
            }
            if count < 8 { return }
        }
        while i < n {
            let b = p[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            i += 1
        }
    }

    /// The high bit of every zero byte of `y`, exactly (no borrow between bytes).
    @inline(__always)
    static func zeroBytes(_ y: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((y & low) &+ low) | y) & 0x8080_8080_8080_8080
    }

    /// `null` (true, consumed) or something else (false, not consumed).
    @inline(__always)
    private mutating func null() throws(Refused) -> Bool {
        guard i < n, p[i] == 0x6E else { return false }
        guard i + 4 <= n, p[i + 1] == 0x75, p[i + 2] == 0x6C, p[i + 3] == 0x6C else { throw Refused() }
        i += 4
        return true
    }

    private mutating func bool() throws(Refused) -> Bool {
        if i + 4 <= n, p[i] == 0x74, p[i + 1] == 0x72, p[i + 2] == 0x75, p[i + 3] == 0x65 {
            i += 4
            return true
        }
        if i + 5 <= n, p[i] == 0x66, p[i + 1] == 0x61, p[i + 2] == 0x6C, p[i + 3] == 0x73, p[i + 4] == 0x65 {
            i += 5
            return false
        }
        throw Refused()
    }

    /// A plain non-negative integer: no sign, fraction, exponent or leading zero, at most
    /// 15 digits (exact as a Double, as the full reader keeps numbers).
    @inline(__always)
    private mutating func unsigned() throws(Refused) -> Int {
        guard i < n else { throw Refused() }
        var value = 0
        let start = i
        if p[i] == 0x30 {
            i += 1
        } else {
            while i < n, p[i] &- 0x30 < 10 {
                value = value * 10 + Int(p[i] &- 0x30)
                i += 1
                guard i - start <= 15 else { throw Refused() }
            }
            guard i > start else { throw Refused() }
        }
        // The full reader takes every [0-9.eE+-] after the first digit as the number.
        if i < n {
            switch p[i] {
            case 0x30...0x39, 0x2E, 0x65, 0x45, 0x2B, 0x2D: throw Refused()
            default: break
            }
        }
        return value
    }

    /// `[start, end]` with `start <= end <= articleLength` (a span beyond the article is
    /// reported by the full reader).
    @inline(__always)
    private mutating func span() throws(Refused) -> RawSpan {
        try expect(0x5B)
        space()
        let start = try unsigned()
        space()
        try expect(0x2C)
        space()
        let end = try unsigned()
        space()
        try expect(0x5D)
        guard start <= end, end <= articleLength else { throw Refused() }
        return RawSpan(start: start, end: end)
    }

    /// A string: `"` is the current byte. Escapes are checked as the full reader checks
    /// them, control characters are refused, and a string with non-ASCII bytes is
    /// checked to be UTF-8.
    @inline(__always)
    private mutating func string() throws(Refused) -> RawString {
        guard i < n, p[i] == 0x22 else { throw Refused() }
        i += 1
        let start = i
        var escaped = false
        var high: UInt64 = 0
        while true {
            // Eight bytes at a time up to the first `"`, `\` or control character.
            while i + 8 <= n {
                let w = load(i)
                let special = Self.special(w)
                if special != 0 {
                    let k = special.trailingZeroBitCount >> 3
                    if k > 0 { high |= w & (~0 >> UInt64(64 - 8 * k)) }
                    i += k
                    break
                }
                high |= w
                i += 8
            }
            guard i < n else { throw Refused() }
            let b = p[i]
            if b == 0x22 { break }
            if b == 0x5C {
                escaped = true
                try escape()
            } else if b < 0x20 {
                throw Refused()
            } else {
                high |= UInt64(b)
                i += 1
            }
        }
        let ascii = high & 0x8080_8080_8080_8080 == 0
        if !ascii { try utf8(start, i) }
        let s = RawString(start: start, end: i, escaped: escaped, ascii: ascii)
        i += 1
        return s
    }

    /// The high bit of the eight bytes of `w` that are `"`, `\` or below 0x20; the lowest
    /// one set is exact (a borrow only runs upward from a byte that is found).
    @inline(__always)
    static func special(_ w: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        let control = (w &- ones &* 0x20) & ~w & high
        let q = w ^ (ones &* 0x22)
        let quote = (q &- ones) & ~q & high
        let s = w ^ (ones &* 0x5C)
        let backslash = (s &- ones) & ~s & high
        return control | quote | backslash
    }

    /// One escape at `\`: `\" \\ \/ \b \f \n \r \t` or `\uXXXX`, a high surrogate only
    /// with a low one after it.
    private mutating func escape() throws(Refused) {
        guard i + 1 < n else { throw Refused() }
        switch p[i + 1] {
        case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
            i += 2
        case 0x75:
            i += 2
            let unit = try hex4()
            if (0xD800..<0xDC00).contains(unit) {
                guard i + 1 < n, p[i] == 0x5C, p[i + 1] == 0x75 else { throw Refused() }
                i += 2
                guard (0xDC00..<0xE000).contains(try hex4()) else { throw Refused() }
            } else if (0xDC00..<0xE000).contains(unit) {
                throw Refused()
            }
        default:
            throw Refused()
        }
    }

    private mutating func hex4() throws(Refused) -> UInt32 {
        guard i + 4 <= n else { throw Refused() }
        var v: UInt32 = 0
        for k in i..<(i + 4) {
            let c = p[k]
            let digit: UInt8
            switch c {
            case 0x30...0x39: digit = c - 0x30
            case 0x41...0x46: digit = c - 0x41 + 10
            case 0x61...0x66: digit = c - 0x61 + 10
            default: throw Refused()
            }
            v = v << 4 | UInt32(digit)
        }
        i += 4
        return v
    }

    /// The bytes `start..<end` are UTF-8 by the rules of
    /// `ArticleReader.firstInvalidUTF8` (no overlong forms, surrogates or values above
    /// U+10FFFF); escapes are ASCII and pass as such.
    private func utf8(_ start: Int, _ end: Int) throws(Refused) {
        let invalid = ArticleReader.firstInvalidUTF8(UnsafeBufferPointer(start: p + start, count: end - start))
        guard invalid == nil else { throw Refused() }
    }

    /// Any JSON value not compared (`note`, `decidedBy`), checked as the full reader would
    /// check it, at nesting `depth`. Refused: numbers other than plain integers (with an
    /// optional minus), objects with more than 16 keys, and a `span` key (the full
    /// reader checks such spans against the article).
    private mutating func skipValue(depth: Int) throws(Refused) {
        guard depth <= Self.maximumDepth, i < n else { throw Refused() }
        switch p[i] {
        case 0x22:
            _ = try string()
        case 0x7B:
            i += 1
            space()
            if peek == 0x7D {
                i += 1
                return
            }
            var keys: [(start: Int, count: Int)] = []
            while true {
                guard i < n, p[i] == 0x22 else { throw Refused() }
                let start = i + 1
                var k = start
                while k < n, p[k] != 0x22 {
                    guard p[k] >= 0x20 && p[k] < 0x80 && p[k] != 0x5C else { throw Refused() }
                    k += 1
                }
                guard k < n else { throw Refused() }
                let count = k - start
                if count == 4 && p[start] == 0x73 && p[start + 1] == 0x70 && p[start + 2] == 0x61
                    && p[start + 3] == 0x6E
                {
                    throw Refused()  // "span"
                }
                for other in keys where other.count == count && memcmp(p + other.start, p + start, count) == 0 {
                    throw Refused()  // duplicate key
                }
                guard keys.count < 16 else { throw Refused() }
                keys.append((start, count))
                i = k + 1
                space()
                try expect(0x3A)
                space()
                try skipValue(depth: depth + 1)
                guard try nextMember() else { return }
            }
        case 0x5B:
            i += 1
            space()
            if peek == 0x5D {
                i += 1
                return
            }
            while true {
                try skipValue(depth: depth + 1)
                space()
                guard i < n else { throw Refused() }
                if p[i] == 0x2C {
                    i += 1
                    space()
                    continue
                }
                if p[i] == 0x5D {
                    i += 1
                    return
                }
                throw Refused()
            }
        case 0x74, 0x66:
            _ = try bool()
        case 0x6E:
            guard try null() else { throw Refused() }
        case 0x2D:
            i += 1
            guard i < n, p[i] &- 0x30 < 10 else { throw Refused() }
            _ = try unsigned()
        case 0x30...0x39:
            _ = try unsigned()
        default:
            throw Refused()
        }
    }

    // MARK: Decoding

    /// The decoded value of a string the scanner has checked, appended to `out`.
    static func decode(_ s: RawString, from p: UnsafePointer<UInt8>, into out: inout [UInt8]) {
        var k = s.start
        while k < s.end {
            let b = p[k]
            guard b == 0x5C, k + 1 < s.end else {
                out.append(b)
                k += 1
                continue
            }
            let e = p[k + 1]
            k += 2
            switch e {
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = hexValue(p, k, s.end)
                k += 4
                if (0xD800..<0xDC00).contains(scalar), k + 6 <= s.end {
                    let low = hexValue(p, k + 2, s.end)
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00)
                    k += 6
                }
                // Checked by the scanner; U+FFFD keeps a bad value unequal rather than trapping.
                let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                UTF8.encode(u) { out.append($0) }
            default: out.append(e)  // " \ /
            }
        }
    }

    private static func hexValue(_ p: UnsafePointer<UInt8>, _ k: Int, _ end: Int) -> UInt32 {
        guard k + 4 <= end else { return 0xFFFD }
        var v: UInt32 = 0
        for j in k..<(k + 4) {
            let c = p[j]
            let digit: UInt32
            switch c {
            case 0x30...0x39: digit = UInt32(c - 0x30)
            case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
            default: return 0xFFFD
            }
            v = v << 4 | digit
        }
        return v
    }

    /// Whether `"article"` passes the full reader's check
    /// (``FixtureWriter/unsafeNameReason(_:)``): byte by byte for a plain ASCII name, where
    /// that is what the check's string searches find, else by the check itself.
    private func isSafeName(_ s: RawString) -> Bool {
        guard s.ascii && !s.escaped else {
            guard let name = decodedString(s) else { return false }
            return FixtureWriter.unsafeNameReason(name) == nil
        }
        guard s.count > 0 && s.count <= 255 else { return false }
        if s.count == 1 && p[s.start] == 0x2E { return false }  // "."
        var dot = false
        for k in s.start..<s.end {
            let b = p[k]
            if b == 0x2F || b == 0x5C || b < 0x20 || b == 0x7F || (dot && b == 0x2E) { return false }
            dot = b == 0x2E
        }
        return true
    }

    private func decodedString(_ s: RawString) -> String? {
        if !s.escaped {
            return String(validating: UnsafeBufferPointer(start: p + s.start, count: s.count), as: UTF8.self)
        }
        var out: [UInt8] = []
        Self.decode(s, from: p, into: &out)
        return String(validating: out, as: UTF8.self)
    }
}
