import Foundation
import Testing
@testable import BriefingCore

/// The official Mustache spec (`MustacheSpec/`: github.com/mustache/spec at commit 9cb20c3, MIT): every test of
/// every file but `~lambdas` (lambdas are code in the data, which template files cannot hold), rendered by our engine.
/// swift-mustache is not asserted here: it fails some of them, and the spec, not swift-mustache, is the reference.
@Suite struct MustacheSpecTests {
    /// The spec files the engine implements, optional modules (`~`) included.
    static let files = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~dynamic-names", "~inheritance",
    ]

    static func loadAll() throws -> [MustacheSpecCase] { try files.flatMap(MustacheSpecCase.load) }

    /// Empty when the files do not load; `wholeSpecPasses` then says why.
    static let cases = (try? loadAll()) ?? []

    @Test(arguments: cases) func specTest(_ test: MustacheSpecCase) {
        #expect(test.render() == test.expected, "\(test.summary)\ntemplate: \(test.template.debugDescription)")
    }

    /// All of them at once, so that a file left out or a test gone missing shows in the count.
    @Test func wholeSpecPasses() throws {
        let cases = try Self.loadAll()
        let failed = cases.filter { $0.render() != $0.expected }.map(\.testDescription)
        #expect(cases.count == 184)
        #expect(failed.isEmpty, "\(failed.count) of \(cases.count) fail: \(failed)")
    }
}

/// One test of a spec file.
struct MustacheSpecCase: Sendable, CustomTestStringConvertible {
    let file: String
    let name: String
    /// What the test checks, in the spec's words.
    let summary: String
    let data: TemplateValue
    let template: String
    let partials: [String: String]
    let expected: String

    var testDescription: String { "\(file): \(name)" }

    /// The test's template with its partials, rendered by our engine; nil when they do not compile.
    func render() -> String? {
        // The template's own name is one no spec partial has.
        let name = "(spec template)"
        var sources = partials
        sources[name] = template
        guard let templates = try? MustacheTemplates(sources: sources) else { return nil }
        var output: [UInt8] = []
        templates.render(name, data, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    static func load(_ file: String) throws -> [MustacheSpecCase] {
        guard let url = Bundle.module.url(forResource: file, withExtension: "json", subdirectory: "MustacheSpec") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "MustacheSpec/\(file).json"])
        }
        let spec = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
        return spec.tests.map {
            MustacheSpecCase(file: file, name: $0.name, summary: $0.desc, data: $0.data.templateValue ?? [:],
                             template: $0.template, partials: $0.partials ?? [:], expected: $0.expected)
        }
    }

    private struct SpecFile: Decodable {
        struct Test: Decodable {
            let name: String
            let desc: String
            let data: JSONValue
            let template: String
            let partials: [String: String]?
            let expected: String
        }

        let tests: [Test]
    }
}

/// A JSON value as the spec writes data.
private enum JSONValue: Decodable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .int(number)
        } else if let number = try? container.decode(Double.self) {
            self = .double(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The context a page would get: a null is a missing key (as `Templates/README.md` has it), and a
    /// decimal, which no page holds (TemplateValue has no case for it), is the text it is written as
    /// (`1.21`, `5.5`): the same bytes, and shown by a section as every number is.
    var templateValue: TemplateValue? {
        switch self {
        case .null: nil
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): .string(String(number))
        case .string(let text): .string(text)
        case .array(let items): .list(items.compactMap(\.templateValue))
        case .object(let members): .map(TemplateMap(members.compactMapValues(\.templateValue)))
        }
    }
}
