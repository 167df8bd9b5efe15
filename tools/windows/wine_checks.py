#!/usr/bin/env python3
"""Tries the Windows programs under Wine beside the Linux binary.

Both are given the same inputs, and what they print and write is compared:
typed and scanned text, the dev corpus photos, a notice in each format read
back, the register (import, list, export), the leaflet. Files live in a
folder with accents and spaces ("Documenti/Segnalazione città"), and one
notice goes to a path longer than Windows' old 260-character limit. The
programs themselves are checked too: the console and window subsystems,
the icon and the version, the exit codes, and the one local data folder.

Usage: wine_checks.py --exe-dir DIR --linux BIN [--corpus DIR]
One line per check; the last line is "Wine checks: N passed, N failed".
Exits 1 when a check failed. Needs wine, pdftotext and x86_64-w64-mingw32-objdump.
"""

import argparse
import email
import email.policy
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
WINE_RUN = HERE / "wine-run.sh"
CLI_EXE = "monitor-check.exe"
WINDOW_EXE = "monitor-check-window.exe"

# Typed labels: affected, relabelled, look-alike, unknown, unreadable.
TYPED = ["CMS 8000", "Contec CMS6000", "Epsimed MN-120", "ePM 10", "CMS8000A", "xyz", "Edan iM50"]
# Scanner output: GS1 with its symbology prefix and a real separator, a
# written separator, the Italian layout's brackets, a plain model.
SCANNED = [
    "]d20109506000134352\x1d21SN0042",
    "]d20109506000134352<GS>21SN0042",
    ")01=09506000134352)21=SN0042",
    "CMS8000",
]


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok   {name}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""), flush=True)
        return ok


def winpath(path):
    """The path as a Windows program under Wine sees it."""
    return "Z:" + str(Path(path).resolve()).replace("/", "\\")


class Programs:
    def __init__(self, exe_dir, linux, work):
        self.exe_dir = Path(exe_dir)
        self.linux = linux
        self.work = work
        self.prefix = os.environ.get("WINEPREFIX", str(work / "wine-prefix"))

    def env(self, data_dir):
        env = dict(os.environ)
        env["WINEPREFIX"] = self.prefix
        env["WINEDEBUG"] = "-all"
        env.pop("MONITOR_CHECK_DATA_DIR", None)
        if data_dir is not None:
            env["MONITOR_CHECK_DATA_DIR"] = data_dir
        return env

    def lin(self, args, data_dir, stdin=None):
        return subprocess.run(
            [self.linux, *args], env=self.env(str(data_dir)), input=stdin,
            capture_output=True, timeout=600)

    def win(self, args, data_dir, stdin=None, exe=CLI_EXE):
        data = None if data_dir is None else winpath(data_dir)
        return subprocess.run(
            [str(WINE_RUN), str(self.exe_dir / exe), *args], env=self.env(data),
            input=stdin, capture_output=True, timeout=900)


def text_of(pdf):
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return out.stdout.decode()


def strip_volatile(text):
    """A notice's or a summary's text without what differs between two runs:
    its id, dates and times."""
    text = text.replace("\r\n", "\n")
    text = re.sub(r"\b[0-9A-Z]{4}(-[0-9A-Z]{4}){2,}\b", "<id>", text)
    text = re.sub(r"\b\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?", "<time>", text)
    text = re.sub(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b", "<date>", text)
    text = re.sub(r"\b\d{1,2}:\d{2}(:\d{2})?\b", "<time>", text)
    text = re.sub(
        r"\b\d{1,2}\.? (gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|"
        r"ottobre|novembre|dicembre|January|February|March|April|May|June|July|August|"
        r"September|October|November|December|Januar|Februar|März|Mai|Juni|Juli|Oktober|"
        r"Dezember) \d{4}\b", "<date>", text)
    return text


def strip_json(value):
    """A JSON value without the fields that differ between two runs."""
    volatile = {"id", "notice_id", "created", "created_at", "written_at", "imported_at",
                "received", "received_at", "updated_at", "generated_at", "date", "time", "checked_at",
                "source_file", "file", "path"}
    if isinstance(value, dict):
        return {k: strip_json(v) for k, v in value.items() if k not in volatile}
    if isinstance(value, list):
        return [strip_json(v) for v in value]
    return value


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a.splitlines(), b.splitlines())):
        if x != y:
            return f"line {i + 1}: linux {x!r} / windows {y!r}"
    return f"lengths {len(a)} / {len(b)}"


