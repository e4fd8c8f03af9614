import Foundation

/// Reads a file or standard input line by line in fixed-size chunks, so that a stream
/// of any length is read with memory bounded by the longest line (and at most
/// `maxLineBytes` of it).
///
/// Lines end at LF; a CR before the LF is dropped, as is the LF. A last line without
/// an LF is still a line. Line numbers are 1-based.
public final class LineReader {
    /// One line of input.
    public struct Line: Sendable {
        /// 1-based line number.
        public var number: Int
        /// The line's bytes without its line end; empty when `tooLong`.
        public var bytes: [UInt8]
        /// The line had more than `maxLineBytes` bytes; they were skipped, not kept.
        public var tooLong: Bool
    }

    /// A read error, with the path and the reason.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        /// The file read (`-` for standard input).
        public var path: String
        /// The system's reason (strerror).
        public var reason: String
        /// `path: cannot read (reason)`.
        public var description: String { "\(path): cannot read (\(reason))" }
    }

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let path: String
    /// The longest line kept, in bytes; a longer line comes back as `tooLong`, empty.
    public let maxLineBytes: Int
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    /// Bytes of `buffer` before `start` are consumed.
    private var start = 0
    private var atEnd = false
    private var lineNumber = 0

    /// Reads `path`, or standard input when `path` is `-`.
    ///
    /// - Throws: ``ArticleReader/Problem`` when the file is missing or a directory,
    ///   ``ReadError`` when it cannot be opened.
    public convenience init(path: String, maxLineBytes: Int = ArticleReader.sizeLimit) throws {
        if path == "-" {
            self.init(
                descriptor: FileHandle.standardInput.fileDescriptor, owns: false, path: "-", maxLineBytes: maxLineBytes)
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ArticleReader.Problem.notFound(path: path)
        }
        if isDirectory.boolValue { throw ArticleReader.Problem.isDirectory(path: path) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        self.init(descriptor: fd, owns: true, path: path, maxLineBytes: maxLineBytes)
    }

    /// Reads an open file descriptor, which stays open (the reader does not own it).
    public convenience init(fileDescriptor: Int32, path: String, maxLineBytes: Int = ArticleReader.sizeLimit) {
        self.init(descriptor: fileDescriptor, owns: false, path: path, maxLineBytes: maxLineBytes)
    }

    private init(descriptor: Int32, owns: Bool, path: String, maxLineBytes: Int, chunkSize: Int = 1 << 16) {
        self.descriptor = descriptor
        self.ownsDescriptor = owns
        self.path = path
        self.maxLineBytes = max(1, maxLineBytes)
        self.chunkSize = chunkSize
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// The next line, or nil at the end of the input.
    /// - Throws: ``ReadError`` when reading fails.
    public func next() throws -> Line? {
        var skipping = false  // inside a line over the limit: drop bytes up to its LF
        var searchFrom = start
        while true {
            if let newline = firstNewline(from: searchFrom) {
                lineNumber += 1
                defer { start = newline + 1 }
                if skipping || newline - start > maxLineBytes {
                    return Line(number: lineNumber, bytes: [], tooLong: true)
                }
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                return Line(number: lineNumber, bytes: Array(buffer[start..<end]), tooLong: false)
            }
            if atEnd {
                guard start < buffer.count || skipping else { return nil }
                lineNumber += 1
                defer {
                    start = buffer.count
                    buffer.removeAll()
                    start = 0
                }
                if skipping || buffer.count - start > maxLineBytes {
                    return Line(number: lineNumber, bytes: [], tooLong: true)
                }
                var end = buffer.count
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                return Line(number: lineNumber, bytes: Array(buffer[start..<end]), tooLong: false)
            }
            // No LF in what is buffered: drop what is consumed (or, past the limit, the
            // whole partial line), then read more.
            if buffer.count - start > maxLineBytes {
                skipping = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
            } else if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            searchFrom = buffer.count
            try fill()
        }
    }

    private func firstNewline(from index: Int) -> Int? {
        guard index < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { b -> Int? in
            guard let base = b.baseAddress, let hit = memchr(base + index, 0x0A, b.count - index) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    private func fill() throws {
        let old = buffer.count
        buffer.reserveCapacity(old + chunkSize)
        var got = 0
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        while true {
            got = buffer.withUnsafeMutableBufferPointer { b in read(descriptor, b.baseAddress! + old, chunkSize) }
            if got < 0 && errno == EINTR { continue }
            break
        }
        if got < 0 {
            let reason = String(cString: strerror(errno))
            buffer.removeSubrange(old...)
            throw ReadError(path: path, reason: reason)
        }
        buffer.removeSubrange((old + got)...)
        if got == 0 { atEnd = true }
    }
}
