"""DICOM JSON Model (PS3.18 F.2) of DICOM files by pydicom's Dataset.to_json_dict, the oracle for DicomJsonWriter.

Usage: python3 pydicom_json.py FILE...  -> JSON {file: json_dict or {"error": str}}
"""
import json
import sys
import warnings

import pydicom


def main(files):
    warnings.simplefilter("ignore")
    result = {}
    for f in files:
        try:
            ds = pydicom.dcmread(f, force=True)
            result[f] = ds.to_json_dict(bulk_data_threshold=1 << 30)
        except BaseException as e:  # noqa: BLE001 - the oracle's failure is data for the test
            result[f] = {"error": "%s: %s" % (type(e).__name__, str(e)[:200])}
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
