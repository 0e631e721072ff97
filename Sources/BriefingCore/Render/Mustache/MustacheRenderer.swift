/// Renders a compiled program into UTF-8 bytes over a stack of context values, with swift-mustache
/// 2.1.1's semantics (`Template+Render.swift`, `Context.swift`).
struct MustacheRenderer {
    /// How deep partials and blocks may nest; a template that includes itself endlessly stops here.
    static let maximumDepth = 100

    let program: MustacheProgram
    /// The context stack, top last.
    var stack: [TemplateValue]
    var output: [UInt8] = []
    /// Indentations in force, each the whole prefix of a line; frames refer to them by index, 0 being none.
    private var indentations: [[UInt8]] = [[]]
    /// Block overrides in force, the outermost first; frames refer to them by index, 0 being none.
    private var overrideScopes: [[MustacheOverride]] = [[]]

    init(program: MustacheProgram, context: TemplateValue) {
        self.program = program
        stack = [context]
    }

    /// What a body renders with besides the stack: swift-mustache's `MustacheContext` without it.
    struct Frame {
        var indentation = 0
        var overrides = 0
        var escapesHTML = true
        var depth = 0
    }

    mutating func render(template: Int) {
        render(program.templates[template], Frame())
    }

    private mutating func render(_ range: Range<Int>, _ frame: Frame) {
        var frame = frame
        let indented = frame.indentation != 0
        let start = output.count
        var index = range.lowerBound
        while index < range.upperBound {
            let instruction = program.instructions[index]
            let body = index + 1..<index + 1 + Int(instruction.bodyLength)
            index = body.upperBound
            if !indented {
                render(instruction, body, &frame)
                continue
            }
            // swift-mustache indents a token when the text its body wrote so far ends with "\n" and the token
            // writes something; merged text is indented where its original tokens began.
            let atLineStart = endsWithLineFeed(since: start)
            if instruction.kind == .text {
                appendIndented(instruction, atLineStart: atLineStart, since: start, indentation: frame.indentation)
                continue
            }
            let instructionStart = output.count
            render(instruction, body, &frame)
            if atLineStart, output.count > instructionStart {
                output.insert(contentsOf: indentations[frame.indentation], at: instructionStart)
            }
        }
    }

