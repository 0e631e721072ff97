#!/usr/bin/env python3
"""A site whose Content/timeline.yaml is one huge file (a million lines by default), for
measuring the memory of `briefing check` and `briefing build` on it (docs/performance.md,
"Huge single files").

    python3 Tests/Bench/huge_timeline.py SITE [--lines N] [--seed S]

SITE gets the sample site's Content/ (people, briefing, topics, site.yaml) and Templates/, and a
timeline.yaml of N lines or a little more: events of 5 to 7 lines each (date at year, month, day
or time precision, title, people, place, summary with Markdown and links, briefing, id), spread
over 2000-2025 so that the timeline splits by year and month. Deterministic for a seed.
"""
import argparse
import os
import random
import shutil

PEOPLE = ["donald-trump", "jared-kushner", "john-hardie", "marco-rubio", "rustem-umerov",
          "steve-witkoff", "vladimir-putin", "volodymyr-zelenskyy", "yuri-ushakov"]
PLACES = ["Moscow", "Miami", "Kyiv", "Washington", "Geneva", "Istanbul", "Abu Dhabi", "Berlin"]
WORDS = ("talks envoy meeting proposal ceasefire delegation statement summit call plan draft "
         "guarantee border exchange sanctions report visit").split()
BRIEFING = "witkoff-kushner-meet-putin-in-moscow"


def event(rng, n):
    year = rng.randint(2000, 2025)
    kind = rng.random()
    if kind < 0.05:
        date = f"{year}"
    elif kind < 0.15:
        date = f"{year}-{rng.randint(1, 12):02d}"
    elif kind < 0.85:
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    else:
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00-05:00"
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8))).capitalize()
    lines = [f"- date: {date}", f'  title: "{title} ({n})"']
    people = rng.sample(PEOPLE, rng.randint(1, 3))
    lines.append(f"  people: [{', '.join(people)}]")
    if rng.random() < 0.8:
        lines.append(f"  place: {rng.choice(PLACES)}")
    if rng.random() < 0.85:
        who = rng.choice(people)
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 14)))
        lines.append(f'  summary: "{words.capitalize()}, said [{who}](person:{who}), *again*."')
    if rng.random() < 0.4:
        lines.append(f"  briefing: {BRIEFING}")
    if rng.random() < 0.4:
        lines.append(f"  id: event-{n}")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site")
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    shutil.rmtree(args.site, ignore_errors=True)
    shutil.copytree(os.path.join(repo, "Content"), os.path.join(args.site, "Content"))
    shutil.copytree(os.path.join(repo, "Templates"), os.path.join(args.site, "Templates"))
    rng = random.Random(args.seed)
    count = lines = 0
    with open(os.path.join(args.site, "Content", "timeline.yaml"), "w") as out:
        out.write("# A generated timeline (Tests/Bench/huge_timeline.py).\n")
        lines = 1
        while lines < args.lines:
            count += 1
            entry = event(rng, count)
            out.write("\n".join(entry) + "\n")
            lines += len(entry)
    size = os.path.getsize(os.path.join(args.site, "Content", "timeline.yaml"))
    print(f"{args.site}/Content/timeline.yaml: {lines} lines, {count} events, {size} bytes")


if __name__ == "__main__":
    main()
