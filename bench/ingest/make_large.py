"""Writes N uncompressed 16-bit DX instances of ROWSxCOLS pixels (random pixel values, Explicit VR Little Endian), each
with its own SOP Instance UID, for bench/ingest/large-instances.sh. Body Part Examined is HAND, so `serve` records them
as skipped and its triage workers stay idle: the benchmark times ingest (spool + database), not inference.

    /usr/bin/python3 make_large.py OUT_DIR PREFIX N ROWS COLS
"""
import os
import sys

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

DX_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.1"


def main(out_dir, prefix, n, rows, cols):
    os.makedirs(out_dir, exist_ok=True)
    rng = np.random.default_rng(20)
    pixels = rng.integers(0, 4096, size=(rows, cols), dtype=np.uint16).tobytes()
    study = generate_uid()
    series = generate_uid()
    for i in range(n):
        uid = generate_uid()
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = DX_PRESENTATION
        meta.MediaStorageSOPInstanceUID = uid
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = Dataset()
        ds.file_meta = meta
        ds.SOPClassUID = DX_PRESENTATION
        ds.SOPInstanceUID = uid
        ds.StudyInstanceUID = study
        ds.SeriesInstanceUID = series
        ds.PatientID = "BENCH"
        ds.PatientName = "BENCH^LARGE"
        ds.Modality = "DX"
        ds.BodyPartExamined = "HAND"
        ds.PresentationIntentType = "FOR PRESENTATION"
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.Rows = rows
        ds.Columns = cols
        ds.BitsAllocated = 16
        ds.BitsStored = 12
        ds.HighBit = 11
        ds.PixelRepresentation = 0
        ds.PixelData = pixels
        ds.is_little_endian = True
        ds.is_implicit_VR = False
        ds.save_as(os.path.join(out_dir, f"{prefix}{i:03d}.dcm"), write_like_original=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
