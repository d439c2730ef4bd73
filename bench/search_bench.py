#!/usr/bin/env python3
"""Search benchmark over HTTP: 8 concurrent clients (processes, each with one kept-alive connection) send the query
mix of issue 3 to the search page of a running archive on 127.0.0.1 and report p50/p95/p99 latency per query class
(the full page: query, facets, highlighting, rendering), the search's share of each and its parts (index,
PostgreSQL, highlighting) from the page's Server-Timing header, and the CPU the clients and the whole machine used
per page. Only 127.0.0.1 is allowed, and every run is bounded by --seconds per class. The archive sends Server-Timing
to signed-in users only, so the clients sign in as an editor (ARCHIVE_BENCH_USERNAME, ARCHIVE_BENCH_PASSWORD).

    ARCHIVE_BENCH_USERNAME=admin ARCHIVE_BENCH_PASSWORD=... python3 bench/search_bench.py --port 8082 --seconds 30 --out /tmp/http.json
    python3 bench/search_bench.py --port 8082 --seconds 10 --clients 1 --classes rare_word,person_and_theme

The queries come from bench/queries.json (shared with the in-JVM reference, bench/LuceneReference.java).
"""

import argparse
import http.client
import json
import multiprocessing
import os
import re
import statistics
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[k]


# The parts of the search page's Server-Timing header: the whole search, and its time in the index (and the CPU time
# of that), in PostgreSQL and highlighting.
TIMINGS = ("search", "index", "index-cpu", "db", "highlight")


def server_timing(header):
    """{"search": 12.5, ...} from "search;dur=12.5, index;dur=3.1, ..."."""
    values = {}
    for metric in header.split(","):
        name, _, duration = metric.strip().partition(";dur=")
        if duration:
            values[name] = float(duration)
    return values


def machine_cpu_seconds():
    """The CPU time every process on the machine has used since it started (the first line of /proc/stat)."""
    with open("/proc/stat", encoding="ascii") as f:
        ticks = [int(value) for value in f.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = ticks[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def sign_in(port):
    """The cookies of a session signed in through the login form, as a browser gets them."""
    username, password = os.environ["ARCHIVE_BENCH_USERNAME"], os.environ["ARCHIVE_BENCH_PASSWORD"]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/login")
    response = connection.getresponse()
    page = response.read().decode("utf-8")
    cookies = {c.split("=", 1)[0]: c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie") or []}
    token = re.search(r'name="_csrf"[^>]*value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"username": username, "password": password, "_csrf": token})
    connection.request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                 "Cookie": "; ".join(cookies.values())})
    response = connection.getresponse()
    response.read()
    if "error" in (response.getheader("Location") or "error"):
        raise SystemExit("signing in as %s failed" % username)
    for c in response.headers.get_all("Set-Cookie") or []:
        cookies[c.split("=", 1)[0]] = c.split(";", 1)[0]
    connection.close()
    return "; ".join(cookies.values())


def client(port, paths, offset, deadline, cookie):
    """One client: requests the paths in turn until the deadline over one kept-alive connection, as a browser
    would. Returns (latencies in ms, Server-Timing parts, errors)."""
    latencies, parts, errors = [], {name: [] for name in TIMINGS}, []
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    i = offset
    while time.monotonic() < deadline:
        path = paths[i % len(paths)]
        i += 1
        start = time.perf_counter()
        try:
            connection.request("GET", path, headers={"Cookie": cookie})
            response = connection.getresponse()
            response.read()
        except Exception as e:  # noqa: BLE001 - every failure is counted
            errors.append(str(e))
            connection.close()
            continue
        elapsed = (time.perf_counter() - start) * 1000
        if response.status == 200:
            latencies.append(elapsed)
            for name, value in server_timing(response.getheader("Server-Timing", "")).items():
                if name in parts:
                    parts[name].append(value)
        else:
            errors.append(response.status)
    connection.close()
    return latencies, parts, errors


def run_class(port, queries, clients, seconds, warmup, cookie):
    """Runs one query class with this many clients, each in its own process so that they do not wait for one
    another's interpreter lock, and reports latency, throughput and the CPU the clients themselves used."""
    paths = ["/search?" + urllib.parse.urlencode(q) for q in queries]
    for path in paths[:warmup]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", path)
        connection.getresponse().read()
        connection.close()
    before, machine_before = os.times(), machine_cpu_seconds()
    deadline = time.monotonic() + seconds
    pool = multiprocessing.Pool(clients)
    runs = pool.starmap(client, [(port, paths, n, deadline, cookie) for n in range(clients)])
    pool.close()
    pool.join()
    after, machine_after = os.times(), machine_cpu_seconds()
    latencies = [value for run in runs for value in run[0]]
    errors = [error for run in runs for error in run[2]]
    result = {
        "requests": len(latencies),
        "errors": len(errors),
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
        "mean": statistics.mean(latencies) if latencies else float("nan"),
        "throughput": len(latencies) / seconds,
        # the load generator shares the machine with the server: its CPU per request, to say what it took
        "client_cpu_ms": 1000 * (after.children_user + after.children_system - before.children_user
                                 - before.children_system) / max(1, len(latencies)),
        # all the machine's CPU per request: the server, PostgreSQL, the clients and anything else running
        "machine_cpu_ms": 1000 * (machine_after - machine_before) / max(1, len(latencies)),
    }
    for name in TIMINGS:
        values = [value for run in runs for value in run[1][name]]
        result[name.replace("-", "_") + "_p50"] = percentile(values, 50)
        result[name.replace("-", "_") + "_p95"] = percentile(values, 95)
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8082)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--queries", default=os.path.join(HERE, "queries.json"))
    parser.add_argument("--classes", help="comma-separated query classes to run (default: all)")
    parser.add_argument("--out")
    args = parser.parse_args()
    with open(args.queries, encoding="utf-8") as f:
        mix = json.load(f)
    if args.classes:
        mix = {name: mix[name] for name in args.classes.split(",")}
    cookie = sign_in(args.port)
    results = {}
    for name, spec in mix.items():
        results[name] = run_class(args.port, spec["http"], args.clients, args.seconds, len(spec["http"]), cookie)
        r = results[name]
        print("%-22s n=%6d err=%d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  %6.1f req/s  search p50 %6.1f"
              " p95 %6.1f ms  index p50 %6.2f p95 %6.2f ms  index CPU p50 %6.2f ms  client CPU %.2f, machine CPU %.2f"
              " ms/page"
              % (name, r["requests"], r["errors"], r["p50"], r["p95"], r["p99"], r["throughput"],
                 r["search_p50"], r["search_p95"], r["index_p50"], r["index_p95"], r["index_cpu_p50"],
                 r["client_cpu_ms"], r["machine_cpu_ms"]), flush=True)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
