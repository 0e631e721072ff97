#!/usr/bin/env python3
"""Edit-to-served latency of `briefing serve`, per kind of edit.

    serve_latency.py BINARY SITE_DIR [--runs N] [--edit KIND ...]

Starts `BINARY serve` on a free loopback port against SITE_DIR (which holds Content/ and
Templates/), then, for each kind of edit, N times changes one file (written the way editors save:
a temporary file renamed over the original) and polls the page that shows the change until the
new text is served. Prints, per kind, the median and maximum of that end-to-end time and of the
rebuild time serve itself reports ("rebuilt: … in X ms"). Every edited file is restored afterwards.

Kinds: body (a paragraph appended to a briefing), front-matter (a briefing's title), person (a
person's role), person-name (a person's name, with words added at its end), person-moves (a
person's name, with words put before it, which moves them among the others; put back after each
edit), new-person (a new person's file, their page polled; removed again after each edit), site (the site's
title in site.yaml, the home page polled), timeline (an event's title in timeline.yaml), topics (a topic's name in
topics.yaml; one is written first when the site has none), template (a line in
Templates/briefing.mustache), reshape (a briefing's title and its date, which moves it among
the others), people (a briefing's title and its list of people, one fewer every other edit),
new-file (a new briefing, its page polled; removed again after each edit), removed-file (a
briefing's file deleted, its page polled until it is gone; written back after each edit),
renamed-file (a briefing's file renamed, its new page polled; renamed back after each edit). The
last two take a briefing that nothing names (no link, no timeline entry), whose removal builds.
"""
import argparse, json, os, re, socket, statistics, subprocess, sys, time, urllib.request

