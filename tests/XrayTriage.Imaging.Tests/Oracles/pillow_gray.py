"""Oracle for RasterImage: python3 pillow_gray.py OUT_DIR IMAGE... writes OUT_DIR/<n>.gray (Pillow's convert("L")
bytes, row-major) for the n-th image and prints one JSON object per line: index, width, height, mode, format."""
import json
import os
import sys

from PIL import Image


def main(argv):
    out_dir = argv[1]
    for index, path in enumerate(argv[2:]):
        with Image.open(path) as image:
            image.load()
            gray = image.convert("L")
            with open(os.path.join(out_dir, f"{index}.gray"), "wb") as handle:
                handle.write(gray.tobytes())
            print(json.dumps({"index": index, "width": gray.width, "height": gray.height,
                              "mode": image.mode, "format": image.format}))


if __name__ == "__main__":
    main(sys.argv)
