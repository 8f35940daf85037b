"""The well-known pydicom sorting script the sort benchmark compares against.

Usage: python3 sortPydicom.py SRC DEST
Copies every file under SRC that pydicom can read to
DEST/PatientID/StudyDate/StudyDescription/SeriesDescription/Modality_SeriesInstanceUID_InstanceNumber.dcm,
cleaning the text as the script does. Like the original it overwrites name collisions silently.
"""
import os
import shutil
import sys

import pydicom


def clean_text(string):
    # clean and standardise text descriptions, which makes searching files easier
    forbidden_symbols = ["*", ".", ",", '"', "\\", "/", "|", "[", "]", ":", ";", " "]
    for symbol in forbidden_symbols:
        string = string.replace(symbol, "_")
    return string.lower()


def main(src, dst):
    for root, _dirs, files in os.walk(src):
        for name in files:
            path = os.path.join(root, name)
            try:
                ds = pydicom.dcmread(path, force=True, stop_before_pixels=True)
            except Exception:
                continue
            patient_id = clean_text(str(ds.get("PatientID", "NA")))
            study_date = clean_text(str(ds.get("StudyDate", "NA")))
            study_description = clean_text(str(ds.get("StudyDescription", "NA")))
            series_description = clean_text(str(ds.get("SeriesDescription", "NA")))
            modality = str(ds.get("Modality", "NA"))
            series_uid = str(ds.get("SeriesInstanceUID", "NA"))
            instance_number = str(ds.get("InstanceNumber", "0"))
            file_name = modality + "_" + series_uid + "_" + instance_number + ".dcm"
            folder = os.path.join(dst, patient_id, study_date, study_description, series_description)
            os.makedirs(folder, exist_ok=True)
            shutil.copy(path, os.path.join(folder, file_name))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
