#!/usr/bin/env python3
"""Scores the photo coaching against the corpus's recorded distortions.

Usage: coach_score.py CORPUS_DIR RESULTS.jsonl

RESULTS.jsonl is the output of `monitor-check identify --batch DIR --jsonl`,
whose lines carry each photo's `quality` measures and `advice`. For each kind
of advice it prints how many photos got it and how often the distortion it
names is really in the photo (precision); for each distortion, how often a
strong case of it was named (recall). It also checks that the crop offered
for a close-up holds the model line.

Which distortion each advice names:
  blurred        gaussian_blur, motion_blur, extreme_motion_blur
  glare          glare
  too_dark       shadow (a shadow over part of the label)
  too_bright     glare (the only over-exposure the corpus records)
  text_too_small letters under 9 px high at the reader's resolution
  cut_off        the model line within 1 % of the frame's edge

A blur is strong when its width is large for the print: the blur's standard
deviation (sigma for a Gaussian blur, L/sqrt(12) for a motion blur of length
L) is at least 7 % of the model line's capital height, i.e. about half a
stroke width, where strokes start to run together. Every glare is strong.
"""

import json
import math
import re
import sys
from collections import defaultdict

WORK_MAX_SIDE = 2048
STRONG_BLUR_REL = 0.07
SMALL_CAP_PX = 9.0
NAMES = {
    "blurred": "blur",
    "glare": "glare",
    "too_dark": "shadow",
    "too_bright": "glare",
    "text_too_small": "small",
    "cut_off": "cut",
}


def distortions(meta):
    """The distortions present in a photo: name -> strong (bool)."""
    out = {}
    cap = meta.get("model_cap_px")
    for d in meta.get("distortions", []):
        m = re.match(r"([a-z_]+)(?:\((.*)\))?", d)
        if not m:
            continue
        kind, args = m.group(1), dict(
            a.split("=") for a in (m.group(2) or "").split(",") if "=" in a
        )
        if kind == "gaussian_blur":
            sigma = float(args["s"])
        elif kind in ("motion_blur", "extreme_motion_blur"):
            sigma = float(args["L"]) / math.sqrt(12)
        else:
            if kind in ("glare", "shadow"):
                out[kind] = True
            continue
        strong = cap is None or sigma / cap >= STRONG_BLUR_REL
        out["blur"] = out.get("blur", False) or strong
    w, h = meta["size"]
    if cap is not None:
        reader_cap = cap * min(1.0, WORK_MAX_SIDE / max(w, h))
        if reader_cap < SMALL_CAP_PX:
            out["small"] = True
    quad = meta.get("model_quad")
    if quad:
        m = 0.01 * min(w, h)
        if any(x < m or y < m or x > w - m or y > h - m for x, y in quad):
            out["cut"] = True
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    corpus, results = sys.argv[1], sys.argv[2]
    truth = {t["file"]: t for t in json.load(open(f"{corpus}/truth.json"))}
    rows = [json.loads(l) for l in open(results) if l.strip()]
    got = defaultdict(list)  # advice kind -> [file]
    present = defaultdict(set)  # distortion -> files (any strength)
    strong = defaultdict(set)  # distortion -> files (strong)
    crop_hits = crop_total = 0
    unknown_total = unknown_advised = 0
    scored = 0
    for r in rows:
        t = truth.get(r.get("file"))
        if t is None or "error" in r:
            continue
        scored += 1
        d = distortions(t["meta"])
        for name, is_strong in d.items():
            present[name].add(r["file"])
            if is_strong:
                strong[name].add(r["file"])
        for a in r.get("advice", []):
            got[a["kind"]].append(r["file"])
        if r.get("verdict") == "unknown":
            unknown_total += 1
            unknown_advised += bool(r.get("advice"))
        quad = t["meta"].get("model_quad")
        crop = (r.get("quality") or {}).get("model_field")
        if quad:
            crop_total += 1
            cx = sum(p[0] for p in quad) / 4
            cy = sum(p[1] for p in quad) / 4
            if crop and crop["x"] <= cx <= crop["x"] + crop["width"] and crop["y"] <= cy <= crop["y"] + crop["height"]:
                crop_hits += 1
    print(f"photos scored: {scored}")
    print()
    print(f"{'advice':<15} {'given':>5} {'names':<7} {'right':>5} {'precision':>9} {'base rate':>9}")
    for kind in NAMES:
        files = got.get(kind, [])
        name = NAMES[kind]
        right = sum(f in present[name] for f in files)
        prec = f"{right / len(files):.0%}" if files else "-"
        base = f"{len(present[name]) / scored:.0%}" if scored else "-"
        print(f"{kind:<15} {len(files):>5} {name:<7} {right:>5} {prec:>9} {base:>9}")
    print()
    print(f"{'distortion':<10} {'strong':>6} {'named':>5} {'recall':>6}   (named by)")
    for name in ("blur", "glare", "shadow", "small", "cut"):
        kinds = [k for k, v in NAMES.items() if v == name]
        files = strong.get(name, set())
        named = sum(any(f in got.get(k, []) for k in kinds) for f in files)
        rec = f"{named / len(files):.0%}" if files else "-"
        print(f"{name:<10} {len(files):>6} {named:>5} {rec:>6}   ({', '.join(kinds)})")
    print()
    print(f"model-field crop holds the model line: {crop_hits}/{crop_total}")
    print(f"unknown verdicts with advice: {unknown_advised}/{unknown_total}")


if __name__ == "__main__":
    main()
