"""Golden outputs from Pillow itself for rawpx's `resize` tests.

Generates test images (photo-like, with soft and hard alpha edges, noise,
odd sizes, extreme ratios), resizes each with Pillow's `Image.resize` for
every rawpx filter, and writes one little-endian file the wasmtime tests
read (tests/resize.rs):

    b"RPXG", u32 cases, then per case: u8 name length, name, u32 sw, sh,
    dw, dh, the sw*sh*4 source bytes, then dw*dh*4 bytes per filter in
    rawpx's order (nearest, box, bilinear, bicubic, lanczos3).

`make test` runs it in a venv with the Pillow of requirements.txt.
"""

import math
import random
import struct
import sys

import PIL
from PIL import Image

FILTERS = [
    Image.Resampling.NEAREST,
    Image.Resampling.BOX,
    Image.Resampling.BILINEAR,
    Image.Resampling.BICUBIC,
    Image.Resampling.LANCZOS,
]


def photo(w, h, rng, alpha):
    """Smooth shading, a hard-edged bar, fine texture and noise; with
    `alpha`, a disc whose rim fades out, and random colour where it is 0."""
    out = bytearray(w * h * 4)
    fx, fy = rng.uniform(3, 15), rng.uniform(3, 15)
    cx, cy, r = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7), max(w, h) * 0.35
    for y in range(h):
        for x in range(w):
            i = 4 * (y * w + x)
            base = 120 + 70 * math.sin(x / fx + y / fy) + 40 * math.cos(x * y / (fx * fy * 3))
            bar = 80 if (x // 5) % 4 == 0 else 0
            for c in range(3):
                v = base + (c - 1) * 35 + (bar if c == 2 else 0) + rng.randint(-12, 12)
                out[i + c] = max(0, min(255, int(v)))
            a = 255
            if alpha:
                d = math.hypot(x - cx, y - cy)
                a = max(0, min(255, int((r - d) * 40)))
                if a == 0:
                    out[i : i + 3] = bytes(rng.randrange(256) for _ in range(3))
            out[i + 3] = a
    return bytes(out)


def noise(w, h, rng, alpha):
    out = bytearray(rng.randrange(256) for _ in range(w * h * 4))
    if not alpha:
        out[3::4] = b"\xff" * (w * h)
    else:
        # Many fully transparent and opaque pixels, as real images have.
        for i in range(3, len(out), 4):
            out[i] = rng.choice((0, 255, out[i]))
    return bytes(out)


CASES = [
    # (kind, source size, output size)
    ("photo", (64, 48), (31, 23)),
    ("photo", (64, 48), (150, 111)),
    ("photo", (101, 7), (100, 7)),
    ("photo", (7, 101), (7, 33)),
    ("photo", (257, 129), (256, 128)),
    ("photo", (200, 200), (199, 203)),
    ("photo", (320, 213), (107, 71)),
    ("photo", (320, 213), (97, 240)),
    ("photo", (17, 3), (40, 9)),
    ("photo", (3, 17), (2, 50)),
    ("photo", (640, 360), (427, 240)),
    ("photo", (128, 96), (64, 48)),
    ("noise", (1, 1), (5, 3)),
    ("noise", (1, 1), (1, 4096)),
    ("noise", (2, 2), (3, 3)),
    ("noise", (4096, 1), (1, 1)),
    ("noise", (1, 4096), (1, 1)),
    ("noise", (4096, 3), (1, 3)),
    ("noise", (3, 4096), (3, 1)),
    ("noise", (2, 1), (4096, 2)),
    ("noise", (7, 5), (3, 2)),
    ("noise", (33, 21), (66, 42)),
    ("noise", (40, 30), (13, 10)),
    ("noise", (40, 30), (20, 15)),
    ("noise", (13, 1), (29, 1)),
    ("noise", (1, 13), (1, 6)),
]


def main(path):
    rng = random.Random(4)
    records = []
    for kind, (sw, sh), (dw, dh) in CASES:
        for alpha in (False, True):
            make = photo if kind == "photo" else noise
            src = make(sw, sh, rng, alpha)
            im = Image.frombytes("RGBA", (sw, sh), src)
            outs = [im.resize((dw, dh), f).tobytes() for f in FILTERS]
            name = f"{kind}{' alpha' if alpha else ''} {sw}x{sh}->{dw}x{dh}".encode()
            records.append(struct.pack("<B", len(name)) + name + struct.pack("<4I", sw, sh, dw, dh) + src + b"".join(outs))
    with open(path, "wb") as f:
        f.write(b"RPXG" + struct.pack("<I", len(records)) + b"".join(records))
    print(f"{path}: {len(records)} cases from Pillow {PIL.__version__}")


if __name__ == "__main__":
    main(sys.argv[1])
