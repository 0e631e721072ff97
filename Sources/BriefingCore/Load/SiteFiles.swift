import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists the files of a site folder without leaving the site: a symlink is followed only when
/// it points at a file inside the site folder.
struct SiteFiles {
    /// The site folder, absolute and free of symlinks.
    let root: String

    init(root: String) {
        self.root = OutputWriter.canonical(root)
    }

    enum Link: Equatable {
        /// Not a symlink, or one that resolves inside the site.
        case inside
        case outside
        case broken
    }

    /// Where `relative` (a path in the site folder) leads once every symlink in it is resolved.
    func resolve(_ relative: String) -> Link {
        guard let real = realpath(root + "/" + relative, nil) else {
            // A missing file is not a link problem; a dangling symlink is.
            var info = stat()
            return lstat(root + "/" + relative, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK ? .broken : .inside
        }
        defer { free(real) }
        return OutputWriter.isSameOrInside(String(cString: real), root) ? .inside : .outside
    }

    /// The diagnostic for a path that leads outside the site or nowhere, or nil when it may be read.
    func problem(_ relative: String) -> Diagnostic? {
        switch resolve(relative) {
        case .inside: nil
        case .outside: Diagnostic(SourceLocation(path: relative), LoadProblem.symlinkOutside)
        case .broken: Diagnostic(SourceLocation(path: relative), LoadProblem.symlinkBroken)
        }
    }

    /// Files under `folder` (relative to the site), relative to `folder`, sorted; names starting
    /// with "." are skipped. Symlinks leading outside the site or nowhere are reported and skipped;
    /// a symlink to a folder is not descended into (it could loop), and is reported.
    func files(under folder: String, diagnostics: inout [Diagnostic]) -> [String] {
        var found: [String] = []
        if let problem = problem(folder) {
            diagnostics.append(problem)
            return []
        }
        walk(folder, prefix: "", into: &found, diagnostics: &diagnostics)
        return found.sorted()
    }

    private func walk(_ folder: String, prefix: String, into found: inout [String], diagnostics: inout [Diagnostic]) {
        guard let entries = FolderListing.entries(of: root + "/" + folder) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + folder, isDirectory: &isDir), isDir.boolValue {
                diagnostics.append(Diagnostic(SourceLocation(path: folder), LoadProblem.cannotReadFolder))
            }
            return
        }
        for (name, kind) in entries.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
            let relative = folder + "/" + name
            if kind == .folder {
                walk(relative, prefix: prefix + name + "/", into: &found, diagnostics: &diagnostics)
            } else if kind == .symlink {
                if let problem = problem(relative) {
                    diagnostics.append(problem)
                    continue
                }
                var target = stat()
                guard stat(root + "/" + relative, &target) == 0 else { continue }
                if (target.st_mode & S_IFMT) == S_IFDIR {
                    diagnostics.append(Diagnostic(SourceLocation(path: relative), LoadProblem.symlinkToFolder, severity: .warning))
                } else {
                    found.append(prefix + name)
                }
            } else if kind == .file {
                found.append(prefix + name)
            }
        }
    }

    /// Warnings for names under `folder` that differ only by case: they would overwrite each
    /// other on a case-insensitive file system (macOS, Windows) or host.
    static func caseCollisions(_ names: [String], in folder: String) -> [Diagnostic] {
        var first: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for name in names.sorted() {
            let key = name.lowercased()
            if let earlier = first[key] {
                diagnostics.append(Diagnostic(SourceLocation(path: "\(folder)/\(name)"), LoadProblem.caseCollision(with: "\(folder)/\(earlier)"),
                                              severity: .warning))
            } else {
                first[key] = name
            }
        }
        return diagnostics
    }
}
