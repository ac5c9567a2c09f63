"""Canonical element listing of DICOM files by pydicom, the oracle for XrayTriage.Dicom's reader.

Usage: python3 pydicom_dump.py FILE...   -> JSON {file: {"ok": bool, "error": str, "lines": [...]}}
Each line: "<path>|<tag>|<VR>|<value>", path = "" or "gggggggg[i]/..." for items.
Text values are decoded with Specific Character Set and joined with a backslash;
binary values are "len=N md5=..." of the little-endian bytes as pydicom holds them.
"""
import hashlib
import json
import sys
import warnings

import pydicom
from pydicom.encaps import generate_pixel_data_fragment  # noqa: F401  (import check: pydicom present)

TEXT = {"AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI", "UR", "UT"}
BULK = {"OB", "OW", "OF", "OD", "OL", "OV", "UN", "OB or OW", "ox"}


def text_value(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple, pydicom.multival.MultiValue)):
        return "\\".join("" if v is None else str(v) for v in value)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value)


def number_value(elem):
    value = elem.value
    if value is None or value == b"" or value == "":
        return ""
    if elem.VR == "AT":
        vals = value if isinstance(value, (list, pydicom.multival.MultiValue)) else [value]
        return "\\".join("(%04X,%04X)" % (int(v) >> 16, int(v) & 0xFFFF) for v in vals)
    vals = value if isinstance(value, (list, tuple, pydicom.multival.MultiValue)) else [value]
    return "\\".join(repr(float(v)) if isinstance(v, float) else str(int(v)) for v in vals)


def walk(ds, path, out):
    for elem in ds:
        tag = "%08X" % int(elem.tag)
        vr = str(getattr(elem.VR, "value", elem.VR))
        if vr == "SQ":
            out.append("%s|%s|SQ|items=%d" % (path, tag, len(elem.value)))
            for i, item in enumerate(elem.value):
                walk(item, "%s%s[%d]/" % (path, tag, i), out)
        elif vr in BULK or isinstance(elem.value, bytes) and vr not in TEXT:
            data = elem.value or b""
            out.append("%s|%s|%s|len=%d md5=%s" % (path, tag, vr, len(data), hashlib.md5(data).hexdigest()))
        elif vr in TEXT:
            out.append("%s|%s|%s|%s" % (path, tag, vr, text_value(elem.value).rstrip(" \x00")))
        else:
            out.append("%s|%s|%s|%s" % (path, tag, vr, number_value(elem)))


def main(files):
    warnings.simplefilter("ignore")
    result = {}
    for f in files:
        try:
            ds = pydicom.dcmread(f, force=True)
            lines = []
            if hasattr(ds, "file_meta") and ds.file_meta is not None:
                walk(ds.file_meta, "", lines)
            walk(ds, "", lines)
            result[f] = {"ok": True, "error": "", "lines": lines}
        except BaseException as e:  # noqa: BLE001 - the oracle's failure is data for the test
            result[f] = {"ok": False, "error": "%s: %s" % (type(e).__name__, str(e)[:200]), "lines": []}
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    sys.setrecursionlimit(3000)
    main(sys.argv[1:])
