import Foundation
import Testing
@testable import BriefingCore

/// Problems are data: each file kind's fields are declared once and suggested from, and every
/// case of every problem is worded.
@Suite struct ProblemTests {
    func errors(_ files: [String: String?]) async throws -> [String] {
        let site = try FixtureSite(files)
        defer { site.remove() }
        return await site.errors()
    }

    /// A misspelt key in each kind of map is suggested from that kind's declared fields.
    @Test func aTypoInEachKindOfMapIsSuggestedFromItsFields() async throws {
        let lines = try await errors([
            "Content/site.yaml": "title: T\nlangauge: en\n",
            "Content/people/a.md": "---\nname: A\nrloe: Envoy\n---\n",
            "Content/briefings/b.md": """
                ---
                title: T
                date: 2025
                sumary: S
                quotes:
                  - person: a
                    text: Q
                    contxt: C
                events:
                  - date: 2025
                    title: E
                    plcae: Moscow
                sources:
                  - title: S
                    publsher: P
                updates:
                  - at: 2025
                    txet: U
                ---
                """,
            "Content/timeline.yaml": "- date: 2025\n  title: E\n  briefng: b\n",
            "Content/topics.yaml": "talks:\n  name: Talks\n  descripton: D\n",
        ])
        #expect(lines == [
            "Content/briefings/b.md:4:1: error: unknown key 'sumary' in a briefing\n    hint: did you mean 'summary'?",
            "Content/briefings/b.md:8:5: error: unknown key 'contxt' in a quote\n    hint: did you mean 'context'?",
            "Content/briefings/b.md:12:5: error: unknown key 'plcae' in an event\n    hint: did you mean 'place'?",
            "Content/briefings/b.md:15:5: error: unknown key 'publsher' in a source\n    hint: did you mean 'publisher'?",
            "Content/briefings/b.md:17:5: error: missing required field 'text'",
            "Content/briefings/b.md:18:5: error: unknown key 'txet' in an update\n    hint: did you mean 'text'?",
            "Content/people/a.md:3:1: error: unknown key 'rloe' in a person\n    hint: did you mean 'role'?",
            "Content/site.yaml:2:1: error: unknown key 'langauge' in site.yaml\n    hint: did you mean 'language'?",
            "Content/timeline.yaml:3:3: error: unknown key 'briefng' in an event\n    hint: did you mean 'briefing'?",
            "Content/topics.yaml:3:3: error: unknown key 'descripton' in a topic\n    hint: did you mean 'description'?",
        ])
    }

    /// A key like no field lists the declared ones; only a map with `extra:` offers it.
    @Test func aKeyLikeNoFieldListsTheDeclaredOnes() async throws {
        let lines = try await errors(["Content/briefings/b.md": """
            ---
            title: T
            date: 2025
            wordcount: 300
            sources:
              - title: S
                wordcount: 300
            ---
            """])
        #expect(lines == [
            "Content/briefings/b.md:4:1: error: unknown key 'wordcount' in a briefing\n    hint: known keys: title, date, updated, "
                + "summary, status, people, topics, places, key_points, quotes, events, sources, updates, extra; put your own under 'extra:'",
            "Content/briefings/b.md:7:5: error: unknown key 'wordcount' in a source\n    hint: known keys: id, title, publisher, url",
        ])
    }

    /// The schema's types are checked when a map is opened, so a field is checked even when the
    /// resolver gives up on the map before reading it (a person without a name).
    @Test func declaredTypesAreCheckedForEveryField() async throws {
        let lines = try await errors(["Content/people/a.md": "---\nrole: [a, b]\naliases: A\n---\n"])
        #expect(lines == [
            "Content/people/a.md:2:1: error: missing required field 'name'",
            "Content/people/a.md:2:7: error: 'role' must be text, found a list",
            "Content/people/a.md:3:10: error: 'aliases' must be a list, found text\n    hint: write a list: aliases: [A]",
        ])
    }

    /// Every declared field has a name of its own in its map, and the maps read as a person,
    /// briefing... are those the resolver opens.
    @Test func schemasDeclareEachFieldOnce() {
        for schema in FieldSchema.all {
            #expect(Set(schema.names).count == schema.names.count, "\(schema.what)")
            #expect(!schema.fields.isEmpty)
        }
        #expect(FieldSchema.timelineEvent.names == FieldSchema.event.names + ["briefing"])
        #expect(FieldSchema.briefing.field(named: "status")?.type == .choice(["published", "draft"]))
    }

    // MARK: - Every case is worded

    /// One of each case of `ContentProblem`. The switch in `index` has no default: a new case
    /// does not compile until it is given an index here, and the count check then asks for a sample.
    static let contentProblems: [ContentProblem] = [
        .unknownKey("titel", in: .briefing), .notAMap(what: "a quote", found: "text"), .missingField("title"),
        .emptyField("title"), .notText(key: "title", found: "a list"), .notTrueOrFalse(key: "expected", text: "maybe", found: "text"),
        .notAChoice(key: "status", text: "publish", choices: ["published", "draft"]),
        .notAList(key: "people", found: "text", text: "a"), .listItemNotText(key: "people", found: "a map"),
        .notAMapField(key: "extra", found: "text"), .invalidDate("2025-13", key: "date"),
        .invalidSlug(what: "event id", text: "Talks!"), .invalidFileName("A B.md"), .invalidBaseURL("example.org", option: true),
        .invalidLanguage("english!"), .unknownTimeZone("Europe/Pariss"), .noBaseURL(path: "/news/"),
        .duplicateID(what: "event", id: "talks", first: SourceLocation(path: "Content/timeline.yaml", line: 1, column: 3)),
        .refusedSourceURL("javascript:x"), .emptySource, .unknownPerson("putn", known: ["putin"]),
        .unknownBriefing("talk", known: ["talks"]), .unknownSource("s1", known: ["s2"]),
        .topicNotDeclared(Slug("peace")!, declared: ["peace-talks"]), .eventsNotAList(found: "a map"),
        .timelineNotAList(found: "a map"), .topicsNotAMap(found: "a list"),
        .quoteWithoutSource(person: Slug("putin")!, canCite: true), .personNotNamed(Slug("putin")!, draftsLeftOut: false),
        .futureEventNotExpected(title: "Talks", date: "2099-01-01", today: "2025-12-03"),
    ]

    static func index(_ problem: ContentProblem) -> Int {
        switch problem {
        case .unknownKey: 0
        case .notAMap: 1
        case .missingField: 2
        case .emptyField: 3
        case .notText: 4
        case .notTrueOrFalse: 5
        case .notAChoice: 6
        case .notAList: 7
        case .listItemNotText: 8
        case .notAMapField: 9
        case .invalidDate: 10
        case .invalidSlug: 11
        case .invalidFileName: 12
        case .invalidBaseURL: 13
        case .invalidLanguage: 14
        case .unknownTimeZone: 15
        case .noBaseURL: 16
        case .duplicateID: 17
        case .refusedSourceURL: 18
        case .emptySource: 19
        case .unknownPerson: 20
        case .unknownBriefing: 21
        case .unknownSource: 22
        case .topicNotDeclared: 23
        case .eventsNotAList: 24
        case .timelineNotAList: 25
        case .topicsNotAMap: 26
        case .quoteWithoutSource: 27
        case .personNotNamed: 28
        case .futureEventNotExpected: 29
        }
    }

    static let loadProblems: [LoadProblem] = [
        .noContentFolder, .missingSiteYAML, .symlinkOutside, .symlinkBroken, .symlinkToFolder, .cannotReadFolder,
        .cannotReadFile, .unknownContentFile, .notMarkdown, .notUTF8, .emptyFile(needsFrontMatter: true),
        .missingFrontMatter, .frontMatterNotClosed, .caseCollision(with: "Content/media/A.png"),
    ]

    static func index(_ problem: LoadProblem) -> Int {
        switch problem {
        case .noContentFolder: 0
        case .missingSiteYAML: 1
        case .symlinkOutside: 2
        case .symlinkBroken: 3
        case .symlinkToFolder: 4
        case .cannotReadFolder: 5
        case .cannotReadFile: 6
        case .unknownContentFile: 7
        case .notMarkdown: 8
        case .notUTF8: 9
        case .emptyFile: 10
        case .missingFrontMatter: 11
        case .frontMatterNotClosed: 12
        case .caseCollision: 13
        }
    }

    static let linkProblems: [LinkProblem] = [
        .unknownPerson("putn", known: ["putin"]), .unknownBriefing("talk", known: ["talks"]),
        .unknownEvent("meet", known: ["meeting": "timeline/#event-meeting"].keys), .missingMedia("map.png", known: ["maps.png"]),
        .draftBriefing("talks"), .imageWithoutAlt(destination: "media/map.png"),
    ]

    static func index(_ problem: LinkProblem) -> Int {
        switch problem {
        case .unknownPerson: 0
        case .unknownBriefing: 1
        case .unknownEvent: 2
        case .missingMedia: 3
        case .draftBriefing: 4
        case .imageWithoutAlt: 5
        }
    }

    static let outputProblems: [OutputProblem] = [
        .outputHoldsSite(output: "/site", suggested: "/site/public"), .outputInsideSite(protected: "/site/Content", suggested: "/site/public"),
        .outputIsAFile("/out"), .outputNotOurs("/out"), .cannotCreateStaging("/.out.staging-1", reason: "denied"),
        .cannotWriteFile(reason: "denied"), .cannotReplaceOutput(reason: "busy"), .cannotReadCopiedFile(reason: "denied"),
    ]

    static func index(_ problem: OutputProblem) -> Int {
        switch problem {
        case .outputHoldsSite: 0
        case .outputInsideSite: 1
        case .outputIsAFile: 2
        case .outputNotOurs: 3
        case .cannotCreateStaging: 4
        case .cannotWriteFile: 5
        case .cannotReplaceOutput: 6
        case .cannotReadCopiedFile: 7
        }
    }

    static let templateProblems: [TemplateProblem] = [
        .noTemplatesFolder, .cannotRead, .notUTF8, .syntax("unclosed section 'briefing'"),
        .missingPartial("partials/itme", known: ["partials/item"]), .missingTemplate("home", required: ["home", "briefing"]),
        .unknownName(.init(name: "titel", place: .here, suggestion: "title", pages: ["briefing"])),
    ]

    static func index(_ problem: TemplateProblem) -> Int {
        switch problem {
        case .noTemplatesFolder: 0
        case .cannotRead: 1
        case .notUTF8: 2
        case .syntax: 3
        case .missingPartial: 4
        case .missingTemplate: 5
        case .unknownName: 6
        }
    }

    static let scaffoldProblems: [ScaffoldProblem] = [
        .invalidSlugOption("A B", example: "a-b"), .noSlugFrom(what: "title", text: "!!", example: "talks"),
        .invalidEventIDOption("A B"), .eventIDUsed("talks"), .noEventIDFrom(title: "!!"), .invalidDateOption("soon"),
        .eventWithoutTitle, .noBriefing("talks"), .briefingWithoutFrontMatter, .eventsOnOneLine,
        .cannotAddEvent(reason: "timeline.yaml is not a list of events"), .fileExists, .cannotWriteFile(reason: "denied"),
        .siteFolderIsAFile, .cannotReadSiteFolder(reason: "denied"), .siteFolderNotEmpty(shown: "a, b"),
        .starterCollision(isFolder: true, first: true), .cannotMakeStarterFolder(reason: "denied"),
        .cannotWriteStarterFile(reason: "denied"),
    ]

    static func index(_ problem: ScaffoldProblem) -> Int {
        switch problem {
        case .invalidSlugOption: 0
        case .noSlugFrom: 1
        case .invalidEventIDOption: 2
        case .eventIDUsed: 3
        case .noEventIDFrom: 4
        case .invalidDateOption: 5
        case .eventWithoutTitle: 6
        case .noBriefing: 7
        case .briefingWithoutFrontMatter: 8
        case .eventsOnOneLine: 9
        case .cannotAddEvent: 10
        case .fileExists: 11
        case .cannotWriteFile: 12
        case .siteFolderIsAFile: 13
        case .cannotReadSiteFolder: 14
        case .siteFolderNotEmpty: 15
        case .starterCollision: 16
        case .cannotMakeStarterFolder: 17
        case .cannotWriteStarterFile: 18
        }
    }

    /// Each sample covers a case of its own, all cases are covered, and each reads as a sentence:
    /// a message on one line, and a hint, when there is one, that is not empty either.
    func expectWorded<P: Problem>(_ samples: [P], cases: Int, index: (P) -> Int) {
        #expect(Set(samples.map(index)) == Set(0..<cases), "a case has no sample, or two samples share one")
        #expect(samples.count == cases)
        for sample in samples {
            let wording = sample.wording
            #expect(!wording.message.isEmpty && !wording.message.contains("\n"), "\(sample)")
            #expect(wording.message.first?.isUppercase == false, "\(sample): messages start in lower case after 'error: '")
            if let hint = wording.hint { #expect(!hint.isEmpty, "\(sample)") }
        }
    }

    @Test func everyCaseIsWorded() {
        expectWorded(Self.contentProblems, cases: 30, index: Self.index)
        expectWorded(Self.loadProblems, cases: 14, index: Self.index)
        expectWorded(Self.linkProblems, cases: 6, index: Self.index)
        expectWorded(Self.outputProblems, cases: 8, index: Self.index)
        expectWorded(Self.scaffoldProblems, cases: 19, index: Self.index)
        expectWorded(Self.templateProblems, cases: 7, index: Self.index)
    }

    /// What a user sees for a few cases, as `Diagnostic` prints them.
    @Test func problemsPrintAsTheyAlwaysDid() {
        let at = SourceLocation(path: "Content/briefings/b.md", line: 4, column: 9)
        #expect(Diagnostic(at, ContentProblem.notAChoice(key: "status", text: "publshed", choices: ["published", "draft"])).description
            == "Content/briefings/b.md:4:9: error: invalid status 'publshed': use published or draft\n    hint: did you mean 'published'?")
        #expect(Diagnostic(at, ContentProblem.invalidSlug(what: "person slug", text: "Steve Witkof", known: ["steve-witkoff"])).description
            == "Content/briefings/b.md:4:9: error: invalid person slug 'Steve Witkof': use lowercase a-z, 0-9 and '-'\n    hint: did you mean 'steve-witkoff'?")
        #expect(Diagnostic(at, LinkProblem.missingMedia("mpa.png", known: ["map.png"]), severity: .warning).description
            == "Content/briefings/b.md:4:9: warning: no file 'media/mpa.png' in Content/media/\n    hint: did you mean 'media/map.png'?")
        #expect(Diagnostic(at, ContentProblem.unknownPerson("nobody", known: ["steve-witkoff"])).description
            == "Content/briefings/b.md:4:9: error: unknown person 'nobody'\n    hint: create Content/people/nobody.md")
    }
}
