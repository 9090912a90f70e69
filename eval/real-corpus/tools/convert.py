"""Turn tools/raw/*.json (the stored page excerpt exactly as the search tool's `pages` corpus
returned it, JSON-escaped, with its URL) into articles/*.txt: a single line break becomes a
blank line (runs of two or more are kept), and the file ends with one line break.
Usage: python3 convert.py [raw.json ...]   (default: every file in tools/raw/)"""
import json, os, re, sys, glob
here = os.path.dirname(os.path.abspath(__file__))
files = sys.argv[1:] or sorted(glob.glob(os.path.join(here, "raw", "*.json")))
for p in files:
    d = json.load(open(p, encoding="utf-8"))
    text = re.sub(r"(?<!\n)\n(?!\n)", "\n\n", d["excerpt"]) + "\n"
    out = os.path.join(here, "..", "articles", os.path.basename(p)[:-5] + ".txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    print(os.path.basename(out), len(text))