def pe_info(path):
    """The PE subsystem and the resource types of a Windows program."""
    data = Path(path).read_bytes()
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    assert data[pe:pe + 4] == b"PE\0\0"
    sections = struct.unpack_from("<H", data, pe + 6)[0]
    opt_size = struct.unpack_from("<H", data, pe + 20)[0]
    opt = pe + 24
    subsystem = struct.unpack_from("<H", data, opt + 68)[0]
    # Data directory 2 is the resource table (PE32+ has 112 bytes before).
    rsrc_rva = struct.unpack_from("<I", data, opt + 112 + 2 * 8)[0]
    table = opt + opt_size
    rsrc_off = None
    for i in range(sections):
        s = table + 40 * i
        vsize, vaddr, _, raw = struct.unpack_from("<IIII", data, s + 8)
        if vaddr <= rsrc_rva < vaddr + max(vsize, 1):
            rsrc_off = raw + (rsrc_rva - vaddr)
            section = (vaddr, raw)
    types = {}
    if rsrc_off is not None:
        named, ids = struct.unpack_from("<HH", data, rsrc_off + 12)
        for i in range(named + ids):
            type_id, _ = struct.unpack_from("<II", data, rsrc_off + 16 + 8 * i)
            types[type_id] = True
    version = {}
    blob = data[rsrc_off:] if rsrc_off is not None else b""
    for key in ("ProductVersion", "FileDescription", "OriginalFilename", "ProductName"):
        marker = (key + "\0").encode("utf-16-le")
        at = blob.find(marker)
        if at >= 0:
            start = at + len(marker)
            start += (4 - (start % 4)) % 4  # values start 32-bit aligned
            end = blob.find(b"\0\0", start)
            while end >= 0 and (end - start) % 2:
                end = blob.find(b"\0\0", end + 1)
            version[key] = blob[start:end].decode("utf-16-le", "replace")
    return subsystem, set(types), version


def check_programs(c, p, version):
    cli_sub, cli_types, cli_ver = pe_info(p.exe_dir / CLI_EXE)
    win_sub, win_types, win_ver = pe_info(p.exe_dir / WINDOW_EXE)
    c.check("monitor-check.exe is a console program (PE subsystem 3)", cli_sub == 3, str(cli_sub))
    c.check("the window program has no console (PE subsystem 2)", win_sub == 2, str(win_sub))
    for name, types, ver, file_name in (
            (CLI_EXE, cli_types, cli_ver, "monitor-check.exe"),
            (WINDOW_EXE, win_types, win_ver, "Monitor Check.exe")):
        c.check(f"{name} carries an icon", 3 in types and 14 in types, str(sorted(types)))
        c.check(f"{name} carries version {version}",
                ver.get("ProductVersion") == version and ver.get("ProductName") == "Monitor Check"
                and ver.get("OriginalFilename") == file_name, str(ver))


def check_console(c, p, data):
    out = p.win(["--help"], data)
    c.check("--help prints in the console and exits 0",
            out.returncode == 0 and b"Usage: monitor-check" in out.stdout,
            f"exit {out.returncode}, {out.stdout[:80]!r}")
    out = p.win(["identify", "--no-such-option"], data)
    c.check("wrong usage exits 2, with the reason on stderr",
            out.returncode == 2 and b"--no-such-option" in out.stderr, f"exit {out.returncode}")
    out = p.win(["identify", "--text", "CMS 8000", "--lang", "it"], data)
    lin = p.lin(["identify", "--text", "CMS 8000", "--lang", "it"], data)
    c.check("an Italian answer prints the same, accents and all",
            out.returncode == lin.returncode == 0
            and out.stdout.replace(b"\r\n", b"\n") == lin.stdout,
            first_difference(lin.stdout.decode(), out.stdout.decode(errors="replace")))


