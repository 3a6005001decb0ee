#!/usr/bin/python3
"""Writes one data frame of an R package's lazy-load database (data/Rdata.rdb + .rdx) as CSV.

usage: rdataToCsv.py BASE OBJECT OUT.csv      (BASE = .../data/Rdata, without the extension)

R stores a package's data sets as a lazy-load database: Rdata.rdx is a gzip'd serialized
index {variables: name -> (offset, length)}; each object in Rdata.rdb is a 4-byte big-endian
length, a compression tag ('Z' raw xz/LZMA2, '2' bzip2, '0' none; no tag = zlib) and the
serialized object. The R serialization itself is read by python3-rdata (Debian package):
    apt-get install -y python3-rdata
Column names, factor labels and NA (as an empty cell) are written as R has them.
"""
import bz2, gzip, lzma, struct, sys, warnings, zlib

import pandas as pd
import rdata

# rdata 0.5 reads NA_integer_ as the integer it is stored as.
R_NA_INTEGER = -(2**31)


def unchunk(blob: bytes) -> bytes:
    length = struct.unpack('>I', blob[:4])[0]
    tag = blob[4:5]
    if tag == b'Z':
        # R writes raw LZMA2 (no .xz container) with preset 9 | extreme.
        out = lzma.decompress(blob[5:], format=lzma.FORMAT_RAW,
                              filters=[{'id': lzma.FILTER_LZMA2, 'preset': 9 | lzma.PRESET_EXTREME}])
    elif tag == b'2':
        out = bz2.decompress(blob[5:])
    elif tag == b'0':
        out = blob[5:]
    else:
        out = zlib.decompress(blob[4:])
    if len(out) != length:
        raise ValueError(f'lazy-load chunk: expected {length} bytes, got {len(out)}')
    return out


def read_serialized(data: bytes):
    # Lazy-load objects have no "RDX3" header; the XDR marker "X\n" comes first.
    parsed = rdata.parser._parser.parse_rdata_binary(memoryview(data))
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')  # tibble classes fall back to data.frame, as wanted
        return rdata.conversion.convert(parsed)


def load_object(base: str, name: str) -> pd.DataFrame:
    with gzip.open(base + '.rdx', 'rb') as f:
        index = read_serialized(f.read())
    if name not in index['variables']:
        raise SystemExit(f'{base}.rdb has no object "{name}"; it has: {", ".join(index["variables"])}')
    offset, length = (int(x) for x in index['variables'][name])
    with open(base + '.rdb', 'rb') as f:
        f.seek(offset)
        frame = read_serialized(unchunk(f.read(length)))
    if not isinstance(frame, pd.DataFrame):
        raise SystemExit(f'"{name}" is a {type(frame).__name__}, not a data frame')
    return frame


def with_r_missing(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_integer_dtype(values) and (values == R_NA_INTEGER).any():
            out[column] = values.astype('Int64').mask(values == R_NA_INTEGER)
    return out


def main() -> None:
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    base, name, out = sys.argv[1:]
    frame = with_r_missing(load_object(base, name))
    frame.to_csv(out, index=False, na_rep='', lineterminator='\n')
    print(f'{name}: {len(frame)} rows, {frame.shape[1]} columns -> {out}')


if __name__ == '__main__':
    main()
