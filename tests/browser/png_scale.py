"""A screenshot made smaller the way a phone camera sees a far-away screen: a PNG read with
the standard library, averaged over n×n blocks, written back as a greyscale PNG (no imaging
library needed)."""

import struct
import zlib
from pathlib import Path


def _rows(path: Path) -> tuple[int, int, list[list[int]]]:
    """Width, height and the grey value of every pixel of an 8-bit RGB or RGBA PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    channels = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    grey: list[list[int]] = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        previous = line
        grey.append([(line[x] * 299 + line[x + 1] * 587 + line[x + 2] * 114) // 1000
                     for x in range(0, stride, channels)])
    return width, height, grey


def shrink(source: Path, target: Path, factor: int) -> tuple[int, int]:
    """Writes `source` at 1/`factor` of its size (each pixel the mean of a factor×factor block)
    to `target`; returns the new size."""
    width, height, grey = _rows(source)
    w, h = width // factor, height // factor
    out = bytearray()
    for y in range(h):
        out.append(0)
        block = grey[y * factor:(y + 1) * factor]
        for x in range(w):
            total = sum(sum(row[x * factor:(x + 1) * factor]) for row in block)
            out.append(total // (factor * factor))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    target.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                       + chunk(b"IDAT", zlib.compress(bytes(out))) + chunk(b"IEND", b""))
    return w, h
