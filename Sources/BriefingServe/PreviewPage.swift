import BriefingCore

/// What `serve` adds to the HTML pages it serves (never to `build` output): the reload script,
/// and an overlay listing the errors of the last rebuild when it failed.
enum PreviewPage {
    /// Reconnects after the server restarts; reloads when told the site changed.
    static let reloadScript = """
        <script>(function(){function c(){var s=new WebSocket((location.protocol==="https:"?"wss://":"ws://")+location.host+"/__briefing/reload");\
        s.onmessage=function(){location.reload()};s.onclose=function(){setTimeout(c,1000)}}c()})();</script>
        """

    /// What every address shows while the site has never built: the panel says why.
    static let nothingBuilt = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Nothing built yet</title>"
        + "<h1 style=\"font:1.5rem system-ui,sans-serif;margin:2rem\">Nothing built yet</h1></body>"

    /// `servingLastGood`: whether the page is from an earlier good build (else nothing built yet).
    static func inject(into page: [UInt8], errors: [Diagnostic], servingLastGood: Bool) -> [UInt8] {
        var addition = reloadScript
        if !errors.isEmpty { addition += overlay(errors, servingLastGood: servingLastGood) }
        let marker = Array("</body>".utf8)
        guard let at = lastIndex(of: marker, in: page) else { return page + Array(addition.utf8) }
        var result = Array(page[..<at])
        result += Array(addition.utf8)
        result += page[at...]
        return result
    }

    /// The panel's heading: no "last good version" is promised when there never was one.
    static func heading(servingLastGood: Bool) -> String {
        servingLastGood
            ? "briefing: the last edit did not build. The page shows the last good version."
            : "briefing: the site has errors; nothing was built yet. Fix them and the page reloads."
    }

    /// The errors as a fixed panel; every piece of text is escaped.
    static func overlay(_ errors: [Diagnostic], servingLastGood: Bool) -> String {
        var html = "<div id=\"briefing-errors\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;"
            + "background:#2b0b0b;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;z-index:2147483647;"
            + "border-top:4px solid #e5484d\"><strong>" + heading(servingLastGood: servingLastGood) + "</strong><ul style=\"margin:.5rem 0 0;padding-left:1.25rem\">"
        for error in errors where error.severity == .error {
            html += "<li>" + HTMLText.escape(error.location.description) + ": " + HTMLText.escape(error.message)
            if let hint = error.hint { html += "<br><em>hint: " + HTMLText.escape(hint) + "</em>" }
            html += "</li>"
        }
        return html + "</ul></div>"
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.count - needle.count
        while i >= 0 {
            if haystack[i] == needle[0], Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i -= 1
        }
        return nil
    }
}
