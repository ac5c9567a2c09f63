"""Model input preprocessing, identical to the service's C# pipeline (XrayTriage.Imaging.ModelInputBuilder).

Every image (PNG/JPEG here; DICOM in the service after Modality/VOI windowing) becomes an 8-bit grayscale
plane and then goes through the same steps, so that file format, resolution and borders carry as little
signal as possible and there is no train/serve skew:

1. grayscale with Pillow's integer luma, L = (19595 R + 38470 G + 7471 B + 0x8000) >> 16;
2. border trim: outer rows/columns whose (max - min) <= 24 are removed, at most a quarter per side;
3. stretch to the member's input size by area averaging (each output pixel = mean of the area it covers);
4. contrast standardisation: the lo/hi percentiles of the resized plane map to 0 and 255;
5. (v / 255 - mean) / std per channel, the gray plane replicated to every channel, NCHW.

A test in the C# suite runs this file on the same images and requires agreement within 1/255.
"""
import math
import sys

import numpy as np
from PIL import Image

FLAT_RANGE = 24


def load_gray(path):
    """Decode a PNG/JPEG into a uint8 grayscale array with Pillow's luma weights (alpha ignored)."""
    with Image.open(path) as image:
        image.load()
        if image.mode in ("I;16", "I;16B", "I;16L", "I"):
            array = np.asarray(image, dtype=np.uint32)
            return (array >> 8).clip(0, 255).astype(np.uint8)
        rgb = np.asarray(image.convert("RGB"), dtype=np.uint32)
    gray = (rgb[..., 0] * 19595 + rgb[..., 1] * 38470 + rgb[..., 2] * 7471 + 0x8000) >> 16
    return gray.astype(np.uint8)


def _flat(line):
    return int(line.max()) - int(line.min()) <= FLAT_RANGE


def trim_borders(gray):
    """Remove uniform outer lines (black/white frames, scanner borders), at most floor(size/4) per side."""
    height, width = gray.shape
    top, bottom = 0, height
    while top < height // 4 and _flat(gray[top]):
        top += 1
    while height - bottom < height // 4 and bottom > top and _flat(gray[bottom - 1]):
        bottom -= 1
    left, right = 0, width
    while left < width // 4 and _flat(gray[top:bottom, left]):
        left += 1
    while width - right < width // 4 and right > left and _flat(gray[top:bottom, right - 1]):
        right -= 1
    if bottom - top < 16 or right - left < 16:
        return gray
    return gray[top:bottom, left:right]


def _area_weights(source, output):
    """Row i holds the normalised coverage of source pixels by output pixel i (as AreaResampler.Weights)."""
    matrix = np.zeros((output, source), dtype=np.float64)
    scale = source / output
    for i in range(output):
        start = i * scale
        end = min((i + 1) * scale, source)
        first = int(math.floor(start))
        last = min(int(math.ceil(end)) - 1, source - 1)
        for s in range(first, last + 1):
            matrix[i, s] = min(end, s + 1) - max(start, s)
        matrix[i] /= matrix[i].sum()
    return matrix


_WEIGHTS = {}


def area_resize(gray, width, height):
    """Stretch to width x height by area averaging; float64 plane in 0-255."""
    src_h, src_w = gray.shape
    key_x, key_y = (src_w, width), (src_h, height)
    if key_x not in _WEIGHTS:
        _WEIGHTS[key_x] = _area_weights(src_w, width)
    if key_y not in _WEIGHTS:
        _WEIGHTS[key_y] = _area_weights(src_h, height)
    return _WEIGHTS[key_y] @ gray.astype(np.float64) @ _WEIGHTS[key_x].T


def contrast_stretch(plane, low, high):
    """Map the low/high percentiles (index floor(q * (n - 1)) of the sorted values) to 0 and 255."""
    values = np.sort(plane, axis=None)
    n = values.size
    vlo = values[int(math.floor(low * (n - 1)))]
    vhi = values[int(math.floor(high * (n - 1)))]
    if vhi - vlo < 1:
        return plane
    return np.clip((plane - vlo) / (vhi - vlo), 0.0, 1.0) * 255.0


def fit(gray, spec):
    """Steps 2-4: the 0-255 float plane the member sees before normalisation."""
    if spec.get("trimBorders"):
        gray = trim_borders(gray)
    plane = area_resize(gray, spec["width"], spec["height"])
    percentiles = spec.get("contrastPercentiles")
    if percentiles:
        plane = contrast_stretch(plane, percentiles[0], percentiles[1])
    return plane


def normalize(plane, spec):
    """Step 5: float32 CHW tensor."""
    channels = [(plane / 255.0 - m) / s for m, s in zip(spec["mean"], spec["std"])]
    return np.stack(channels).astype(np.float32)


def model_input(path, spec):
    return normalize(fit(load_gray(path), spec), spec)


def default_spec(size):
    return {"name": "input", "width": size, "height": size, "channels": 3, "channelHandling": "replicate-grayscale",
            "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225], "resize": "stretch",
            "trimBorders": True, "contrastPercentiles": [0.01, 0.99]}


def main(argv):
    """python3 preprocess.py SIZE OUT.f32 IMAGE... : writes the tensors (float32, little endian) back to back."""
    size, out = int(argv[1]), argv[2]
    spec = default_spec(size)
    with open(out, "wb") as handle:
        for path in argv[3:]:
            handle.write(model_input(path, spec).astype("<f4").tobytes())


if __name__ == "__main__":
    main(sys.argv)
