import Foundation
import Testing
@testable import BriefingCore

/// `briefing init` writes the files carried in the program: they must be those of the repository.
@Suite struct StarterFilesTests {
    static let repository = FixtureSite.repository

    /// Files under `folder`, by relative path, leaving out hidden ones and `excluded`.
    static func files(under folder: String, excluding excluded: Set<String> = []) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        while let path = enumerator.nextObject() as? String {
            if (path as NSString).lastPathComponent.hasPrefix(".") || excluded.contains(path) {
                enumerator.skipDescendants()
                continue
            }
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { found[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path)) }
        }
        return found
    }

    @Test func carriedFilesAreTheRepositorysTemplatesAndStarterContent() throws {
        var expected: [String: Data] = [:]
        for (path, data) in try Self.files(under: Self.repository + "/Templates", excluding: ["screenshots", "README.md"]) {
            expected["Templates/" + path] = data
        }
        for (path, data) in try Self.files(under: Self.repository + "/Sources/BriefingCore/Scaffold/Starter/Content") { expected["Content/" + path] = data }
        var carried: [String: Data] = [:]
        for file in StarterFiles.files {
            carried[file.path] = file.text.map { Data($0.utf8) }
                ?? Data(base64Encoded: file.base64 ?? "", options: .ignoreUnknownCharacters)
        }
        let advice = "Sources/BriefingCore/Scaffold/StarterFiles.swift is out of date with Templates/ and Sources/BriefingCore/Scaffold/Starter/Content/: run `make starter`"
        #expect(Set(carried.keys) == Set(expected.keys), "\(advice) (files differ)")
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) where carried[path] != nil {
            #expect(carried[path] == data, "\(advice) (\(path) differs)")
        }
        #expect(expected.keys.contains("Templates/layout.mustache") && expected.keys.contains("Templates/assets/style.css"))
        #expect(!expected.keys.contains { $0.contains("screenshots") || $0 == "Templates/README.md" })
    }

    @Test func contentIsDatedTheDayTheSiteIsMade() throws {
        // 2026-03-01T00:30:00Z: still the last day of February west of UTC; the starter's zone is UTC.
        let files = StarterFiles.contents(now: Date(timeIntervalSince1970: 1_772_325_000))
        let welcome = try #require(files.first { $0.path == "Content/briefings/welcome.md" })
        let text = String(decoding: welcome.bytes, as: UTF8.self)
        #expect(text.contains("\ndate: 2026-03-01\n") && !text.contains("{{"))
        let timeline = try #require(files.first { $0.path == "Content/timeline.yaml" })
        #expect(String(decoding: timeline.bytes, as: UTF8.self).contains("date: 2026-03\n"))
        let layout = try #require(files.first { $0.path == "Templates/layout.mustache" })
        #expect(String(decoding: layout.bytes, as: UTF8.self).contains("{{"), "templates are written as they are")
    }

    /// The generator keeps any bytes: binary files, carriage returns, text that looks like the end
    /// of a raw string literal. Its output, run as a script, gives back every byte.
    @Test(.timeLimit(.minutes(5))) func generatorKeepsEveryByte() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-starter-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let samples: [String: Data] = [
            "Templates/assets/pixel.png": Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0xFE, 0x80]),
            "Templates/windows.mustache": Data("line\r\nline\r\n".utf8),
            "Templates/tricky.mustache": Data("\"\"\"# \\# \\(x) \"\"\"## \\## \"\"\"\n\tend\\\n".utf8),
            "Templates/no-newline.mustache": Data("{{title}}".utf8),
            "Templates/empty.css": Data(),
            "Templates/README.md": Data("left out\n".utf8),
            "Templates/screenshots/a.png": Data([0x89, 0x50]),
            "Sources/BriefingCore/Scaffold/Starter/Content/site.yaml": Data("title: \"Ünïcödé 🕊️\"\n".utf8),
        ]
        for (path, data) in samples {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let generated = folder + "/StarterFiles.swift"
        try Self.swift([Self.repository + "/Sources/BriefingCore/Scaffold/Starter/generate.swift", "--root", folder, "--output", generated])
        let script = folder + "/dump.swift"
        try (try String(contentsOfFile: generated, encoding: .utf8) + """

            import Foundation
            enum StarterFiles {}
            for file in StarterFiles.files {
                let data = file.text.map { Data($0.utf8) } ?? Data(base64Encoded: file.base64!, options: .ignoreUnknownCharacters)!
                print(file.path, data.base64EncodedString())
            }

            """).write(toFile: script, atomically: true, encoding: .utf8)
        let dump = try Self.swift([script])
        var back: [String: Data] = [:]
        for line in dump.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            back[String(parts[0])] = Data(base64Encoded: String(parts.count > 1 ? parts[1] : ""))
        }
        var expected: [String: Data] = [:]
        for (path, data) in samples where !path.hasSuffix("README.md") && !path.contains("screenshots") {
            expected[path.replacingOccurrences(of: "Sources/BriefingCore/Scaffold/Starter/Content/", with: "Content/")] = data
        }
        #expect(back == expected)
    }

    /// Runs the `swift` interpreter; returns its standard output.
    @discardableResult
    static func swift(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "swift \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }
}
