"""Golden outputs from Pillow itself for rawpx's rank filters.

Generates photo-like and noise images, with and without alpha, and runs
Pillow's MedianFilter, MinFilter and MaxFilter (each band on its own, as
Pillow filters RGBA) for sizes 3, 5, 11 and 61, writing one little-endian
file the wasmtime tests read (tests/rank.rs):

    b"RPXR", u32 cases, then per case: u8 name length, name, u32 w, h, the
    w*h*4 source bytes, then per size (3, 5, 11, 61) the median, the
    minimum and the maximum, w*h*4 bytes each.

`make test` runs it in the venv with the Pillow of requirements.txt.
"""

import random
import struct
import sys

from PIL import Image, ImageFilter

from goldens import noise, photo

CASES = [
    ("photo", (64, 48), False),
    ("photo alpha", (61, 47), True),
    ("noise", (37, 29), False),
    ("noise alpha", (40, 13), True),
    ("thin", (3, 70), False),
]


def main(out):
    rng = random.Random(7)
    parts = [b"RPXR", struct.pack("<I", len(CASES))]
    for name, (w, h), alpha in CASES:
        make = photo if name.startswith("photo") else noise
        src = make(w, h, rng, alpha)
        img = Image.frombytes("RGBA", (w, h), src)
        parts += [bytes([len(name)]), name.encode(), struct.pack("<II", w, h), src]
        for size in (3, 5, 11, 61):
            for f in (ImageFilter.MedianFilter, ImageFilter.MinFilter, ImageFilter.MaxFilter):
                parts.append(img.filter(f(size)).tobytes())
    with open(out, "wb") as f:
        f.write(b"".join(parts))


if __name__ == "__main__":
    main(sys.argv[1])
