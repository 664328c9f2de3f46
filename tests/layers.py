#!/usr/bin/python3
"""Every `#include "…"` of mpibench's C++ sources against the layer order ARCHITECTURE.md gives
(its "Layer order:" line, from the command line down): a file may include from its own
folder's layer or a lower one, never a higher one. Prints each include that breaks the order
and exits 1; exits 0 when there is none.

    tests/layers.py [SOURCE_DIR]
"""
import os
import re
import sys

SOURCES = (".cpp", ".hpp", ".def", ".c")
# Generated at configure time into the build tree, and the tests: above every layer.
EXEMPT_INCLUDES = {"build_info.hpp"}
EXEMPT_FOLDERS = {"tests", "build", "labs", "plots", "docs", "scripts", "cmake", "platforms"}


def layer_order(architecture):
    for line in open(architecture, encoding="utf-8"):
        if line.startswith("Layer order:"):
            return [name.strip().strip("`").rstrip("/") for name in line.split(":", 1)[1].split(">")]
    sys.exit(f"{architecture}: no 'Layer order:' line")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    order = layer_order(os.path.join(root, "ARCHITECTURE.md"))
    rank = {folder: depth for depth, folder in enumerate(order)}
    broken, seen = [], 0
    for top in sorted(os.listdir(root)):
        if top.startswith(".") or top.startswith("build") or top in EXEMPT_FOLDERS:
            continue
        for folder, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if not name.endswith(SOURCES):
                    continue
                path = os.path.relpath(os.path.join(folder, name), root)
                if top not in rank:
                    broken.append(f"{path}: its folder {top}/ is not in ARCHITECTURE.md's layer order")
                    continue
                with open(os.path.join(root, path), encoding="utf-8", errors="replace") as f:
                    for number, line in enumerate(f, 1):
                        found = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
                        if not found or found.group(1) in EXEMPT_INCLUDES:
                            continue
                        seen += 1
                        target = found.group(1).split("/")[0]
                        if target not in rank:
                            broken.append(f"{path}:{number}: includes {found.group(1)}, from {target}/, "
                                          "which is not in the layer order")
                        elif rank[target] < rank[top]:
                            broken.append(f"{path}:{number}: includes {found.group(1)}: {top}/ is below {target}/ "
                                          f"(layer order: {' > '.join(order)})")
    for line in broken:
        print(line)
    print(f"{seen} includes checked against {' > '.join(order)}: {len(broken)} out of order")
    return 1 if broken or seen == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
