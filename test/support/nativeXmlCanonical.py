"""Reads a Native DICOM Model (PS3.19) XML document and prints it as canonical JSON, so that two
writers' documents can be compared attribute by attribute whatever their layout.

Usage: nativeXmlCanonical.py FILE [--swap-words]
--swap-words: the document's InlineBinary words are big endian (dcm2xml 3.6.7 writes OW, OF, OL,
OD and OV so); turn them to little endian first.
"""
import base64
import json
import sys
import xml.etree.ElementTree as ET

WORD = {"OW": 2, "OF": 4, "OL": 4, "OD": 8, "OV": 8}


def binary(text, vr, swap):
    data = base64.b64decode(text or "")
    size = WORD.get(vr, 1) if swap else 1
    if size > 1:
        data = b"".join(data[i:i + size][::-1] for i in range(0, len(data), size))
    return base64.b64encode(data).decode()


def attributes(node, swap):
    out = {}
    for attr in node.findall("DicomAttribute"):
        vr = attr.get("vr")
        entry = {"vr": vr}
        for key in ("keyword", "privateCreator"):
            if attr.get(key) is not None:
                entry[key] = attr.get(key)
        values = [(int(v.get("number")), v.text or "") for v in attr.findall("Value")]
        if values:
            entry["Value"] = [text for _, text in sorted(values)]
        names = []
        for pn in sorted(attr.findall("PersonName"), key=lambda p: int(p.get("number"))):
            names.append({g.tag: {c.tag: c.text or "" for c in g} for g in pn})
        if names:
            entry["PersonName"] = names
        items = sorted(attr.findall("Item"), key=lambda i: int(i.get("number")))
        if items:
            entry["Items"] = [attributes(item, swap) for item in items]
        inline = attr.find("InlineBinary")
        if inline is not None:
            entry["InlineBinary"] = binary(inline.text, vr, swap)
        bulk = attr.find("BulkData")
        if bulk is not None:
            entry["BulkData"] = True
        out[attr.get("tag") + ("/" + attr.get("privateCreator") if attr.get("privateCreator") else "")] = entry
    return out


root = ET.parse(sys.argv[1]).getroot()
print(json.dumps(attributes(root, "--swap-words" in sys.argv[2:]), indent=1, sort_keys=True))