def check_cmd(c, p, data):
    """In Windows' own shell, as a pharmacy's script would run it: cmd.exe
    waits for the program, shows what it prints and gets its exit code."""
    exe = winpath(p.exe_dir / CLI_EXE)
    script = p.work / "counter check.bat"
    script.write_text(
        "@echo off\r\n"
        f'"{exe}" --help\r\n'
        "echo ERRORLEVEL=%ERRORLEVEL%\r\n"
        f'"{exe}" identify --text "CMS 8000" --lang it\r\n'
        "echo ERRORLEVEL=%ERRORLEVEL%\r\n"
        f'"{exe}" identify --no-such-option 2>NUL\r\n'
        "echo ERRORLEVEL=%ERRORLEVEL%\r\n")
    env = p.env(winpath(data))
    out = subprocess.run([str(WINE_RUN), "cmd", "/c", winpath(script)], env=env,
                         capture_output=True, timeout=600)
    text = out.stdout.decode("utf-8", "replace").replace("\r\n", "\n")
    levels = re.findall(r"ERRORLEVEL=(\d+)", text)
    c.check("in cmd.exe: --help prints, and %ERRORLEVEL% is 0, 0, then 2 for wrong usage",
            "Usage: monitor-check" in text and "nell'elenco" in text and levels == ["0", "0", "2"],
            f"levels {levels}, {text[:200]!r}")


def check_typed(c, p, data):
    for text in TYPED:
        lin = p.lin(["identify", "--json", "--text", text], data)
        win = p.win(["identify", "--json", "--text", text], data)
        same = (lin.returncode == win.returncode
                and json.loads(lin.stdout or b"null") == json.loads(win.stdout or b"null"))
        c.check(f"typed {text!r}: same answer and exit code ({lin.returncode})", same,
                f"exit {lin.returncode}/{win.returncode}")
    for text in SCANNED:
        lin = p.lin(["identify", "--scan", "--json", "--text-file", "-"], data, stdin=text.encode())
        win = p.win(["identify", "--scan", "--json", "--text-file", "-"], data, stdin=text.encode())
        same = (lin.returncode == win.returncode
                and json.loads(lin.stdout or b"null") == json.loads(win.stdout or b"null"))
        c.check(f"scanned {text.encode()!r}: same answer", same,
                f"exit {lin.returncode}/{win.returncode}: {win.stderr[-200:]!r}")


def check_corpus(c, p, data, corpus):
    lin = p.lin(["identify", "--batch", str(corpus), "--jsonl"], data)
    win = p.win(["identify", "--batch", winpath(corpus), "--jsonl"], data)

    def answers(out):
        rows = {}
        for line in out.stdout.decode().splitlines():
            if line.strip():
                row = json.loads(line)
                name = re.split(r"[\\/]", row.get("file", row.get("photo", "")))[-1]
                rows[name] = (row.get("verdict"), row.get("model"))
        return rows

    a, b = answers(lin), answers(win)
    differ = sorted(k for k in a if a[k] != b.get(k))
    c.check(f"dev corpus: the same verdict and model for {len(a) - len(differ)}/{len(a)} photos",
            len(a) > 0 and not differ and a.keys() == b.keys(),
            f"differ: {differ[:5]}, windows rows {len(b)}, exit {win.returncode}")


def notice_args(photo):
    return ["notice", "--text", "Contec CMS8000", "--serial", "SN 4477120", "--photo", photo,
            "--gp", "Dott.ssa Lucia Bianchi", "--gp-email", "lucia.bianchi@example.org",
            "--initials", "G. R.", "--sender-name", "Giuseppe Rossi", "--sender-contact",
            "333 1234567", "--seen", "readings-mismatch", "--no-other-signs",
            "--still-used", "no", "--lang", "it"]


