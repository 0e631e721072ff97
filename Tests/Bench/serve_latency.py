#!/usr/bin/env python3
"""Edit-to-served latency of `briefing serve` for one briefing body edit.

    serve_latency.py BINARY SITE_DIR [--runs N]

Starts `BINARY serve` on a free loopback port against SITE_DIR (which holds Content/ and
Templates/), then N times appends a paragraph to one briefing (written the way editors save:
a temporary file renamed over the original) and polls the briefing's page until the new text is
served. Prints the median and maximum of that end-to-end time, and of the rebuild time serve
itself reports ("rebuilt: … in X ms"). The SITE_DIR's briefing is restored afterwards.
"""
import argparse, os, re, socket, statistics, subprocess, sys, time, urllib.request


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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("site")
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()

    briefings = os.path.join(args.site, "Content", "briefings")
    name = sorted(n for n in os.listdir(briefings) if n.endswith(".md"))[len(os.listdir(briefings)) // 2]
    path = os.path.join(briefings, name)
    slug = name[:-3]
    original = open(path, encoding="utf-8").read()
    port = free_port()
    log = open(os.path.join(args.site, ".serve-latency.log"), "w+")
    server = subprocess.Popen([args.binary, "serve", "--site", args.site, "--port", str(port)],
                              stderr=log, stdout=log)
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
        page = f"{served.group(1)}briefings/{slug}/"
        while "<html" not in fetch(page):
            if time.time() - start > 600 or server.poll() is not None:
                sys.exit("serve did not start; see " + log.name)
            time.sleep(0.05)
        print(f"serve ready after {time.time() - start:.1f} s (initial build)")
        totals = []
        text = original
        for run in range(args.runs):
            marker = f"Latency probe {run} {time.time_ns()}."
            text += f"\n{marker}\n"
            tmp = path + ".tmp~"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(text)
            t0 = time.perf_counter()
            os.replace(tmp, path)
            while marker not in fetch(page):
                if time.perf_counter() - t0 > 30:
                    sys.exit("the edit was not served within 30 s")
                time.sleep(0.001)
            totals.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.2)
        log.flush()
        log.seek(0)
        rebuilds = [float(m) for m in re.findall(r"rebuilt: .* in ([0-9.]+) ms", log.read())]
        print(f"edit to served page ({args.runs} edits): median {statistics.median(totals):.0f} ms, "
              f"max {max(totals):.0f} ms")
        if rebuilds:
            print(f"rebuild as serve reports it: median {statistics.median(rebuilds):.0f} ms, max {max(rebuilds):.0f} ms")
    finally:
        server.terminate()
        server.wait()
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)


if __name__ == "__main__":
    main()
