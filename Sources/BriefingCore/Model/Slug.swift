import Foundation

/// A URL- and file-safe name: lowercase `a-z`, `0-9` and `-`, not empty, not starting with `-`.
public struct Slug: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        guard Slug.isValid(text) else { return nil }
        rawValue = text
    }

    public static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, first != UInt8(ascii: "-"), text.utf8.count <= 200 else { return false }
        return text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// A slug made from free text in any script ("Steve Witkoff" -> "steve-witkoff",
    /// "Шойгу прибыл в Пекин" -> "shoygu-pribyl-v-pekin"), for scaffolding, anchors and hints.
    /// Empty when the text has no letter or digit that can be spelt in Latin (only emoji or
    /// punctuation).
    public static func make(from text: String) -> String {
        // ASCII text (most titles) by bytes: no transliteration, no Character per scalar.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count)
            var pendingDash = false
            for byte in text.utf8 {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if pendingDash && !out.isEmpty { out.append(0x2D) }
                    pendingDash = false
                    out.append(lower)
                } else {
                    pendingDash = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        var out = ""
        var pendingDash = false
        for scalar in latin(text).decomposedStringWithCompatibilityMapping.unicodeScalars {
            // Accents, and the modifier letters of transliterations (Arabic ʿayn, a Ukrainian
            // apostrophe), belong to their word: dropped, not a break between words.
            let category = scalar.properties.generalCategory
            if category == .nonspacingMark || category == .modifierLetter { continue }
            let lower = Character(scalar).lowercased()
            if lower.count == 1, let ascii = lower.unicodeScalars.first, ascii.isASCII,
               ("a"..."z").contains(lower) || ("0"..."9").contains(lower) {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out += lower
            } else {
                pendingDash = true
            }
        }
        return out
    }

    /// `text` spelt in ASCII Latin letters by ICU's transliterators: Cyrillic by the BGN/PCGN
    /// romanization (Ukrainian's when the text has a letter only Ukrainian uses, else Russian's:
    /// "Шойгу" -> "Shoygu", "Зеленський у Києві" -> "Zelenskyy u Kyyevi"), Greek by UNGEGN's
    /// ("Αθήνα" -> "Athina"), every other script by `Any-Latin` (Arabic, Chinese in pinyin,
    /// Hebrew, Korean...), then `Latin-ASCII` ("Đà Nẵng", "Straße" -> "Da Nang", "Strasse").
    /// Soft and hard signs are dropped rather than spelt with an apostrophe that would split a
    /// word. What no transliterator spells (emoji) is left as it is.
    static func latin(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        var cyrillic = false, ukrainian = false, greek = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x042A, 0x042C, 0x044A, 0x044C: continue  // Ъ Ь ъ ь
            case 0x0404, 0x0406, 0x0407, 0x0454, 0x0456, 0x0457, 0x0490, 0x0491:  // Є І Ї є і ї Ґ ґ
                cyrillic = true
                ukrainian = true
            case 0x0400...0x052F: cyrillic = true
            case 0x0370...0x03FF, 0x1F00...0x1FFF: greek = true
            default: break
            }
            kept.append(scalar)
        }
        var steps: [String] = []
        if cyrillic { steps.append(ukrainian ? "Ukrainian-Latin/BGN" : "Russian-Latin/BGN") }
        if greek { steps.append("Greek-Latin/UNGEGN") }
        steps += ["Any-Latin", "Latin-ASCII"]
        let prepared = String(kept)
        return prepared.applyingTransform(StringTransform(steps.joined(separator: "; ")), reverse: false) ?? prepared
    }

    /// `make(from:)` cut to at most `limit` bytes at a dash, so a long title gives a short name.
    public static func make(from text: String, limit: Int) -> String {
        let slug = make(from: text)
        guard slug.utf8.count > limit else { return slug }
        let cut = slug.utf8.prefix(limit + 1)
        if let dash = cut.lastIndex(of: UInt8(ascii: "-")), dash > slug.utf8.startIndex {
            return String(slug.utf8[..<dash])!
        }
        return String(slug.utf8.prefix(limit))!
    }

    /// What a slug is made of, as every message about one says it.
    static let rule = "use lowercase a-z, 0-9 and '-'"

    public var description: String { rawValue }
    public static func < (a: Slug, b: Slug) -> Bool { a.rawValue < b.rawValue }
}