KINDS = ["body", "front-matter", "person", "person-name", "person-moves", "new-person", "site", "timeline", "topics", "template", "reshape", "people", "new-file",
         "removed-file", "renamed-file"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return ""


def save(path, text):
    tmp = path + ".tmp~"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def middle(folder, suffix=".md"):
    names = sorted(n for n in os.listdir(folder) if n.endswith(suffix))
    return names[len(names) // 2]


def unnamed_briefing(content):
    """The file name of a briefing, near the middle, that no link and no timeline entry names."""
    folder = os.path.join(content, "briefings")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".md"))
    texts = [read(os.path.join(folder, n)) for n in names]
    timeline = os.path.join(content, "timeline.yaml")
    texts.append(read(timeline) if os.path.exists(timeline) else "")
    named = set(re.findall(r"briefing:\s*([a-z0-9-]+)", "\n".join(texts)))
    middle_first = sorted(range(len(names)), key=lambda i: abs(i - len(names) // 2))
    return next(names[i] for i in middle_first if names[i][:-3] not in named)


def replace_line(text, key, value):
    """The first line `key: …` (at any indentation) with its value replaced."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        stripped = line.lstrip(" -")
        if stripped.startswith(key + ":"):
            lines[i] = line[: len(line) - len(stripped)] + f'{key}: "{value}"'
            return "\n".join(lines)
    sys.exit(f"no '{key}:' line to edit")


class Edit:
    """One kind of edit: the file it changes, how, and the page (site path) that shows it."""

    def __init__(self, kind, site, base):
        content = os.path.join(site, "Content")
        self.kind = kind
        if kind in ("body", "front-matter", "template", "reshape", "people"):
            name = middle(os.path.join(content, "briefings"))
            self.page = f"briefings/{name[:-3]}/"
            self.path = os.path.join(content, "briefings", name)
            if kind == "template":
                self.path = os.path.join(site, "Templates", "briefing.mustache")
        elif kind in ("person", "person-name", "person-moves"):
            name = middle(os.path.join(content, "people"))
            self.page = f"people/{name[:-3]}/"
            self.path = os.path.join(content, "people", name)
        elif kind == "timeline":
            self.path = os.path.join(content, "timeline.yaml")
            # The first event of the file (by its id when it has one), found on its page through
            # the site's own export.
            text = read(self.path)
            first = text[: text.find("\n- ", 1) if text.find("\n- ", 1) > 0 else len(text)]
            ident = re.search(r'^(?:- |  )id: "?([^"\n]*)"?$', first, re.M)
            title = re.search(r'^(?:- |  )title: "?([^"\n]*)"?$', first, re.M).group(1)
            events = json.loads(fetch(base + "data/timeline.json"))["events"]
            url = next(e["url"] for e in events
                       if (e.get("id") == ident.group(1) if ident else e["title"] == title)).split("#")[0]
            # The page's path below the site: from its section on (base_url may hold a path).
            self.page = url[url.index("/timeline/") + 1 :]
        elif kind == "topics":
            self.path = os.path.join(content, "topics.yaml")
            self.page = "topics/"
        elif kind == "site":
            self.path = os.path.join(content, "site.yaml")
            self.page = ""
        elif kind in ("removed-file", "renamed-file"):
            name = unnamed_briefing(content)
            self.path = os.path.join(content, "briefings", name)
            self.page = f"briefings/{name[:-3]}/"
            self.renamed = os.path.join(content, "briefings", "latency-probe-renamed.md")
            if kind == "renamed-file":
                self.page = "briefings/latency-probe-renamed/"
        elif kind == "new-person":
            self.path = os.path.join(content, "people", "latency-probe-person.md")
            self.page = "people/latency-probe-person/"
            self.original = None
            return
        elif kind == "new-file":
            name = middle(os.path.join(content, "briefings"))
            self.source = os.path.join(content, "briefings", name)
            self.path = os.path.join(content, "briefings", "latency-probe-new.md")
            self.page = "briefings/latency-probe-new/"
            self.original = None
            return
        self.original = read(self.path)

    def apply(self, marker, text):
        if self.kind == "body":
            return text + f"\n{marker}\n"
        if self.kind == "front-matter":
            return replace_line(text, "title", marker)
        if self.kind == "people":
            run = int(marker.split()[2])
            text = replace_line(text, "title", marker)
            if run % 2 == 0:
                text = re.sub(r"^(people: \[[^\]]*?), [^,\]]+\]$", r"\1]", text, count=1, flags=re.M)
            return text
        if self.kind == "new-file":
            return replace_line(read(self.source), "title", marker)
        if self.kind == "reshape":
            day = 1 + int(marker.split()[2]) % 9
            return re.sub(r"^date: .*$", f"date: 2001-01-0{day}", replace_line(text, "title", marker), count=1, flags=re.M)
        if self.kind == "person":
            return replace_line(text, "role", marker)
        if self.kind == "new-person":
            return f'---\nname: "{marker}"\nrole: Observer\n---\nA probe.\n'
        if self.kind == "person-moves":
            return replace_line(text, "name", f"Aaa {marker} {self.name()}")
        if self.kind == "person-name":
            return replace_line(text, "name", f"{self.name()} {marker}")
        if self.kind == "timeline":
            return replace_line(text, "title", marker)
        if self.kind == "topics":
            return replace_line(text, "name", marker)
        if self.kind == "site":
            return replace_line(text, "title", marker)
        if self.kind == "template":
            return text.replace("{{/briefing}}", f"<p>{marker}</p>{{{{/briefing}}}}", 1) if "{{/briefing}}" in text else text + marker

    def name(self):
        """The person's name as the file had it."""
        return re.search(r"^name: ?(.*)$", self.original, re.M).group(1).strip().strip('"')

    def perform(self):
        """Removes or renames the file; returns whether the page shows it done."""
        if self.kind == "removed-file":
            os.remove(self.path)
            return lambda page: "<html" not in page
        os.rename(self.path, self.renamed)
        return lambda page: "<html" in page

    def undo(self):
        """Brings the file back (written again, or renamed back)."""
        if self.kind == "removed-file":
            save(self.path, self.original)
        elif os.path.exists(self.renamed):
            os.rename(self.renamed, self.path)

    def restore(self):
        if self.kind in ("removed-file", "renamed-file"):
            self.undo()
            return
        if self.original is None:
            if os.path.exists(self.path):
                os.remove(self.path)
        else:
            save(self.path, self.original)


def topics_file(site):
    """A topics.yaml naming every topic the briefings file under, for a site that has none."""
    path = os.path.join(site, "Content", "topics.yaml")
    if os.path.exists(path):
        return None
    topics = set()
    folder = os.path.join(site, "Content", "briefings")
    for name in os.listdir(folder):
        m = re.search(r"^topics: \[(.*)\]$", read(os.path.join(folder, name)), re.M)
        if m:
            topics.update(t.strip() for t in m.group(1).split(",") if t.strip())
    with open(path, "w", encoding="utf-8") as f:
        for t in sorted(topics):
            f.write(f'{t}:\n  name: "{t.replace("-", " ").title()}"\n')
    return path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("site")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--edit", nargs="+", choices=KINDS, default=["body"])
    args = ap.parse_args()

    written_topics = topics_file(args.site) if "topics" in args.edit else None
    port = free_port()
    log = open(os.path.join(args.site, ".serve-latency.log"), "w+")
    server = subprocess.Popen([args.binary, "serve", "--site", args.site, "--port", str(port)],
                              stderr=log, stdout=log)
    edits = []
    try:
        start = time.time()
        # The site is served under the path of its base_url, printed once the first build is done.
        served = None
        while served is None:
            if time.time() - start > 600 or server.poll() is not None:
                sys.exit("serve did not start; see " + log.name)
            time.sleep(0.05)
            with open(log.name, encoding="utf-8") as f:
                served = re.search(r"^serving .* at (http://\S+) ", f.read(), re.M)
        base = served.group(1)
        while "<html" not in fetch(base):
            if time.time() - start > 600 or server.poll() is not None:
                sys.exit("serve did not start; see " + log.name)
            time.sleep(0.05)
        print(f"serve ready after {time.time() - start:.1f} s (initial build)")
        for kind in args.edit:
            edit = Edit(kind, args.site, base)
            edits.append(edit)
            page = base + edit.page
            log.seek(0, os.SEEK_END)
            logged_from = log.tell()
            totals = []
            for run in range(args.runs):
                marker = f"Latency probe {run} {time.time_ns()}"
                if kind in ("removed-file", "renamed-file"):
                    t0 = time.perf_counter()
                    shows = edit.perform()
                else:
                    text = edit.apply(marker, edit.original if kind not in ("body", "new-file", "new-person")
                                      else (read(edit.path) if kind == "body" else ""))
                    t0 = time.perf_counter()
                    save(edit.path, text)
                    shows = lambda served: marker in served
                while not shows(fetch(page)):
                    if time.perf_counter() - t0 > 60:
                        sys.exit(f"{kind}: the edit was not served on {page} within 60 s")
                    time.sleep(0.001)
                totals.append((time.perf_counter() - t0) * 1000)
                time.sleep(0.3)
                if kind in ("new-file", "new-person", "person-moves", "removed-file", "renamed-file"):
                    edit.restore()
                    time.sleep(0.5)
            edit.restore()
            time.sleep(1.0)
            log.flush()
            with open(log.name, encoding="utf-8") as f:
                f.seek(logged_from)
                rebuilds = [float(m.replace(",", "")) for m in re.findall(r"rebuilt.* in ([0-9.,]+) ms", f.read())]
            line = (f"{kind:13} edit to served page ({args.runs} edits): median {statistics.median(totals):.0f} ms, "
                    f"max {max(totals):.0f} ms")
            if rebuilds:
                line += f"; rebuild as serve reports it: median {statistics.median(rebuilds):.0f} ms"
            print(line, flush=True)
    finally:
        server.terminate()
        server.wait()
        for edit in edits:
            edit.restore()
        if written_topics:
            os.remove(written_topics)


if __name__ == "__main__":
    main()