def check_notices(c, p, data, folder, photo, long_folder):
    """Writes each format with both programs; returns the Windows files."""
    written = {}
    for fmt in ("txt", "pdf", "eml", "json"):
        lin_out = p.work / f"linux-notice.{fmt}"
        win_out = folder / f"segnalazione città.{fmt}"
        lin = p.lin([*notice_args(str(photo)), "--format", fmt, "-o", str(lin_out)], data)
        win = p.win([*notice_args(winpath(photo)), "--format", fmt, "-o", winpath(win_out)], data)
        if not c.check(f"notice {fmt}: written into {folder.parent.name}/{folder.name}/",
                       lin.returncode == 0 and win.returncode == 0 and win_out.is_file(),
                       f"exit {lin.returncode}/{win.returncode}: {win.stderr[-300:]!r}"):
            continue
        written[fmt] = win_out
        if fmt == "txt":
            a, b = (strip_volatile(f.read_text()) for f in (lin_out, win_out))
            c.check("notice txt: the same text", a == b, first_difference(a, b))
        elif fmt == "pdf":
            a, b = (strip_volatile(text_of(f)) for f in (lin_out, win_out))
            c.check("notice pdf: the same text, read back with pdftotext",
                    a == b and "CMS8000" in b, first_difference(a, b))
        elif fmt == "json":
            a, b = (strip_json(json.loads(f.read_text())) for f in (lin_out, win_out))
            c.check("notice json: the same data", a == b, "")
        else:
            parts = []
            for f in (lin_out, win_out):
                msg = email.message_from_bytes(f.read_bytes(), policy=email.policy.default)
                body = msg.get_body(preferencelist=("plain",)).get_content()
                names = sorted(a.get_filename() for a in msg.iter_attachments())
                parts.append((strip_volatile(body), names, str(msg["To"])))
            c.check("notice eml: the same body, recipient and attachments",
                    parts[0] == parts[1] and any(photo.name in n for n in parts[1][1]),
                    f"{parts[0][1]} / {parts[1][1]}; {first_difference(parts[0][0], parts[1][0])}")
    long_out = long_folder / "segnalazione.pdf"
    win = p.win([*notice_args(winpath(photo)), "--format", "pdf", "-o", winpath(long_out)], data)
    c.check(f"notice pdf at a path of {len(winpath(long_out))} characters",
            win.returncode == 0 and long_out.is_file() and "CMS8000" in text_of(long_out),
            f"exit {win.returncode}: {win.stderr[-300:]!r}")
    return written


def check_register(c, p, notices, folder):
    if len(notices) < 3:
        c.check("register: notices to import", False, "the notices were not written")
        return
    files = [notices["eml"], notices["json"], notices["pdf"]]
    lin_data, win_data = p.work / "register-linux", p.work / "register-windows"
    lin = p.lin(["register", "import", *map(str, files)], lin_data)
    win = p.win(["register", "import", *map(winpath, files)], win_data)
    c.check("register import: the same outcome",
            lin.returncode == win.returncode == 0
            and strip_volatile(lin.stdout.decode()) == strip_volatile(
                win.stdout.decode().replace("\r\n", "\n")).replace("\\", "/").replace("Z:", ""),
            f"exit {lin.returncode}/{win.returncode}: {win.stdout[-300:]!r} {win.stderr[-300:]!r}")
    lin = p.lin(["register", "list", "--json"], lin_data)
    win = p.win(["register", "list", "--json"], win_data)
    a, b = (strip_json(json.loads(o.stdout or b"null")) for o in (lin, win))
    c.check("register list: the same devices", a == b and a, f"{str(a)[:200]} / {str(b)[:200]}")
    csv_out, summary_out = folder / "registro città.csv", folder / "riepilogo città.pdf"
    lin = p.lin(["register", "export", "--csv", str(p.work / "linux.csv"),
                 "--summary", str(p.work / "linux-summary.pdf")], lin_data)
    win = p.win(["register", "export", "--csv", winpath(csv_out),
                 "--summary", winpath(summary_out)], win_data)
    ok = lin.returncode == win.returncode == 0 and csv_out.is_file() and summary_out.is_file()
    if c.check("register export: CSV and summary written", ok, f"{win.stderr[-300:]!r}"):
        a, b = (strip_volatile(f.read_text(encoding="utf-8-sig")) for f in
                (p.work / "linux.csv", csv_out))
        c.check("register export: the same CSV", a == b, first_difference(a, b))
        a, b = (strip_volatile(text_of(f)) for f in (p.work / "linux-summary.pdf", summary_out))
        c.check("register export: the same summary, read back", a == b, first_difference(a, b))
    db = win_data / "register.sqlite"
    c.check("register: kept in the data folder given", db.is_file(), str(db))


