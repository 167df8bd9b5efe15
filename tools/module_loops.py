#!/usr/bin/env python3
"""Lists file-level import loops between the crate's modules.

For each .rs file under src/, finds the crate items it names (`use crate::…`,
`use super::…`, `crate::a::b`, `super::x` and `child::x` paths in code) and
resolves each to the file that defines it (following `pub use` re-exports,
which are a module's face, not a dependency). Prints every loop (a strongly
connected group of files): first those between sibling files or modules
(exit 1), then those only through a module's own file (`mod.rs`) naming its
files while they use it (listed; exit 1 with --strict). Heuristic: it reads
paths, not types, so a name used without a path counts through its `use`.

Usage: tools/module_loops.py [SRC_DIR] [--edges] [--strict]
"""
import os
import re
import sys

def strip(text):
    """Removes comments, strings and char literals, keeping line structure."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    if text[i] == "\n":
                        out.append("\n")
                    i += 1
        elif c == "r" and re.match(r'r#*"', text[i:i + 10]) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'r(#*)"', text[i:])
            end = '"' + m.group(1)
            j = text.find(end, i + len(m.group(0)))
            j = n if j < 0 else j + len(end)
            out.append('""' + "\n" * text.count("\n", i, j))
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append('""' + "\n" * text.count("\n", i, j))
            i = j + 1
        elif c == "'" and re.match(r"'(\\.|[^\\'])'|'\\u\{[0-9a-fA-F]+\}'|'\\x..'", text[i:i + 12]):
            m = re.match(r"'(\\.|[^\\'])'|'\\u\{[0-9a-fA-F]+\}'|'\\x..'", text[i:i + 12])
            out.append("' '")
            i += len(m.group(0))
        else:
            out.append(c)
            i += 1
    return "".join(out)


class Module:
    def __init__(self, path, file):
        self.path = path  # tuple, () is the crate root
        self.file = file
        self.text = ""
        self.reexports = {}  # name -> full path tuple
        self.children = {}  # name -> Module


def find_modules(src):
    """The crate's modules from `lib.rs` down, by path tuple."""
    files = {}
    for root, _, names in os.walk(src):
        for name in names:
            if name.endswith(".rs"):
                files[os.path.relpath(os.path.join(root, name), src)] = True
    modules = {}
    root = Module((), "lib.rs")
    modules[()] = root
    stack = [root]
    while stack:
        mod = stack.pop()
        mod.text = strip(open(os.path.join(src, mod.file), encoding="utf-8").read())
        base = mod.file[:-3]
        if base.endswith("/mod") or base == "lib":
            folder = os.path.dirname(mod.file)
        else:
            folder = base
        for m in re.finditer(r"\bmod\s+(\w+)\s*;", mod.text):
            name = m.group(1)
            cands = [os.path.join(folder, name + ".rs"), os.path.join(folder, name, "mod.rs")]
            file = next((c for c in cands if c in files), None)
            if file is None:
                continue
            child = Module(mod.path + (name,), file)
            mod.children[name] = child
            modules[child.path] = child
            stack.append(child)
    return modules


def expand_use(tree):
    """`a::{b, c::{d as e, f}}` → [['a','b'], ['a','c','d'], ['a','c','f']]."""
    tree = re.sub(r"\s+as\s+\w+", "", tree)
    tree = re.sub(r"\s+", "", tree)

    def parse(i):
        """The paths of the use tree starting at `i`, and the index after it."""
        prefix = []
        while i < len(tree):
            if tree[i] == "{":
                results, i = [], i + 1
                while i < len(tree) and tree[i] != "}":
                    sub, j = parse(i)
                    if j == i:  # not a use tree: give up on the rest
                        return results, len(tree)
                    results.extend(prefix + p for p in sub)
                    i = j + (tree.startswith(",", j))
                return results, i + 1
            m = re.match(r"\w+|\*", tree[i:])
            if not m:
                break
            prefix.append(m.group(0))
            i += len(m.group(0))
            if not tree.startswith("::", i):
                break
            i += 2
        return [prefix], i

    return parse(0)[0]


