#!/usr/bin/env python3
"""Makes the two models Monitor Check embeds from the upstream RapidOCR files.

    derive.py UPSTREAM_DIR OUT_DIR

UPSTREAM_DIR holds PP-OCRv6_det_small.onnx and PP-OCRv6_rec_small.onnx as
found in the rapidocr 3.10.0 wheel; their sha256 sums are checked first.
OUT_DIR receives the two derived .onnx files and their .packed forms (see
pack.py), which are what `src/ocr/models.rs` embeds. The output is the same
byte for byte on every run (checked by the sums in NOTICE).

Two changes, and nothing else:

1. The recogniser keeps only the output classes a European device label can
   carry: the CTC blank, printable ASCII, Latin-1 and Latin Extended-A, a
   few symbols (Ω μ € dashes, typographic quotes) and the final space. The
   upstream head scores 18,710 classes, almost all of them CJK; the app
   never let those win (`src/ocr/recognize.rs`, `is_label_symbol`, the same
   rule as `label_symbol` below). The head's weight columns and bias entries
   of the other classes are dropped, the output shape and the `character`
   metadata follow. Softmax now shares each column's probability among the
   kept classes only, so a confidence can be slightly higher than before.
2. Every float32 weight is rounded to nearest with MANTISSA_BITS bits of
   mantissa kept (float32 has 23), the rest set to zero. The file stays an
   ordinary float32 ONNX model; the zero bits compress away in the packed
   form. The relative change of a weight is at most 2^-(MANTISSA_BITS+1).

Needs Python 3 with `onnx` and `numpy` (`pip install onnx numpy`).
"""

import hashlib
import os
import sys
import unicodedata

import numpy as np
import onnx
from onnx import numpy_helper

import pack

UPSTREAM = {
    "PP-OCRv6_det_small.onnx": "090f04abcd9d9a7498bc4ebf677e4cb9bdce1fe4197ddb7e529f1ef44e1ff94f",
    "PP-OCRv6_rec_small.onnx": "6f327246b50388f3c176ae304bd95767ea6dc0c9ae92153ef8cbe210b3c14884",
}
# Bits of the float32 mantissa kept in every weight.
MANTISSA_BITS = 11
# The recogniser's last layer (MatMul weight and Add bias) before Softmax.
HEAD_WEIGHT = "linear_8.w_0"
HEAD_BIAS = "linear_8.b_0"
EXTRA_SYMBOLS = set("Ωμ€–—’‘“”")


def label_symbol(s: str) -> bool:
    """The rule of `is_label_symbol` in src/ocr/recognize.rs."""
    n = unicodedata.normalize("NFKC", s)
    return n != "" and all(
        c == " " or 0x21 <= ord(c) <= 0x7E or 0xA0 <= ord(c) <= 0x17F or c in EXTRA_SYMBOLS
        for c in n
    )


def round_mantissa(a: np.ndarray) -> np.ndarray:
    drop = 23 - MANTISSA_BITS
    bits = a.astype(np.float32).view(np.uint32).astype(np.uint64)
    bits = ((bits + (1 << (drop - 1))) >> drop) << drop
    return (bits & 0xFFFFFFFF).astype(np.uint32).view(np.float32).reshape(a.shape)


def round_weights(model: onnx.ModelProto) -> None:
    for init in model.graph.initializer:
        if init.data_type == onnx.TensorProto.FLOAT:
            rounded = round_mantissa(numpy_helper.to_array(init))
            init.CopyFrom(numpy_helper.from_array(rounded, init.name))


def prune_head(model: onnx.ModelProto) -> int:
    meta = {p.key: p for p in model.metadata_props}
    characters = meta["character"].value.split("\n")
    # Class 0 is the CTC blank, then one class per line, then the space.
    symbols = [""] + characters + [" "]
    keep = [i for i, s in enumerate(symbols) if i == 0 or label_symbol(s)]
    assert keep[-1] == len(symbols) - 1, "the final space class must stay"
    inits = {i.name: i for i in model.graph.initializer}
    weight = numpy_helper.to_array(inits[HEAD_WEIGHT])
    bias = numpy_helper.to_array(inits[HEAD_BIAS])
    assert weight.shape == (120, len(symbols)) and bias.shape == (len(symbols),)
    inits[HEAD_WEIGHT].CopyFrom(
        numpy_helper.from_array(np.ascontiguousarray(weight[:, keep]), HEAD_WEIGHT)
    )
    inits[HEAD_BIAS].CopyFrom(numpy_helper.from_array(np.ascontiguousarray(bias[keep]), HEAD_BIAS))
    (output,) = model.graph.output
    output.type.tensor_type.shape.dim[2].dim_value = len(keep)
    # The metadata lists the classes between the blank and the space.
    meta["character"].value = "\n".join(symbols[i] for i in keep[1:-1])
    return len(keep)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    upstream, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for name, sum_ in UPSTREAM.items():
        with open(os.path.join(upstream, name), "rb") as f:
            data = f.read()
        if hashlib.sha256(data).hexdigest() != sum_:
            print(f"derive.py: {name} is not the upstream file", file=sys.stderr)
            return 1
        model = onnx.load_from_string(data)
        if "_rec_" in name:
            kept = prune_head(model)
            print(f"{name}: recogniser head pruned to {kept} classes")
        round_weights(model)
        onnx.checker.check_model(model)
        derived = model.SerializeToString()
        path = os.path.join(out, name)
        with open(path, "wb") as f:
            f.write(derived)
        packed = pack.pack_bytes(derived)
        with open(path + ".packed", "wb") as f:
            f.write(packed)
        print(
            f"{name}: {len(derived):,} bytes, sha256 {hashlib.sha256(derived).hexdigest()},"
            f" packed {len(packed):,} bytes"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
