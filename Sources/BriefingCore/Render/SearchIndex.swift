import Foundation

/// `search/index.json`: what `assets/search.js` searches in the browser, written at build time.
///
/// Compact: arrays, not objects; URLs as the slugs and anchors they are made of; quotes and
/// events refer to their briefing and people by position instead of repeating names. Shape
/// (version 2), each list in the site's order:
///
/// ```
/// {"v": 2,
///  "b": [[slug, title, date, text, keywords]],          briefings: briefings/<slug>/
///  "p": [[slug, name, text]],                           people: people/<slug>/
///  "q": [[text, person, briefing]],                     quotes: positions in "p" and "b"
///  "e": [[url, title, date, text, briefing, [people]]]   events: the page and anchor that hold each; briefing -1 when none
///  "t": [[slug, name, text]]                           topics: topics/<slug>/ (text: `3 briefings · description`)
/// }
/// ```
/// `date` is what a reader sees (`2 December 2025`); `text` is a short plain-text snippet.
struct SearchIndex: Sendable {
    let contexts: PageContexts

    static let path = "search/index.json"
    static let pagePath = "search/index.html"
    /// Longest snippet kept, in characters: enough to recognise a result, small enough for 10,000 briefings.
    static let snippetLength = 160

    func json(into sink: ByteSink) {
        let site = contexts.site
        let index = contexts.index
        let markdown = contexts.markdown
        func snippet(_ text: String?, to json: inout JSONWriter) {
            json.string(text.map { RenderedMarkdown.lead($0, length: Self.snippetLength) } ?? "")
        }
        var json = JSONWriter(into: sink)
        json.object { json in
            json.key("v"); json.int(2)
            json.key("b")
            json.array { json in
                for b in site.briefings.indices {
                    let briefing = site.briefings[b]
                    let keywords = briefing.topics.map { index.topicIndex[$0].map { site.topics[$0].name } ?? $0.rawValue }
                        + briefing.places
                    json.array { json in
                        json.string(briefing.slug.rawValue)
                        json.string(briefing.title)
                        json.string(briefing.date.display)
                        snippet(briefing.summary ?? markdown.briefings[b].lead, to: &json)
                        json.string(keywords.joined(separator: " · "))
                    }
                }
            }
            json.key("p")
            json.array { json in
                for person in site.people {
                    let facts = [person.role, person.affiliation, person.country].compactMap { $0 } + person.aliases
                    json.array { json in
                        json.string(person.slug.rawValue)
                        json.string(person.name)
                        json.string(facts.joined(separator: " · "))
                    }
                }
            }
            json.key("q")
            json.array { json in
                for b in site.briefings.indices {
                    for quote in site.briefings[b].quotes {
                        guard let p = index.personIndex[quote.person] else { continue }
                        json.array { json in
                            snippet(quote.text, to: &json)
                            json.int(p)
                            json.int(b)
                        }
                    }
                }
            }
            json.key("e")
            json.array { json in
                for e in site.events.indices {
                    let event = site.events[e]
                    let text = [event.place, markdown.events[e].text].compactMap { $0 }.joined(separator: " · ")
                    json.array { json in
                        json.string(index.eventURL(e))
                        json.string(event.title)
                        json.string(event.date.display + (event.expected ? " (expected)" : ""))
                        snippet(text, to: &json)
                        json.int(event.briefing.flatMap { index.briefingIndex[$0] } ?? -1)
                        json.array { json in
                            for p in index.peopleOfEvent[e] { json.int(p) }
                        }
                    }
                }
            }
            json.key("t")
            json.array { json in
                for t in site.topics.indices {
                    let topic = site.topics[t], count = index.briefingsOfTopic[t].count
                    json.array { json in
                        json.string(topic.slug.rawValue)
                        json.string(topic.name)
                        json.string([Counted.text(count, "briefing"), topic.description].compactMap { $0 }.joined(separator: " · "))
                    }
                }
            }
        }
        json.finish()
    }
}
