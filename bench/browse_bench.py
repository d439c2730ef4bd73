#!/usr/bin/env python3
"""Browse benchmark: the public reading pages of a running archive on 127.0.0.1, one client with one kept-alive
connection, as a reader moves between them. For each page: unmeasured warm-up requests, then --requests measured ones
(stopping early when a page takes over --give-up seconds), p50/p95/max in ms. With --doc it replaces the part of
docs/benchmarks.md between the browse markers with the table; without, it prints it.

    python3 bench/browse_bench.py --port 8092 --pages bench/browse_pages.txt --doc docs/benchmarks.md
"""

import argparse
import datetime
import http.client
import os
import time

import benchdoc

HERE = os.path.dirname(os.path.abspath(__file__))
START = "<!-- browse-benchmark:start -->"
END = "<!-- browse-benchmark:end -->"


def percentile(values, p):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def measure(port, path, warm_up, requests, give_up):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=give_up * 4)
    times, statuses = [], set()
    for i in range(warm_up + requests):
        start = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - start) * 1000
        statuses.add(response.status)
        if i >= warm_up:
            times.append(elapsed)
        if elapsed > give_up * 1000:
            break
    connection.close()
    return times, statuses


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pages", default=os.path.join(HERE, "browse_pages.txt"))
    parser.add_argument("--warm-up", type=int, default=3)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--give-up", type=float, default=30, help="seconds a page may take before it is measured no more")
    parser.add_argument("--label", default="this version")
    parser.add_argument("--doc")
    args = parser.parse_args()
    with open(args.pages, encoding="utf-8") as f:
        pages = [line.split("#")[0].strip() for line in f if line.split("#")[0].strip()]
    rows = []
    for path in pages:
        times, statuses = measure(args.port, path, args.warm_up, args.requests, args.give_up)
        row = "| `%s` | %s | %d | %.1f | %.1f | %.1f |" % (
            path, ", ".join(str(s) for s in sorted(statuses)), len(times),
            percentile(times, 50), percentile(times, 95), max(times))
        print(row, flush=True)
        rows.append(row)
    section = "\n".join([
        START,
        "",
        "Measured on %s by `bench/browse_bench.py` (%s), one client, %d requests a page after %d unmeasured ones"
        % (datetime.date.today().isoformat(), args.label, args.requests, args.warm_up),
        "(fewer when a page took over %g s)." % args.give_up,
        "",
        "| page | status | requests | p50 ms | p95 ms | max ms |",
        "|---|---|---:|---:|---:|---:|",
        *rows,
        "",
        END,
    ])
    if args.doc:
        benchdoc.write_section(args.doc, START, END, section)
    else:
        print(section)


if __name__ == "__main__":
    main()
