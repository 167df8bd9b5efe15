#!/usr/bin/env python3
"""Packs the OCR models for embedding, and unpacks them back, byte for byte.

A packed file is the model split into four byte lanes (every fourth byte,
starting at offsets 0, 1, 2 and 3, one lane after the other), compressed as
one zlib stream. Most of a model is 32-bit floats whose high bytes repeat
far more than their low bytes (and whose lowest mantissa bits derive.py set
to zero), so the split lets zlib shrink them far more than the plain file.
Packing is lossless: unpacking gives back the .onnx file exactly (see the
sha256 sums in NOTICE; `src/ocr/models.rs` unpacks at run time and a test
checks the sums).

    pack.py pack FILE.onnx      writes FILE.onnx.packed
    pack.py unpack FILE.packed  writes FILE (without .packed)
"""

import sys
import zlib

LANES = 4


def split(data: bytes) -> bytes:
    return b"".join(data[lane::LANES] for lane in range(LANES))


def join(data: bytes) -> bytes:
    n = len(data)
    out = bytearray(n)
    start = 0
    for lane in range(LANES):
        length = (n + LANES - 1 - lane) // LANES
        out[lane::LANES] = data[start : start + length]
        start += length
    return bytes(out)


def pack_bytes(data: bytes) -> bytes:
    """The packed form of `data`, checked to unpack back to it."""
    packed = zlib.compress(split(data), 9)
    if join(zlib.decompress(packed)) != data:
        raise ValueError("pack.py: round trip failed")
    return packed


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("pack", "unpack"):
        print(__doc__, file=sys.stderr)
        return 2
    action, path = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        data = f.read()
    if action == "pack":
        packed = pack_bytes(data)
        with open(path + ".packed", "wb") as f:
            f.write(packed)
    else:
        if not path.endswith(".packed"):
            print("pack.py: expected a .packed file", file=sys.stderr)
            return 2
        with open(path[: -len(".packed")], "wb") as f:
            f.write(join(zlib.decompress(data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
