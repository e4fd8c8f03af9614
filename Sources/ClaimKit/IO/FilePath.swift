/// Path strings split and joined by hand, on "/".
///
/// Foundation's `NSString` path methods crash on some short paths on Linux (a
/// one-character path such as `x` traps in `lastPathComponent` with this toolchain),
/// so the tools never call them.
public enum FilePath {
    /// The last component: `dir/name.txt` → `name.txt`; trailing slashes ignored.
    public static func name(_ path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// Everything before the last component: `dir/name.txt` → `dir`, `name.txt` → `""`,
    /// `/name` → `/`.
    public static func directory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `dir` + `/` + `name`, without doubling a slash; `name` alone when `dir` is empty.
    public static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The name without its last extension: `dir/a.b.txt` → `a.b`.
    public static func stem(_ path: String) -> String {
        let n = name(path)
        guard let dot = n.lastIndex(of: "."), dot != n.startIndex else { return n }
        return String(n[..<dot])
    }
}
