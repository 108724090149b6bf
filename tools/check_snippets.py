#!/usr/bin/env python3
"""Every C++ snippet of README.md and docs/*.md is a marked region of an examples/ program.

In an example (examples/*.cpp, examples/*.hpp) a region is marked

    // [snippet:name]
    ...code...
    // [/snippet]

(names unique across examples/). A fenced ```cpp block of the docs must equal one region, line
for line, after the common indentation of each is removed; fences of other languages (sh,
cmake, json, text) are commands and output, not checked. Every region must be shown by some
block, so that a marker cannot outlive its snippet. CTest runs this as docs/snippets; the
examples themselves are built and run as example/<name>.

Usage: check_snippets.py [source_dir]
"""
import difflib
import pathlib
import re
import sys
import textwrap

OPEN = re.compile(r"^\s*// \[snippet:([A-Za-z0-9_.-]+)\]\s*$")
CLOSE = re.compile(r"^\s*// \[/snippet\]\s*$")
FENCE = re.compile(r"^```(\S*)\s*$")
CPP = {"cpp", "c++", "cxx"}


def normal(lines):
    return textwrap.dedent("\n".join(lines)).strip("\n")


def regions(root, errors):
    found = {}
    for path in sorted(root.glob("examples/*.[ch]pp")):
        name, start = None, 0
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if OPEN.match(line):
                if name is not None:
                    errors.append(f"{path}:{number}: snippet '{OPEN.match(line).group(1)}' opens inside '{name}'")
                name, start = OPEN.match(line).group(1), number
            elif CLOSE.match(line):
                if name is None:
                    errors.append(f"{path}:{number}: [/snippet] without a [snippet:...]")
                    continue
                if name in found:
                    errors.append(f"{path}:{start}: snippet '{name}' also marked in {found[name][0]}")
                found[name] = (f"{path}:{start}", normal(lines[start:number - 1]))
                name = None
        if name is not None:
            errors.append(f"{path}:{start}: snippet '{name}' is not closed")
    return found


def blocks(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start = i + 1
        i += 1
        while i < len(lines) and lines[i].strip() != "```":
            i += 1
        yield start, m.group(1).lower(), normal(lines[start:i])
        i += 1


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    errors = []
    marked = regions(root, errors)
    by_text = {text: name for name, (_, text) in marked.items()}
    shown = set()
    docs = [root / "README.md"] + sorted((root / "docs").glob("*.md"))
    for doc in docs:
        for line, lang, text in blocks(doc):
            if lang not in CPP:
                continue
            if text in by_text:
                shown.add(by_text[text])
                continue
            near = max(marked.items(), key=lambda kv: difflib.SequenceMatcher(None, kv[1][1], text).ratio(),
                       default=None)
            message = f"{doc.relative_to(root)}:{line}: this cpp block is no marked region of examples/"
            if near:
                diff = difflib.unified_diff(near[1][1].splitlines(), text.splitlines(),
                                            f"{near[1][0]} [snippet:{near[0]}]", f"{doc.relative_to(root)}:{line}",
                                            lineterm="")
                message += "; nearest region, and how the block differs:\n" + "\n".join(diff)
            errors.append(message)
    for name, (where, _) in sorted(marked.items()):
        if name not in shown:
            errors.append(f"{where}: snippet '{name}' is shown by no block of README.md or docs/*.md")
    for e in errors:
        print(e)
    print(f"{len(marked)} regions, {len(shown)} shown, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
