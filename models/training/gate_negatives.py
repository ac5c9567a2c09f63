"""Measure the content gate on images that are not frontal chest radiographs (and on chest films as a control),
through the service itself: `xraytriage classify --json --ignore-eligibility` against a models folder with a gate.

Families: non-chest DICOMs (dicom-samples/other, header rules bypassed so the gate is what decides), the repository's
screenshots (docs/screenshots), rendered document/text pages, pictures shipped by Debian packages (the larger PNG/JPEG
files under /usr/share), constant images; control: chest DICOMs (dicom-samples/chest) and validation films per source.

  gate_negatives.py --models DIR [--xraytriage src/XrayTriage.Host/bin/Release/net10.0/xraytriage.dll] [--per-family N]

Prints, per family, how many images were refused (not-assessable) and why. Indicative only: it measures whatever
gate DIR holds.
"""
import argparse
import collections
import csv
import glob
import json
import os
import random
import subprocess
import sys
import tempfile

from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
SHARED = os.path.abspath(os.path.join(REPO, "..", "shared"))

TEXT = ("Patient list, Tuesday. Ward 4B: beds 1-12. Handover notes: observations every four hours; "
        "fluids as charted; review bloods in the morning. Radiology requests pending: two. ") * 6


def render_documents(folder, count):
    """White pages of black text, and dark 'screens' of light text, at a few sizes."""
    paths = []
    for i in range(count):
        width, height = random.choice([(1240, 1754), (1920, 1080), (800, 600), (1024, 1024)])
        dark = i % 2 == 1
        image = Image.new("L", (width, height), 30 if dark else 250)
        draw = ImageDraw.Draw(image)
        y, words = 40, TEXT.split()
        while y < height - 40:
            line = " ".join(random.sample(words, min(len(words), 14)))
            draw.text((40, y), line, fill=220 if dark else 10)
            y += random.choice([14, 18, 24])
        path = os.path.join(folder, f"document-{i}.png")
        image.save(path)
        paths.append(path)
    return paths


def constant_images(folder):
    paths = []
    for value, size in [(0, (512, 512)), (128, (640, 480)), (255, (300, 900))]:
        path = os.path.join(folder, f"constant-{value}.png")
        Image.new("L", size, value).save(path)
        paths.append(path)
    return paths


def debian_pictures(count):
    found = [p for p in glob.glob("/usr/share/**/*.png", recursive=True) + glob.glob("/usr/share/**/*.jpg", recursive=True)
             if os.path.getsize(p) > 8000 and "/work/" not in p]
    usable = []
    for path in sorted(found):
        try:
            with Image.open(path) as image:
                if min(image.size) >= 64:
                    usable.append(path)
        except OSError:
            continue
    random.shuffle(usable)
    return usable[:count]


def val_films(per_source):
    by_source = collections.defaultdict(list)
    with open(os.path.join(SHARED, "data", "cxr", "labels.csv"), newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["split"] == "val":
                by_source[row["source_repo"]].append(os.path.join(SHARED, "data", "cxr", row["relative_path"]))
    return {f"val films: {s}": sorted(paths)[:per_source] for s, paths in sorted(by_source.items())}


def classify(dll, models, files):
    result = subprocess.run(["dotnet", dll, "classify", "--json", "--ignore-eligibility", *files, f"--Models:Path={models}"],
                            capture_output=True, text=True, check=False)
    if not result.stdout.strip().startswith("{"):
        raise SystemExit(f"classify failed ({result.returncode}): {result.stderr[-2000:]}")
    return json.loads(result.stdout)["results"], result.stderr


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", required=True)
    parser.add_argument("--xraytriage", default=os.path.join(REPO, "src", "XrayTriage.Host", "bin", "Release", "net10.0", "xraytriage.dll"))
    parser.add_argument("--per-family", type=int, default=20)
    args = parser.parse_args(argv)
    random.seed(16)
    with tempfile.TemporaryDirectory(prefix="gate-negatives-") as work:
        families = {
            "non-chest DICOM (dicom-samples/other)": sorted(glob.glob(os.path.join(SHARED, "dicom-samples", "other", "*.dcm"))),
            "screenshots (docs/screenshots)": sorted(glob.glob(os.path.join(REPO, "docs", "screenshots", "*.png"))),
            "rendered documents/screens": render_documents(work, args.per_family),
            "Debian pictures (/usr/share)": debian_pictures(args.per_family),
            "constant images": constant_images(work),
            "control: chest DICOM (dicom-samples/chest)": sorted(glob.glob(os.path.join(SHARED, "dicom-samples", "chest", "*.dcm"))),
            **val_films(max(1, args.per_family // 2)),
        }
        print(f"{'family':48} {'refused':>9}  reasons / scores")
        for family, files in families.items():
            if not files:
                print(f"{family:48} {'-':>9}  (no files)")
                continue
            results, _ = classify(args.xraytriage, args.models, files)
            refused = [r for r in results if r.get("priority") == "not-assessable" and "reason" in r]
            reasons = collections.Counter(r["reason"] for r in refused)
            scores = sorted(r["score"] for r in results if "score" in r) + sorted(
                r["contentGate"]["score"] for r in results if r.get("contentGate"))
            unread = len(files) - len(results)
            span = f"scores {min(scores):.0f}-{max(scores):.0f}" if scores else ""
            print(f"{family:48} {len(refused):>4}/{len(results):<4}  {dict(reasons)} {span}" + (f" ({unread} unreadable)" if unread else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