def uses(mod):
    """Yields (path tuple, is_reexport, super_offset) for every crate path in the file."""
    text = mod.text
    # Depth of inline `mod x {` blocks at each position, so `super::` inside
    # `mod tests { … }` means the file itself.
    inline_spans = []
    for m in re.finditer(r"\bmod\s+\w+\s*\{", text):
        depth, j = 1, m.end()
        while j < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        inline_spans.append((m.start(), j))

    def inline_depth(pos):
        return sum(1 for a, b in inline_spans if a <= pos < b)

    seen_spans = []
    for m in re.finditer(r"(?<![\w.])((?:pub(?:\([^)]*\))?\s+)?)use\s+([^;]+);", text):
        seen_spans.append((m.start(), m.end()))
        reexport = bool(m.group(1).strip())
        for p in expand_use(m.group(2)):
            yield p, reexport, inline_depth(m.start())
    for m in re.finditer(r"(?<![\w:])((?:crate|super|self)(?:::\w+)+)", text):
        if any(a <= m.start() < b for a, b in seen_spans):
            continue
        yield m.group(1).split("::"), False, inline_depth(m.start())
    # `child::item` in code: a module naming one of its own files.
    for m in re.finditer(r"(?<![\w:])(\w+)((?:::\w+)+)", text):
        if m.group(1) not in mod.children or any(a <= m.start() < b for a, b in seen_spans):
            continue
        if inline_depth(m.start()):
            continue
        yield (m.group(1) + m.group(2)).split("::"), False, 0


def resolve(modules, mod, path, depth, hops=0):
    """Path segments → the Module defining the item, or None (extern)."""
    if not path:
        return None
    head = path[0]
    if head == "crate":
        cur, rest = modules[()], path[1:]
    elif head in ("super", "self"):
        base = list(mod.path)
        rest = list(path)
        ups = 0
        while rest and rest[0] in ("super", "self"):
            if rest[0] == "super":
                ups += 1
            rest = rest[1:]
        ups -= depth
        if ups > 0:
            base = base[: len(base) - ups]
        cur = modules[tuple(base)]
    else:
        # `use tokens::x` from a mod.rs (2018 paths relative to self)
        if head in mod.children:
            cur, rest = mod.children[head], path[1:]
        else:
            return None
    return walk(modules, cur, list(rest), hops)


def walk(modules, cur, rest, hops):
    """Follows `rest` down from `cur` (through re-exports) to a file."""
    while rest:
        name = rest[0]
        if name in cur.children:
            cur, rest = cur.children[name], rest[1:]
            continue
        if name in cur.reexports and hops < 20:
            target = cur.reexports[name]
            tm = resolve(modules, cur, target, 0, hops + 1)
            return tm if tm is not None else cur
        return cur
    return cur


def main():
    """Prints the loops; exit 1 when there is one (see the module doc)."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    src = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "src")
    modules = find_modules(src)
    for mod in modules.values():
        for p, reexport, depth in uses(mod):
            if reexport and p and p[-1] != "*":
                mod.reexports[p[-1]] = p
    edges = {m.file: set() for m in modules.values()}
    for mod in modules.values():
        for p, reexport, depth in uses(mod):
            if reexport:
                continue
            target = resolve(modules, mod, p, depth)
            if target is not None and target.file != mod.file:
                edges[mod.file].add(target.file)
    if "--edges" in sys.argv:
        for f in sorted(edges):
            print(f, "->", " ".join(sorted(edges[f])))
    # A module's own file (`mod.rs`, or `x.rs` beside `x/`) naming its files
    # is the module's face; those edges are set apart.
    owner = {m.file: m.path for m in modules.values()}

    def is_face(a, b):
        pa, pb = owner[a], owner[b]
        return len(pb) > len(pa) and pb[: len(pa)] == pa

    plain = {a: {b for b in bs if not is_face(a, b)} for a, bs in edges.items()}
    loops = sccs_of(plain)
    face_loops = [c for c in sccs_of(edges) if c not in loops]
    for comp in loops:
        print("loop:", " ".join(comp))
        for a in comp:
            for b in sorted(edges[a] & set(comp)):
                print(f"    {a} -> {b}")
    for comp in face_loops:
        print("loop through a module's own file:", " ".join(comp))
        for a in comp:
            for b in sorted(edges[a] & set(comp)):
                print(f"    {a} -> {b}")
    strict = "--strict" in sys.argv
    return 1 if loops or (strict and face_loops) else 0


def sccs_of(edges):
    """Tarjan's strongly connected components of more than one file."""
    index, low, on, stack, sccs, counter = {}, {}, set(), [], [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return sorted(sccs)


if __name__ == "__main__":
    sys.exit(main())
