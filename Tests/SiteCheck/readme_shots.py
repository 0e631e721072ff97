#!/usr/bin/env python3
"""Crop the site check's light-scheme screenshots into the README's pictures.

    readme_shots.py SHOTS_DIR OUT_DIR [--height 1600]

Reads SHOTS_DIR/<kind>-light-1280.png and <kind>-light-390.png for home,
briefing, timeline and person; writes OUT_DIR/<kind>-desktop.png and
<kind>-phone.png, each cut to its first HEIGHT pixels and saved as an
optimized palette PNG (kept under 300 KB). Needs Pillow (in .venv-check).
"""
import argparse
import pathlib
import sys

from PIL import Image

KINDS = ("home", "briefing", "timeline", "person")
LIMIT = 300 * 1024


def save(im, path):
    for colors in (256, 128, 64):
        q = im.convert("RGB").quantize(colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        q.save(path, optimize=True)
        if path.stat().st_size < LIMIT:
            return
    raise SystemExit(f"{path} is still {path.stat().st_size} bytes")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shots", type=pathlib.Path)
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--height", type=int, default=1600)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        for width, label in ((1280, "desktop"), (390, "phone")):
            src = args.shots / f"{kind}-light-{width}.png"
            im = Image.open(src)
            im = im.crop((0, 0, im.width, min(im.height, args.height)))
            dst = args.out / f"{kind}-{label}.png"
            save(im, dst)
            print(f"{dst}: {im.width}x{im.height}, {dst.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
