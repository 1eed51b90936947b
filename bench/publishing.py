#!/usr/bin/env python3
"""The publishing benchmark behind `just bench` (issue #3).

Generates N synthetic articles as JSON Lines, imports them with
`cecop-api import --articles` into a fresh SQLite database, serves it with the
release binary, and load-tests with oha at 32 connections: the newest 20
articles, one article by slug rotating over every published slug — once as a
client that sends no `Accept-Encoding` (as many integrators' HTTP clients do)
and once as a browser does — articles filtered by country, and /healthz as the
framework floor. Prints req/s, p50/p99, each rate as a share of /healthz's, and
the server's RSS after the load, then how the figures compare with the issues'
targets (#3, and #11 for by slug on realistic articles).

Then the editorial load (#13): the newest-20 read load again while an editor
(signed in through the API) creates and publishes an article, or edits the
last one under If-Match, every 100 ms; it reports the read rate against the
read-only run and, for each publication, the time until the article shows
in the public list (polled every 20 ms).

Bodies are of realistic length by default (an answer of about 2.5 KB, like a
real news item, from a vocabulary wide enough to compress as prose does);
`--short` gives the 60-word bodies of the first rounds.

Not a test: it reports, it does not fail on a missed target.
"""

import argparse
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

COUNTRIES = ["IT", "ES", "FR", "BE", "PL", "CZ", "BG", "RO", "SI", "GB", "MT", "SE", "PT", "DE", "NL", "HR"]
KINDS = ["news", "press_release", "position_paper", "publication", "consultation_response"]
THEMES = ["employment_social_inclusion", "entrepreneurship", "sustainable_growth"]
WORDS = ("cooperative worker social inclusion europe member federation employment growth "
         "entrepreneurship care industry services construction policy network training").split()
# Prose-like vocabulary: wide enough that bodies compress as real text does
# (about 2.5 to 1), not as a 15-word loop would.
PROSE = ("the a of and to in for on with by from at as is are was were be has have that this "
         "which their its our new more most all each other also into than between across "
         "cooperative cooperatives worker workers social inclusion europe european member members "
         "federation federations employment growth entrepreneurship care industry industrial "
         "services construction policy network training commission parliament council report "
         "survey figures enterprise enterprises ownership democratic governance transfer "
         "business businesses young people women region regional local national country "
         "countries sector sectors public procurement funding programme project projects "
         "partners partnership conference meeting declaration agenda strategy action plan "
         "economy economic green digital transition skills jobs job quality wages capital "
         "investment bank banks credit support recovery crisis pandemic energy climate "
         "housing health education culture manufacturing retail transport logistics "
         "agriculture food tourism platform platforms data research study evidence results "
         "published presented discussed adopted welcomed called urged agreed launched "
         "announced organised hosted joined represented shared showed grew fell rose "
         "percent million thousand year years month week today yesterday brussels rome "
         "madrid paris warsaw prague lisbon ljubljana sofia bucharest valletta stockholm").split()
SLUG_DIGITS = 7


def slug(i):
    return f"bench-article-{i:0{SLUG_DIGITS}d}"


def sentence(rng):
    words = [rng.choice(PROSE) for _ in range(rng.randint(8, 22))]
    return " ".join(words).capitalize() + "."


def realistic_body(rng):
    """About 2 KB of Markdown: three to four paragraphs, a heading and a list."""
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(3, 5))) for _ in range(3)]
    items = "\n".join(f"- {sentence(rng)}" for _ in range(3))
    return (f"{paragraphs[0]}\n\n## {sentence(rng)[:-1]}\n\n{paragraphs[1]}\n\n{items}\n\n"
            f"{paragraphs[2]}\n")


def generate(path, n, short=False, seed=42):
    rng = random.Random(seed)
    start = 1_600_000_000  # 2020-09-13
    span = 1_760_000_000 - start
    with open(path, "w") as out:
        for i in range(n):
            words = " ".join(rng.choice(WORDS) for _ in range(60))
            if short:
                body = f"## Section\n\n{words}\n\n- {rng.choice(WORDS)}\n- {rng.choice(WORDS)}\n"
                summary = words[:140]
            else:
                body = realistic_body(rng)
                summary = " ".join(sentence(rng) for _ in range(2))[:280]
            published = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(start + rng.randrange(span)))
            record = {
                "slug": slug(i),
                "kind": rng.choice(KINDS),
                "status": "published",
                "published_at": published,
                "lang": "en",
                "title": f"Synthetic article {i}: {rng.choice(WORDS)} and {rng.choice(WORDS)}",
                "summary": summary,
                "body": body,
                "country": rng.choice(COUNTRIES),
                "themes": rng.sample(THEMES, rng.randint(1, 2)),
                "illustrative": True,
            }
            out.write(json.dumps(record) + "\n")


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def oha(oha_bin, url, seconds, regex=False, headers=(), connections=32):
    cmd = [oha_bin, "-z", f"{seconds}s", "-c", str(connections), "--no-tui", "--output-format", "json"]
    for header in headers:
        cmd += ["-H", header]
    if regex:
        cmd.append("--rand-regex-url")
    cmd.append(url)
    result = subprocess.run(cmd, capture_output=True, text=True, check=True)
    data = json.loads(result.stdout)
    summary = data["summary"]
    pct = {k: (v if v is not None else float("nan")) for k, v in data["latencyPercentiles"].items()}
    codes = data.get("statusCodeDistribution", {})
    return {
        "rps": summary["requestsPerSec"],
        "p50": pct["p50"] * 1000,
        "p99": pct["p99"] * 1000,
        "ok": summary.get("successRate", 0.0),
        "codes": codes,
    }


