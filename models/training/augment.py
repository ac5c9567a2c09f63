"""Training-time augmentation that attacks the shortcuts of the development set (PROVENANCE.md).

Each class comes from different hospitals, resolutions and file formats, so the random steps below make
resolution history, compression, sharpness, noise, borders, burned-in markers, exposure and gamma carry
no class signal. Geometry stays anatomical: small rotations, scales, shifts and aspect changes; no
left-right flips (the heart and aortic knob are left-sided; a flipped film is a different anatomy).
The deterministic part (trim, area resize, percentile contrast stretch, normalisation) is preprocess.py,
shared with inference.
"""
import io
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

import preprocess

MARKERS = ["L", "R", "AP", "PA", "PORTABLE", "SUPINE", "ERECT", "1", "2", "A"]


def _affine(plane, size, rng):
    """Random rotation/scale/aspect/shift, sampled from the (larger) cached plane to size x size."""
    source = Image.fromarray(plane.astype(np.float32), mode="F")
    cached = plane.shape[0]
    angle = math.radians(rng.uniform(-8, 8))
    zoom = rng.uniform(0.95, 1.25)
    aspect = rng.uniform(0.92, 1.08)
    sx, sy = cached / size / zoom * aspect, cached / size / zoom / aspect
    tx, ty = rng.uniform(-0.05, 0.05) * cached, rng.uniform(-0.05, 0.05) * cached
    cos, sin = math.cos(angle), math.sin(angle)
    c = size / 2.0
    # output (x, y) -> source: centre, scale, rotate, shift, back to the source centre
    a, b = sx * cos, -sy * sin
    d, e = sx * sin, sy * cos
    matrix = (a, b, cached / 2.0 + tx - a * c - b * c, d, e, cached / 2.0 + ty - d * c - e * c)
    fill = float(np.median(plane))
    out = source.transform((size, size), Image.AFFINE, matrix, resample=Image.BILINEAR, fillcolor=fill)
    return np.asarray(out, dtype=np.float64)


def _to_image(plane):
    return Image.fromarray(np.clip(plane, 0, 255).round().astype(np.uint8), mode="L")


def _degrade(plane, rng):
    """Resolution history, blur/sharpness, JPEG blocks and noise: all classes get all of them."""
    size = plane.shape[0]
    image = _to_image(plane)
    if rng.random() < 0.75:
        small = max(48, int(size * rng.uniform(0.35, 1.0)))
        down = [Image.BOX, Image.BILINEAR, Image.LANCZOS][rng.integers(3)]
        up = [Image.BILINEAR, Image.BICUBIC, Image.NEAREST][rng.choice(3, p=[0.45, 0.45, 0.1])]
        image = image.resize((small, small), down).resize((size, size), up)
    if rng.random() < 0.3:
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.3)))
    elif rng.random() < 0.2:
        image = image.filter(ImageFilter.UnsharpMask(radius=rng.uniform(1, 3), percent=int(rng.uniform(50, 150))))
    if rng.random() < 0.5:
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=int(rng.uniform(30, 95)))
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
    out = np.asarray(image, dtype=np.float64)
    if rng.random() < 0.3:
        out = out + rng.normal(0, rng.uniform(1, 6), out.shape)
    return out


def _marks(plane, rng):
    """Burned-in markers, text, arrows-like bars and frames, on every class."""
    size = plane.shape[0]
    image = _to_image(plane)
    draw = ImageDraw.Draw(image)
    if rng.random() < 0.35:
        for _ in range(rng.integers(1, 4)):
            text = MARKERS[rng.integers(len(MARKERS))]
            glyph = Image.new("L", (8 * len(text) + 4, 14), 0)
            ImageDraw.Draw(glyph).text((2, 1), text, fill=255, font=ImageFont.load_default())
            scale = rng.uniform(1.0, 3.0) * size / 224
            glyph = glyph.resize((max(4, int(glyph.width * scale)), max(4, int(glyph.height * scale))), Image.BILINEAR)
            x = int(rng.uniform(0, max(1, size - glyph.width)))
            y = int(rng.choice([rng.uniform(0, size * 0.2), rng.uniform(size * 0.75, max(size * 0.75 + 1, size - glyph.height))]))
            image.paste(int(rng.uniform(180, 255)), (x, y), glyph)
    if rng.random() < 0.15:
        x, y = rng.uniform(0.1, 0.8, 2) * size
        length, angle = rng.uniform(0.05, 0.15) * size, rng.uniform(0, 2 * math.pi)
        draw.line([(x, y), (x + length * math.cos(angle), y + length * math.sin(angle))], fill=int(rng.uniform(200, 255)), width=max(1, int(size / 100)))
    out = np.asarray(image, dtype=np.float64).copy()
    if rng.random() < 0.2:
        value = 0.0 if rng.random() < 0.7 else 255.0
        for side in range(4):
            if rng.random() < 0.5:
                width = int(rng.uniform(0.02, 0.1) * size)
                if side == 0:
                    out[:width] = value
                elif side == 1:
                    out[-width or size:] = value
                elif side == 2:
                    out[:, :width] = value
                else:
                    out[:, -width or size:] = value
    return out


def _photometric(plane, rng):
    """Exposure, contrast and gamma differences between sites and processing chains."""
    v = np.clip(plane / 255.0, 0, 1)
    if rng.random() < 0.8:
        v = v ** math.exp(rng.uniform(-0.5, 0.5))
    if rng.random() < 0.5:
        v = v * rng.uniform(0.75, 1.25) + rng.uniform(-0.1, 0.1)
    if rng.random() < 0.15:
        ranks = np.argsort(np.argsort(v, axis=None)).reshape(v.shape)
        v = ranks / (v.size - 1)
    if rng.random() < 0.2:
        h = v.shape[0]
        y0, x0 = rng.integers(0, h - h // 6, 2)
        v[y0:y0 + rng.integers(h // 12, h // 4), x0:x0 + rng.integers(h // 12, h // 4)] = v.mean()
    return np.clip(v, 0, 1) * 255.0


def augment(cached_plane, spec, rng):
    """cached_plane: the trimmed film area-resized to about 1.15x the input size (0-255 floats)."""
    plane = _affine(cached_plane, spec["width"], rng)
    plane = _degrade(plane, rng)
    plane = _marks(plane, rng)
    plane = _photometric(plane, rng)
    low, high = spec["contrastPercentiles"]
    return preprocess.normalize(preprocess.contrast_stretch(plane, low, high), spec)
