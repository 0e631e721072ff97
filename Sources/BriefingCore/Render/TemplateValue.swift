/// A value a template receives: typed, so rendering needs no reflection and no dynamic casts.
public enum TemplateValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case map([String: TemplateValue])

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
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