def call(base, method, path, token=None, body=None, headers=None):
    """One JSON request; returns (status, headers, decoded body)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{base}{path}", data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            raw = response.read()
            return response.status, response.headers, json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        return error.code, error.headers, None


def editor_load(base, token, seconds, stop):
    """Every 100 ms: a new article created and published, or the last one
    edited under If-Match, while a watcher polls the public list every 20 ms.
    Returns (publications, edits, failures, latencies): for each publication,
    the ms from its answer until the public list first shows it."""
    pending, latencies = {}, []
    lock = threading.Lock()
    counts = {"publications": 0, "edits": 0, "failures": 0}
    done = threading.Event()

    def watch():
        while not (done.is_set() and not pending):
            _, _, page = call(base, "GET", "/api/v1/articles?per_page=20")
            seen = {item["slug"] for item in (page or {}).get("items", [])}
            now = time.monotonic()
            with lock:
                for slug in [s for s in pending if s in seen]:
                    latencies.append((now - pending.pop(slug)) * 1000)
                for slug in [s for s, at in pending.items() if now - at > 5]:
                    pending.pop(slug)
                    counts["failures"] += 1
            time.sleep(0.02)

    watcher = threading.Thread(target=watch)
    watcher.start()
    last = None  # (id, etag)
    tick = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not stop.is_set():
        started = time.monotonic()
        if tick % 2 == 0:
            status, headers, item = call(base, "POST", "/api/v1/editorial/articles", token, {
                "translations": {"en": {"title": f"Editorial load {tick} cooperative",
                                        "summary": "Benchmark.", "body": "Text."}},
                "article": {"kind": "news"}})
            if status == 201:
                status, headers, item = call(
                    base, "POST", f"/api/v1/editorial/articles/{item['id']}/publish", token,
                    headers={"If-Match": headers["ETag"]})
            if status == 200:
                with lock:
                    pending[item["document"]["slug"]] = time.monotonic()
                    counts["publications"] += 1
                last = (item["id"], headers["ETag"])
            else:
                counts["failures"] += 1
        elif last:
            status, headers, item = call(
                base, "PATCH", f"/api/v1/editorial/articles/{last[0]}", token,
                {"translations": {"en": {"summary": f"Edited at tick {tick}."}}},
                headers={"If-Match": last[1]})
            if status == 200:
                counts["edits"] += 1
                last = (last[0], headers["ETag"])
            else:
                counts["failures"] += 1
        tick += 1
        time.sleep(max(0.0, 0.1 - (time.monotonic() - started)))
    done.set()
    watcher.join()
    return counts["publications"], counts["edits"], counts["failures"], latencies


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(math.ceil(p / 100 * len(ordered))) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api-bin", required=True)
    parser.add_argument("--oha", default="oha")
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="keep the data folder")
    parser.add_argument("--short", action="store_true", help="60-word bodies instead of realistic ones")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="cecop-bench-")
    # One client address sends every request: a quota it never reaches keeps
    # the counting (its cost is measured) without refusing any.
    env = dict(os.environ, CECOP_DATA_DIR=workdir, RUST_LOG="warn",
               CECOP_RATE_LIMIT_ANONYMOUS="1000000000000", CECOP_RATE_LIMIT_TOKEN="1000000000000")
    jsonl = os.path.join(workdir, "articles.jsonl")
    t0 = time.monotonic()
    generate(jsonl, args.n, short=args.short)
    print(f"generated {args.n} {'short' if args.short else 'realistic'} articles in {time.monotonic() - t0:.1f} s")

    # Members first (the demo members and content), then the synthetic articles.
    subprocess.run([args.api_bin, "seed", "--demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    editor_password = "lighthouse quarry seventeen"
    subprocess.run([args.api_bin, "create-admin", "--email", "bench@cecop.coop", "--password-stdin"],
                   env=env, check=True, input=editor_password, text=True, stdout=subprocess.DEVNULL)
    t0 = time.monotonic()
    subprocess.run([args.api_bin, "import", "--articles", jsonl], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    print(f"imported in {time.monotonic() - t0:.1f} s "
          f"(database {os.path.getsize(os.path.join(workdir, 'cecop.sqlite3')) / 1e6:.0f} MB)")

    port = free_port()
    server = subprocess.Popen([args.api_bin, "serve"], env=dict(env, CECOP_BIND=f"127.0.0.1:{port}"),
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        if not line.startswith("listening on "):
            sys.exit(f"server did not start: {line!r}")
        base = line.split()[-1]
        urllib.request.urlopen(f"{base}/healthz").read()
        digits = max(1, min(SLUG_DIGITS, int(math.log10(args.n))))
        slug_regex = f"{base}/api/v1/articles/bench-article-{'0' * (SLUG_DIGITS - digits)}[0-9]{{{digits}}}"
        browser = ["Accept-Encoding: gzip, deflate, br"]
        scenarios = [
            ("healthz", f"{base}/healthz", None, []),
            ("newest 20", f"{base}/api/v1/articles?per_page=20", None, []),
            ("by slug", slug_regex, f"{base}/api/v1/articles/{slug(0)}", []),
            ("by slug gz", slug_regex, f"{base}/api/v1/articles/{slug(1)}", browser),
            ("country=IT", f"{base}/api/v1/articles?country=IT", None, []),
        ]
        # Every item read once, one at a time: the miss path (read, serialise,
        # compress, keep) on its own; the load below then meets the steady
        # state of a site whose published set fits in the item cache.
        t0 = time.monotonic()
        for i in range(args.n):
            urllib.request.urlopen(f"{base}/api/v1/articles/{slug(i)}", timeout=60).read()
        miss_ms = (time.monotonic() - t0) * 1000 / args.n
        results = {}
        for name, url, first, headers in scenarios:
            # The first request of each kind meets cold caches: time it alone.
            t0 = time.monotonic()
            answer = urllib.request.urlopen(first or url, timeout=600).read()
            cold = (time.monotonic() - t0) * 1000
            results[name] = oha(args.oha, url, args.seconds, regex=first is not None, headers=headers)
            results[name]["cold"] = cold
            results[name]["bytes"] = len(answer)
        rss = rss_mb(server.pid)
        # The editorial load: the same read load while an editor writes.
        _, _, pair = call(base, "POST", "/api/v1/auth/login",
                          body={"email": "bench@cecop.coop", "password": editor_password})
        token = pair["access_token"]
        outcome = {}
        stop = threading.Event()
        writer = threading.Thread(
            target=lambda: outcome.update(writes=editor_load(base, token, args.seconds + 2, stop)))
        writer.start()
        time.sleep(1)
        results["newest 20 + writes"] = oha(args.oha, f"{base}/api/v1/articles?per_page=20", args.seconds)
        results["newest 20 + writes"]["cold"] = float("nan")
        results["newest 20 + writes"]["bytes"] = results["newest 20"]["bytes"]
        stop.set()
        writer.join()
        publications, edits, failures, latencies = outcome["writes"]
    finally:
        server.terminate()
        server.wait()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    floor = results["healthz"]["rps"]
    print(f"\nN = {args.n} articles, 32 connections, {args.seconds} s each, "
          f"{os.cpu_count()} cores\n")
    print("('gz': the client sends Accept-Encoding: gzip, deflate, br; 'by slug' sends none)\n")
    print(f"{'request':<19} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'vs healthz':>11} {'2xx':>6} "
          f"{'first ms':>9} {'bytes':>7}")
    for name, r in results.items():
        print(f"{name:<19} {r['rps']:>10.0f} {r['p50']:>8.2f} {r['p99']:>8.2f} "
              f"{r['rps'] / floor:>10.0%} {r['ok']:>6.0%} {r['cold']:>9.1f} {r['bytes']:>7}")
    print(f"\nfirst read of each item, one at a time: {miss_ms:.2f} ms mean (client included)")
    print(f"server RSS after load: {rss:.1f} MB")

    print("\ntargets (issues #3 and #11):")
    for name in ["newest 20", "by slug", "by slug gz", "country=IT"]:
        r = results[name]
        print(f"  {name:<12} rate >= 50% of healthz: {'met' if r['rps'] >= floor / 2 else 'MISSED'}; "
              f"p99 <= 5 ms: {'met' if r['p99'] <= 5 else 'MISSED'}")
    limit = 40 if args.short else 100
    print(f"  RSS <= {limit} MB ({'short' if args.short else 'realistic'} bodies): "
          f"{'met' if rss <= limit else 'MISSED'}")
    print(f"  list p50 at 1 M <= 2 x p50 at 10 k: compare `newest 20` p50 of N=10000 and N=1000000 runs")
    share = results["newest 20 + writes"]["rps"] / results["newest 20"]["rps"]
    p99 = percentile(latencies, 99)
    print(f"\neditorial load (#13): {publications} publications and {edits} edits in about "
          f"{args.seconds} s, {failures} failed")
    print(f"  publish -> in the public list: p50 {percentile(latencies, 50):.0f} ms, "
          f"p99 {p99:.0f} ms, max {max(latencies, default=float('nan')):.0f} ms")
    print(f"  reads while writing >= 80% of read-only: {share:.0%} "
          f"{'met' if share >= 0.8 else 'MISSED'}; publish p99 < 1 s: {'met' if p99 < 1000 else 'MISSED'}")
    print(json.dumps({"n": args.n, "rss_mb": rss, "miss_ms": miss_ms, "results": results,
                      "editorial": {"publications": publications, "edits": edits,
                                    "failures": failures, "latencies_ms": latencies}}))


if __name__ == "__main__":
    main()
