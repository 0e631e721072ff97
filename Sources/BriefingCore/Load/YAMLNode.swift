import Yams

/// A YAML value with the position it was written at (line and column in the YAML text, 1-based,
/// columns in Unicode scalars as libyaml counts them).
public indirect enum YAMLNode: Sendable {
    public struct Position: Sendable, Hashable {
        public var line: Int
        public var column: Int
    }

    public struct Entry: Sendable {
        public var key: String
        public var keyPosition: Position
        public var value: YAMLNode
    }

    /// `isNull` for `~`, `null` or nothing written; `isPlain` when it was not quoted.
    case scalar(String, Position, isPlain: Bool)
    case list([YAMLNode], Position)
    case map([Entry], Position)

    public var position: Position {
        switch self {
        case .scalar(_, let p, _), .list(_, let p), .map(_, let p): p
        }
    }

    /// A plain `~`, `null`, or an empty value.
    public var isNull: Bool {
        if case .scalar(let s, _, true) = self { return s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL" }
        return false
    }

    /// What a reader calls this kind of value, for type errors.
    public var kindName: String {
        switch self {
        case .scalar: isNull ? "nothing" : "text"
        case .list: "a list"
        case .map: "a map"
        }
    }
}

/// Why YAML text could not be read.
struct YAMLSyntaxError: Error {
    var message: String
    var position: YAMLNode.Position
}

/// Parses YAML text into `YAMLNode`s with Yams (libyaml), bounding how far aliases may expand.
enum YAMLReader {
    /// More values than this, or than the file has bytes if it is larger, is refused: it protects
    /// against alias bombs. A file without aliases never reaches it (every value takes at least
    /// a byte), so a huge but honest file (a timeline of a million lines) is read in full.
    static let maximumNodes = 2_000_000

    static func parse(_ text: String, maximumNodes: Int = YAMLReader.maximumNodes) throws(YAMLSyntaxError) -> YAMLNode? {
        let node: Node?
        do {
            // The basic resolver keeps every scalar a string (we read types ourselves), which spares
            // libyaml's regular-expression tag resolution; the explicit encoding spares an
            // environment lookup per file.
            node = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8).singleRoot()
        } catch let error as YamlError {
            throw describe(error)
        } catch {
            throw YAMLSyntaxError(message: "invalid YAML", position: .init(line: 1, column: 1))
        }
        guard let node else { return nil }
        let limit = max(maximumNodes, text.utf8.count)
        var budget = limit
        var overflow = position(of: node)
        guard let converted = convert(node, budget: &budget, overflow: &overflow) else {
            throw YAMLSyntaxError(
                message: "YAML expands to more than \(limit) values through aliases (aliases of aliases nested too deep?)",
                position: overflow)
        }
        return converted
    }

    private static func position(of node: Node) -> YAMLNode.Position {
        let mark = node.mark
        return .init(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Converts `node`, spending one unit of `budget` per value; nil once the budget is spent.
    /// On failure `overflow` is the outermost value that holds an alias on the path to the value
    /// that spent the budget: a resolved alias carries its anchor's position, which comes before
    /// the alias in the text, so the first backward step from the root marks it.
    private static func convert(_ node: Node, budget: inout Int, overflow: inout YAMLNode.Position) -> YAMLNode? {
        budget -= 1
        if budget < 0 {
            overflow = position(of: node)
            return nil
        }
        func failed(at child: Node) -> YAMLNode? {
            let here = position(of: node), there = position(of: child)
            if (there.line, there.column) < (here.line, here.column) { overflow = here }
            return nil
        }
        switch node {
        case .scalar(let scalar):
            return .scalar(scalar.string, position(of: node), isPlain: scalar.style == .plain || scalar.style == .any)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                guard let converted = convert(item, budget: &budget, overflow: &overflow) else { return failed(at: item) }
                items.append(converted)
            }
            return .list(items, position(of: node))
        case .mapping(let mapping):
            var entries: [YAMLNode.Entry] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                guard let converted = convert(value, budget: &budget, overflow: &overflow) else { return failed(at: value) }
                let keyText = key.scalar?.string ?? "\(key)"
                entries.append(.init(key: keyText, keyPosition: position(of: key), value: converted))
            }
            return .map(entries, position(of: node))
        case .alias:
            // compose() resolves aliases to their anchored node; an unresolved one reads as nothing.
            return .scalar("", position(of: node), isPlain: true)
        }
    }

    private static func describe(_ error: YamlError) -> YAMLSyntaxError {
        switch error {
        case .scanner(let context, let problem, let mark, let yaml),
             .parser(let context, let problem, let mark, let yaml),
             .composer(let context, let problem, let mark, let yaml):
            var message = problem
            var position = YAMLNode.Position(line: mark.line, column: mark.column)
            if let context {
                message = "\(problem) (\(context.text))"
                // A problem found only at the end of the text (an unclosed `[` or quote) is best
                // shown where the unfinished value starts.
                let lastLine = yaml.split(separator: "\n", omittingEmptySubsequences: false).count
                if mark.line >= lastLine, context.mark.line < mark.line {
                    position = .init(line: context.mark.line, column: context.mark.column)
                }
            }
            return YAMLSyntaxError(message: "invalid YAML: \(message)", position: position)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return YAMLSyntaxError(message: "duplicate key \(keys)",
                                   position: .init(line: context.mark.line, column: context.mark.column))
        case .reader(let problem, _, _, _):
            return YAMLSyntaxError(message: "invalid YAML: \(problem)", position: .init(line: 1, column: 1))
        default:
            return YAMLSyntaxError(message: "invalid YAML: \(error)", position: .init(line: 1, column: 1))
        }
    }
}

