"""The pydicom script the CSV benchmark compares against: what people write by hand.

Usage: python3 csvPydicom.py FOLDER OUT.csv [KEYWORD_OR_TAG ...]
Without a column list: every top-level attribute (file meta and data set) found in any file,
ordered by tag, in one pass that keeps all rows in memory (the fastest way for pydicom).
With a list: one pass, one row written per file.
"""
import csv
import os
import sys

import pydicom
from pydicom.tag import Tag


def cell(elem):
    if elem.VR == "SQ":
        return f"({len(elem.value)} items)"
    value = elem.value
    if isinstance(value, (bytes, bytearray)):
        return f"({len(value)} bytes)"
    if isinstance(value, pydicom.multival.MultiValue):
        return "\\".join(str(v) for v in value)
    return "" if value is None else str(value)


def selector_tag(text):
    text = text.strip()
    if text.startswith("("):
        group, element = text.strip("()").split(",")
        return Tag(int(group, 16), int(element, 16))
    if len(text) == 8 and all(c in "0123456789abcdefABCDEF" for c in text):
        return Tag(int(text, 16))
    return Tag(text)


def main():
    root, out = sys.argv[1], sys.argv[2]
    files = sorted(os.path.join(d, f) for d, _, names in os.walk(root) for f in names)
    with open(out, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        if len(sys.argv) > 3:
            texts = sys.argv[3:]
            tags = [selector_tag(t) for t in texts]
            writer.writerow(["File", *texts, "Error"])
            for f in files:
                try:
                    ds = pydicom.dcmread(f, stop_before_pixels=True)
                    writer.writerow([os.path.relpath(f, root), *(cell(ds[t]) if t in ds else "" for t in tags), ""])
                except Exception as error:  # a broken file is a row, as in the tool
                    writer.writerow([os.path.relpath(f, root), *([""] * len(tags)), str(error)])
            return
        rows = []
        seen = {}
        for f in files:
            try:
                ds = pydicom.dcmread(f, stop_before_pixels=True)
            except Exception as error:
                rows.append((f, {}, str(error)))
                continue
            row = {}
            for elem in [*ds.file_meta, *ds]:
                row[elem.tag] = cell(elem)
                seen.setdefault(elem.tag, elem.keyword or f"({elem.tag.group:04X},{elem.tag.element:04X})")
            rows.append((f, row, ""))
        order = sorted(seen)
        writer.writerow(["File", *(seen[t] for t in order), "Error"])
        for f, row, error in rows:
            writer.writerow([os.path.relpath(f, root), *(row.get(t, "") for t in order), error])


main()