    private mutating func render(_ instruction: MustacheInstruction, _ body: Range<Int>, _ frame: inout Frame) {
        switch instruction.kind {
        case .text:
            // Through a buffer pointer: a slice of the program's bytes retained and released them per text.
            program.bytes.withUnsafeBufferPointer { bytes in
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(instruction.textStart)..<Int(instruction.textEnd)]))
            }

        case .escapedVariable:
            if let value = lookUp(instruction) { write(value, escaping: frame.escapesHTML) }

        case .rawVariable:
            if let value = lookUp(instruction) { write(value, escaping: false) }

        case .section:
            switch lookUp(instruction) {
            case nil:
                break
            case .bool(let shown):
                if shown { render(body, frame) }
            case .list(let items):
                for item in items {
                    stack.append(item)
                    render(body, frame)
                    stack.removeLast()
                }
            case let value?:
                stack.append(value)
                render(body, frame)
                stack.removeLast()
            }

        case .invertedSection:
            switch lookUp(instruction) {
            case nil:
                render(body, frame)
            case .bool(let shown):
                if !shown { render(body, frame) }
            case .list(let items):
                // swift-mustache pushes the empty list, so `{{.name}}` inside finds nothing.
                if items.isEmpty {
                    stack.append(.list(items))
                    render(body, frame)
                    stack.removeLast()
                }
            default:
                break
            }

        case .partial:
            guard instruction.target >= 0 else { return }
            render(partial: Int(instruction.target), instruction, frame)

        case .dynamicPartial:
            // The name is looked up as `{{name}}` would be, then the template it names (none: nothing).
            guard let value = lookUp(instruction), let name = Self.partialName(value),
                  let template = program.templateIndexes[name] else { return }
            render(partial: template, instruction, frame)

        case .block:
            guard frame.depth < Self.maximumDepth else { return }
            var inner = frame
            inner.depth += 1
            var blockBody = body
            var overridden = false
            for override in overrideScopes[frame.overrides] where override.block == instruction.target {
                blockBody = Int(override.start)..<Int(override.end)
                overridden = true
                break
            }
            // A standalone block's default content is written as it stands; an override gets its
            // indentation on every line, the first too.
            if instruction.standalone, !overridden {
                render(body, inner)
                return
            }
            let addsIndentation = pushIndentation(instruction, &inner)
            let blockStart = output.count
            render(blockBody, inner)
            if addsIndentation {
                if instruction.standalone, output.count > blockStart {
                    output.insert(contentsOf: program.bytes[Int(instruction.textStart)..<Int(instruction.textEnd)], at: blockStart)
                }
                indentations.removeLast()
            }

        case .contentType:
            frame.escapesHTML = instruction.target == 1
        }
    }

    /// Renders template `template` for a partial or parent tag.
    private mutating func render(partial template: Int, _ instruction: MustacheInstruction, _ frame: Frame) {
        guard frame.depth < Self.maximumDepth else { return }
        var inner = Frame(indentation: frame.indentation, overrides: frame.overrides, escapesHTML: true,
                          depth: frame.depth + 1)
        let addsIndentation = pushIndentation(instruction, &inner)
        let addsOverrides = instruction.overrideSet >= 0 && pushOverrides(Int(instruction.overrideSet), &inner)
        render(program.templates[template], inner)
        if addsOverrides { overrideScopes.removeLast() }
        if addsIndentation { indentations.removeLast() }
    }

    /// The template name a dynamic partial's value gives: the text `{{name}}` writes for it.
    private static func partialName(_ value: TemplateValue) -> String? {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .list, .map: nil
        }
    }

    /// Adds a partial's or block's indentation to the frame's; false when it has none to add.
    private mutating func pushIndentation(_ instruction: MustacheInstruction, _ frame: inout Frame) -> Bool {
        guard instruction.textEnd > instruction.textStart else { return false }
        indentations.append(indentations[frame.indentation]
            + program.bytes[Int(instruction.textStart)..<Int(instruction.textEnd)])
        frame.indentation = indentations.count - 1
        return true
    }

    /// Adds a parent's overrides to the frame's, those from further out winning (so a page's `{{< layout}}`
    /// blocks reach every partial below it); false when it has none to add.
    private mutating func pushOverrides(_ set: Int, _ frame: inout Frame) -> Bool {
        let added = program.overrideSets[set]
        guard !added.isEmpty else { return false }
        var scope = overrideScopes[frame.overrides]
        for override in added where !scope.contains(where: { $0.block == override.block }) {
            scope.append(override)
        }
        overrideScopes.append(scope)
        frame.overrides = overrideScopes.count - 1
        return true
    }

    /// `{{.}}` is the top; `a.b` finds `a` in the nearest map that has it, then `b` in it; `.a.b` starts at the top.
    private func lookUp(_ instruction: MustacheInstruction) -> TemplateValue? {
        let keyStart = Int(instruction.keyStart)
        let keyEnd = Int(instruction.keyEnd)
        guard keyStart < keyEnd else { return stack.last }
        let first = program.keys[keyStart]
        // The stack read through a buffer pointer: reading its elements by subscript copied each
        // map looked into (a retain and a release) on every climb.
        let found: TemplateValue? = stack.withUnsafeBufferPointer { stack in
            guard instruction.climbs else { return stack[stack.count - 1].child(first) }
            var level = stack.count - 1
            while level >= 0 {
                if let child = stack[level].child(first) { return child }
                level -= 1
            }
            return nil
        }
        guard var value = found else { return nil }
        var key = keyStart + 1
        while key < keyEnd {
            guard let child = value.child(program.keys[key]) else { return nil }
            value = child
            key += 1
        }
        return value
    }

    private static let trueText: [UInt8] = Array("true".utf8)
    private static let falseText: [UInt8] = Array("false".utf8)

    private mutating func write(_ value: TemplateValue, escaping: Bool) {
        switch value {
        case .string(let text):
            if escaping { HTMLEscaping.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .int(let number):
            output.append(contentsOf: String(number).utf8)
        case .bool(let flag):
            output.append(contentsOf: flag ? Self.trueText : Self.falseText)
        case .list, .map:
            // swift-mustache writes Swift's debug description here (a dictionary's in random order): nothing is kinder.
            break
        }
    }

    /// Whether what this body wrote (from `start`) ends with the Character "\n"; "\r\n" is another Character.
    private func endsWithLineFeed(since start: Int) -> Bool {
        let count = output.count
        guard count > start, output[count - 1] == 0x0A else { return false }
        return count - 2 < start || output[count - 2] != 0x0D
    }

    private mutating func appendIndented(_ instruction: MustacheInstruction, atLineStart: Bool, since start: Int,
                                         indentation: Int) {
        let text = program.bytes[Int(instruction.textStart)..<Int(instruction.textEnd)]
        let afterReturn = output.count > start && output.last == 0x0D
        if atLineStart { output.append(contentsOf: indentations[indentation]) }
        var runStart = text.startIndex
        // Each "\n" inside the text ended one of swift-mustache's text tokens; the next one is indented.
        for index in text.startIndex..<max(text.endIndex - 1, text.startIndex) where text[index] == 0x0A {
            if index > text.startIndex ? text[index - 1] == 0x0D : afterReturn { continue }
            output.append(contentsOf: text[runStart...index])
            output.append(contentsOf: indentations[indentation])
            runStart = index + 1
        }
        output.append(contentsOf: text[runStart...])
    }
}