def check_leaflet(c, p, data, folder):
    args = ["leaflet", "--gp", "Dott. Francesco Nicolò", "--gp-email", "f.nicolo@example.org"]
    lin = p.lin([*args, "-o", str(p.work / "leaflet.pdf"), "--card", str(p.work / "card.json")],
                data)
    win_pdf, win_card = folder / "volantino città.pdf", folder / "scheda medico.json"
    win = p.win([*args, "-o", winpath(win_pdf), "--card", winpath(win_card)], data)
    if c.check("leaflet: PDF and doctor card written", lin.returncode == win.returncode == 0
               and win_pdf.is_file() and win_card.is_file(), f"{win.stderr[-300:]!r}"):
        a, b = (strip_volatile(text_of(f)) for f in (p.work / "leaflet.pdf", win_pdf))
        c.check("leaflet: the same text, read back", a == b and "Nicolò" in b,
                first_difference(a, b))
        a, b = (json.loads(f.read_text()) for f in (p.work / "card.json", win_card))
        c.check("leaflet: the same doctor card", a == b, f"{a} / {b}")


def check_data_folder(c, p):
    """Without MONITOR_CHECK_DATA_DIR the CLI uses the local folder, and
    moves there what an older version left in the roaming one."""
    users = Path(p.prefix) / "drive_c" / "users"
    user = next((d for d in users.iterdir() if d.name not in ("Public",)), None) if users.is_dir() else None
    if user is None:
        c.check("data folder: the Wine user's profile exists", False, str(users))
        return
    local = user / "AppData/Local/Monitor Check/monitor-check/data"
    roaming = user / "AppData/Roaming/Monitor Check/monitor-check/data"
    for d in (local, roaming):
        shutil.rmtree(d, ignore_errors=True)
    roaming.mkdir(parents=True)
    (roaming / "tally.csv").write_text("date,verdict,count\n")
    out = p.win(["register", "list"], None)
    c.check("data folder: an older version's roaming folder is moved to the local one",
            out.returncode == 0 and (local / "tally.csv").is_file() and not roaming.exists()
            and b"moved" in out.stderr,
            f"exit {out.returncode}: {out.stderr[-300:]!r}")
    c.check("data folder: the register is made in %LOCALAPPDATA%",
            (local / "register.sqlite").is_file(), str(sorted(local.glob("*"))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--exe-dir", required=True)
    ap.add_argument("--linux", required=True)
    ap.add_argument("--corpus")
    ap.add_argument("--version", required=True, help="the version the programs should carry")
    ap.add_argument("--keep", action="store_true", help="keep the work folder, and say where")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="mc-wine-checks-"))
    p = Programs(args.exe_dir, args.linux, work)
    c = Checks()
    data = work / "data"
    folder = work / "Documenti" / "Segnalazione città"
    folder.mkdir(parents=True)
    long_folder = folder
    while len(winpath(long_folder)) < 280:
        long_folder = long_folder / "una cartella dal nome lungo per la prova"
    long_folder.mkdir(parents=True)
    photo = folder / "etichetta città.jpg"
    fixture = Path(__file__).resolve().parents[2] / "tests/fixtures/ocr_label.jpg"
    shutil.copy(fixture, photo)

    check_programs(c, p, args.version)
    check_console(c, p, data)
    check_cmd(c, p, data)
    check_typed(c, p, data)
    if args.corpus and Path(args.corpus).is_dir():
        check_corpus(c, p, data, Path(args.corpus))
    else:
        print("note: no dev corpus given; the photo comparison was not run")
    notices = check_notices(c, p, data, folder, photo, long_folder)
    check_register(c, p, notices, folder)
    check_leaflet(c, p, data, folder)
    check_data_folder(c, p)

    if args.keep:
        print(f"files kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    print(f"Wine checks: {c.passed} passed, {c.failed} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
