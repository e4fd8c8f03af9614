import Foundation

/// Reads article bytes from a file or standard input and checks they are text.
///
/// Only I/O and decoding throw; extraction never does. The bytes are kept exactly as
/// read (a BOM, CRLF line ends and all), so spans are offsets into the file itself.
public enum ArticleReader {
    /// What can be wrong with an article's bytes or file.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// No file at the path.
        case notFound(path: String)
        /// The path is a directory.
        case isDirectory(path: String)
        /// The file cannot be read; `reason` is the system's.
        case unreadable(path: String, reason: String)
        /// A NUL byte: binary data, not text.
        case binary(path: String, offset: Int)
        /// Bytes that are not UTF-8, at this byte offset.
        case invalidUTF8(path: String, offset: Int)
        /// Over the size limit; `bytes` is how much was read before giving up.
        case tooLarge(path: String, bytes: Int, limit: Int)

        /// The problem as a message naming the file.
        public var description: String {
            // Standard input and an empty name are spelled out.
            func name(_ p: String) -> String {
                p == "-" ? "standard input" : p.isEmpty ? "\"\" (an empty file name)" : p
            }
            switch self {
            case .notFound(let p): return "\(name(p)): no such file"
            case .isDirectory(let p): return "\(name(p)): is a directory, not an article file"
            case .unreadable(let p, let r): return "\(name(p)): cannot read (\(r))"
            case .binary(let p, let o):
                return "\(name(p)): binary data (NUL byte at byte offset \(o)), not a text article"
            case .invalidUTF8(let p, let o):
                return "\(name(p)): invalid UTF-8 at byte offset \(o)"
            case .tooLarge(let p, _, let l): return "\(name(p)): larger than the limit of \(l) bytes for an article"
            }
        }
    }

    /// The largest article read (1 GiB): a guard against reading a device or a mistake.
    public static let sizeLimit = 1 << 30

    /// Reads `path` (`-` for standard input).
    ///
    /// - Parameters:
    ///   - path: the article file, or `-` for standard input.
    ///   - lossy: replace invalid UTF-8 with U+FFFD instead of failing (spans are then
    ///     offsets into the repaired text); NUL bytes are still refused.
    ///   - limit: the most bytes read (``sizeLimit`` unless a test says otherwise);
    ///     reading stops beyond it, so a device such as /dev/zero fails rather than hangs.
    /// - Returns: the bytes as read and, with `lossy`, whether anything was replaced.
    /// - Throws: ``Problem``: missing file, a directory, an unreadable file (with the
    ///   system's reason), too large, binary data or invalid UTF-8 (with the byte offset).
    public static func read(path: String, lossy: Bool = false, limit: Int = sizeLimit) throws -> (
        bytes: [UInt8], repaired: Bool
    ) {
        try read(path: path, lossy: lossy, limit: limit, folder: AT_FDCWD, name: nil)
    }

    /// ``read(path:lossy:limit:)``, the file being `name` in a folder from
    /// `FileBytes.openFolder` (`path` names it in messages).
    static func read(path: String, lossy: Bool = false, limit: Int = sizeLimit, folder: Int32, name: String?) throws
        -> (bytes: [UInt8], repaired: Bool)
    {
        let bytes: [UInt8]
        do {
            bytes =
                path == "-"
                ? try FileBytes.read(fd: 0, limit: limit)
                : try FileBytes.read(path: path, limit: limit, folder: folder, name: name)
        } catch {
            switch error {
            case .notFound: throw Problem.notFound(path: path)
            case .isDirectory: throw Problem.isDirectory(path: path)
            case .unreadable(let reason): throw Problem.unreadable(path: path, reason: reason)
            case .tooLarge(let n): throw Problem.tooLarge(path: path, bytes: n, limit: limit)
            }
        }
        return try check(bytes, path: path, lossy: lossy)
    }

    /// Checks bytes are UTF-8 text: no NUL, valid encoding (or repaired with `lossy`).
    public static func check(_ bytes: [UInt8], path: String, lossy: Bool = false) throws -> (
        bytes: [UInt8], repaired: Bool
    ) {
        if let nul = firstNUL(bytes) { throw Problem.binary(path: path, offset: nul) }
        if let bad = firstInvalidUTF8(bytes) {
            guard lossy else { throw Problem.invalidUTF8(path: path, offset: bad) }
            return (Array(String(decoding: bytes, as: UTF8.self).utf8), true)
        }
        return (bytes, false)
    }

    /// Byte offset of the first NUL byte, or nil (memchr(3)).
    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress, let hit = memchr(base, 0, b.count) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
    }

    /// Byte offset of the first byte that is not part of valid UTF-8, or nil.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer(firstInvalidUTF8)
    }

    /// ``firstInvalidUTF8(_:)`` over a buffer; ASCII is passed over eight bytes at a time.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                while i + 8 <= n
                    && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    i += 8
                }
                continue
            }
            let length: Int
            var minimum: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return i
            }
            guard i + length <= n else { return i }
            var scalar = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            minimum = 0
            i += length
        }
        return nil
    }

    /// A short reason for a file error.
    public static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileReadNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError: return "permission denied"
            default: break
            }
        }
        return ns.localizedDescription
    }
}
