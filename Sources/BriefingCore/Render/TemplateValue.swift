/// A value a template receives: typed, so rendering needs no reflection and no dynamic casts.
public enum TemplateValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case map(TemplateMap)

    /// Mustache truthiness: false, empty lists and missing values hide a section.
    public var isTruthy: Bool {
        switch self {
        case .bool(let b): b
        case .list(let l): !l.isEmpty
        default: true
        }
    }

    public subscript(key: String) -> TemplateValue? {
        if case .map(let m) = self { return m[key] }
        return nil
    }

    /// The value of `key` when this is a map.
    func child(_ key: TemplateKey) -> TemplateValue? {
        if case .map(let m) = self { return m[key] }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var map = TemplateMap(minimumCapacity: elements.count)
        for (key, value) in elements { map[key] = value }
        self = .map(map)
    }
}

/// A key as templates look it up: its name and a fingerprint of it, computed once.
struct TemplateKey: Sendable, Equatable {
    let name: String
    let fingerprint: UInt64

    init(_ name: String) {
        self.name = name
        // FNV-1a: a few nanoseconds for a short key, and distinct for the keys of one map in practice
        // (a clash costs only a string comparison).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        fingerprint = hash
    }
}

/// The keys and values of a map in a template context.
///
/// A page's context and the items in it have a handful of keys each, and a template looks keys
/// up many times per page, most of them climbing through several maps before one has the key. A
/// flat array compared by fingerprint finds a key (or its absence) without hashing the key again
/// for each map, which Swift's Dictionary does; at 10,000 briefings lookups took a tenth of a
/// build's CPU time with Dictionary. Maps from editors' `extra:` fields may be large; their
/// lookups stay linear, a handful per page.
public struct TemplateMap: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private struct Entry: Sendable {
        let key: TemplateKey
        var value: TemplateValue
    }

    private var entries: [Entry] = []

    public init() {}

    init(minimumCapacity: Int) {
        entries.reserveCapacity(minimumCapacity)
    }

    /// A map of these distinct keys.
    public init(_ dictionary: [String: TemplateValue]) {
        entries = dictionary.map { Entry(key: TemplateKey($0.key), value: $0.value) }
    }

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        entries.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    public subscript(key: String) -> TemplateValue? {
        get { self[TemplateKey(key)] }
        set {
            let key = TemplateKey(key)
            if let index = index(of: key) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
            }
        }
    }

    subscript(key: TemplateKey) -> TemplateValue? {
        guard let index = index(of: key) else { return nil }
        return entries[index].value
    }

    /// A plain loop, not `firstIndex(where:)`: the closure kept the entries retained for the call.
    private func index(of key: TemplateKey) -> Int? {
        var index = 0
        while index < entries.count {
            if entries[index].key.fingerprint == key.fingerprint && entries[index].key.name == key.name { return index }
            index += 1
        }
        return nil
    }

    /// The same keys with their values transformed.
    public func mapValues<T>(_ transform: (TemplateValue) throws -> T) rethrows -> [String: T] {
        var result: [String: T] = [:]
        for entry in entries { result[entry.key.name] = try transform(entry.value) }
        return result
    }

    /// Equal when they have the same keys with equal values, in any order.
    public static func == (a: TemplateMap, b: TemplateMap) -> Bool {
        a.count == b.count && a.entries.allSatisfy { b[$0.key] == $0.value }
    }
}
