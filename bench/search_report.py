#!/usr/bin/env python3
"""Runs the search benchmark of issue 3 and writes its section of docs/benchmarks.md.

In one run, against the archive already running on 127.0.0.1:PORT with the benchmark data:
1. the HTTP benchmark (bench/search_bench.py): 8 clients, each query class for --seconds, full-page latency and the
   search's share and its parts from the Server-Timing header, and the machine's CPU per page; then one client for
   half as long;
2. the reference (bench/reference.sh): the same queries straight against the same Lucene index inside one JVM, with
   8 threads, top 10 alone and top 10 with the facet counts, then the latter on one thread, each search's wall and
   CPU time.
It then replaces the part of docs/benchmarks.md between the search markers with the machine, the data size, the
import and index build figures (read from the logs given: the application's, and the output of the plain-Lucene
index build, `bench/reference.sh --build`) and the two sets of search figures side by side.

    python3 bench/search_report.py --port 8092 --data-dir /work/bench/data --seconds 20 \\
        --import-log /work/bench/import.log --reindex-log /work/bench/reindex.log \\
        --build-reference-log /work/bench/build-reference.log
"""

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import benchdoc  # noqa: E402
import search_bench  # noqa: E402

START = "<!-- search-benchmark:start -->"
END = "<!-- search-benchmark:end -->"


def machine():
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as f:
        mem_kb = int(f.readline().split()[1])
    return "%d cores (%s), %.0f GiB RAM, %s, Java %s" % (
        os.cpu_count(), cpu, mem_kb / 1024 / 1024, platform.platform(terse=True), java_version())


def java_version():
    out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "([^"]+)"', out)
    return match.group(1) if match else "unknown"


def du(path):
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    return total


def grep(path, pattern):
    if not path or not os.path.exists(path):
        return None
    found = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            match = re.search(pattern, line)
            if match:
                found = match
    return found


def reference(index, seconds):
    out = subprocess.run([os.path.join(HERE, "reference.sh"), index, str(seconds)],
                         capture_output=True, text=True, check=True).stdout
    print(out, end="")
    results, documents = {}, None
    for line in out.splitlines():
        if line.startswith("documents: "):
            documents = int(line.split()[1])
        if line.startswith("RESULT "):
            _, name, mode, n, p50, p95, p99, total, cpu_p50 = line.split()
            results[(name, mode)] = {"n": int(n), "p50": float(p50), "p95": float(p95), "p99": float(p99),
                                     "total": int(total), "cpu_p50": float(cpu_p50)}
    return documents, results


def minutes(seconds):
    whole = round(seconds)
    return "%d min %02d s" % (whole // 60, whole % 60)


def report(args, http, alone, documents, ref):
    load = os.getloadavg()
    lines = [START, "", "### Search at %s records" % format(documents, ","), ""]
    lines.append("Measured on %s by `bench/search_report.py` (%s), %d s per query class and mode, 8 concurrent "
                 "clients, load average %.1f at the end." % (
                     datetime.date.today().isoformat(), machine(), args.seconds, load[0]))
    lines.append("")
    imported = grep(args.import_log, r"succeeded in ([\d.]+) s: ([\d,]+) records imported")
    rebuilt = grep(args.reindex_log, r"Search index rebuilt: (\d+) documents in (\d+) s")
    index_size = du(os.path.join(args.data_dir, "index", "record"))
    if imported:
        seconds = float(imported.group(1))
        count = int(imported.group(2).replace(",", ""))
        lines.append("- **Import** through the application's import path (`--archive.import`, records indexed as "
                     "each batch commits): %s records in %.0f min (%.0f records/s)." % (
                         format(count, ","), seconds / 60, count / seconds))
    if rebuilt:
        lines.append("- **Index build** from PostgreSQL (`--archive.reindex=exit`): %s documents in %s (%.0f "
                     "documents/s)." % (format(int(rebuilt.group(1)), ","), minutes(int(rebuilt.group(2))),
                                        int(rebuilt.group(1)) / max(1, int(rebuilt.group(2)))))
    built = grep(args.build_reference_log, r"^BUILD (\d+) ([\d.]+) (\d+)")
    if built:
        lines.append("- **Index build reference**: plain Lucene indexing the same records from the JSON Lines file, "
                     "with the same fields, analyzers and merge policy, 2 threads and no database "
                     "(`bench/reference.sh --build`): %s documents in %s (%.0f documents/s), %.1f GB." % (
                         format(int(built.group(1)), ","), minutes(float(built.group(2))),
                         int(built.group(1)) / float(built.group(2)), int(built.group(3)) / 1e9))
    lines.append("- **Record index** on disk: %.1f GB." % (index_size / 1e9))
    lines.append("")
    lines.append("Latency in ms. *Page* is the whole search page over HTTP, as a reader waits for it. *Search* is "
                 "`RecordSearch`'s part of it, and *index* the part of that in the Lucene index: the count, the "
                 "facet counts and the ten hits' ids (the rest is loading the ten records and the facets' names "
                 "from PostgreSQL, *DB*, and highlighting; after the search comes rendering the page). All four "
                 "come from the page's `Server-Timing` header. *Lucene* is the reference: the same query straight "
                 "against the same index in one JVM with 8 threads, the top 10 in the page's order alone and with the "
                 "page's facet counts, which is the work that *index* does.")
    lines.append("")
    lines.append("| Query class | Matches | Page p50 / p95 / p99 | Search p50 / p95 | Index p50 / p95 "
                 "| Lucene + facets p50 / p95 | Index p50 ÷ Lucene + facets p50 | DB p50 | Highlight p50 "
                 "| Lucene top 10 p50 / p95 | Pages/s | Client CPU per page |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in http.items():
        top = ref.get((name, "top10"), {})
        facets = ref.get((name, "top10+facets"), {})
        nan = float("nan")
        lines.append("| %s | %s | %.1f / %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.2f | %.1f | %.1f "
                     "| %.1f / %.1f | %.0f | %.2f |" % (
                         name.replace("_", " "), format(facets.get("total", 0), ","), r["p50"], r["p95"], r["p99"],
                         r["search_p50"], r["search_p95"], r["index_p50"], r["index_p95"],
                         facets.get("p50", nan), facets.get("p95", nan), r["index_p50"] / facets.get("p50", nan),
                         r["db_p50"], r["highlight_p50"], top.get("p50", nan), top.get("p95", nan),
                         r["throughput"], r["client_cpu_ms"]))
    lines.append("")
    lines.append("The clients are 8 processes on the same machine, each with one kept-alive connection, as a browser "
                 "keeps one; *client CPU per page* is what they used of the 2 cores per page.")
    lines.append("")
    lines.append("With **one client** (%d s per class) and the reference on one thread, nothing waits for another "
                 "request, so this compares the work itself:" % (args.seconds / 2))
    lines.append("")
    lines.append("| Query class | Page p50 / p95 | Search p50 | Index p50 | Lucene + facets p50 / p95, 1 thread "
                 "| Index p50 ÷ Lucene + facets p50 | Page p95 ÷ Lucene + facets p95 | DB p50 | Highlight p50 "
                 "| Pages/s |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in alone.items():
        one = ref.get((name, "top10+facets/1"), {})
        p50, p95 = one.get("p50", float("nan")), one.get("p95", float("nan"))
        lines.append("| %s | %.1f / %.1f | %.1f | %.1f | %.2f / %.2f | %.2f | %.1f | %.1f | %.1f | %.0f |" % (
            name.replace("_", " "), r["p50"], r["p95"], r["search_p50"], r["index_p50"], p50, p95,
            r["index_p50"] / p50, r["p95"] / p95, r["db_p50"], r["highlight_p50"], r["throughput"]))
    lines.append("")
    lines.append("**CPU time.** With more clients than cores, a search's time includes waiting for a core. So the "
                 "page's `Server-Timing` also gives the CPU time of its index part (`index-cpu`, the request "
                 "thread's CPU clock), and the reference measures each search's CPU time the same way. *Machine CPU "
                 "per page* is all the CPU the machine used during the class's run (`/proc/stat`: server, "
                 "PostgreSQL, clients) divided by the pages served. With 8 clients that always wait for a page, the "
                 "mean page time is 8 ÷ pages/s, so on %d cores it cannot be less than 8 × the machine CPU per page "
                 "÷ %d." % (os.cpu_count(), os.cpu_count()))
    lines.append("")
    lines.append("| Query class | Index CPU p50, 8 clients | Lucene + facets CPU p50, 8 threads | Ratio "
                 "| Index CPU p50, one client | Lucene + facets CPU p50, 1 thread | Ratio "
                 "| Machine CPU per page, 8 clients | Of which the clients | Mean page, 8 clients |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in http.items():
        eight = ref.get((name, "top10+facets"), {}).get("cpu_p50", float("nan"))
        one = ref.get((name, "top10+facets/1"), {}).get("cpu_p50", float("nan"))
        single = alone[name]
        lines.append("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f | %.1f |" % (
            name.replace("_", " "), r["index_cpu_p50"], eight, r["index_cpu_p50"] / eight,
            single["index_cpu_p50"], one, single["index_cpu_p50"] / one, r["machine_cpu_ms"], r["client_cpu_ms"],
            r["mean"]))
    lines.append("")
    lines.append("Queries: `bench/queries.json` (*Matches* is the last query of the class as the reference counted "
                 "it). Every request returned 200: %s errors." % sum(r["errors"] for r in http.values()))
    lines.append("")
    lines.append(END)
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--import-log")
    parser.add_argument("--reindex-log")
    parser.add_argument("--build-reference-log")
    parser.add_argument("--queries", default=os.path.join(HERE, "queries.json"))
    parser.add_argument("--doc", default=os.path.join(HERE, "..", "docs", "benchmarks.md"))
    args = parser.parse_args()
    with open(args.queries, encoding="utf-8") as f:
        mix = json.load(f)
    http, alone = {}, {}
    cookie = search_bench.sign_in(args.port)
    for name, spec in mix.items():
        http[name] = search_bench.run_class(args.port, spec["http"], 8, args.seconds, len(spec["http"]), cookie)
        alone[name] = search_bench.run_class(args.port, spec["http"], 1, args.seconds / 2, 0, cookie)
        r = http[name]
        print("%-22s page p50 %7.1f p95 %7.1f ms  search p50 %6.1f  index p50 %6.2f (CPU %6.2f)  db p50 %6.1f"
              "  highlight p50 %6.1f ms  machine CPU %.2f ms/page  %d errors" % (
                  name, r["p50"], r["p95"], r["search_p50"], r["index_p50"], r["index_cpu_p50"], r["db_p50"],
                  r["highlight_p50"], r["machine_cpu_ms"], r["errors"]), flush=True)
    documents, ref = reference(os.path.join(args.data_dir, "index", "record"), int(args.seconds))
    section = report(args, http, alone, documents, ref)
    benchdoc.write_section(args.doc, START, END, section)
    print("wrote", args.doc)


if __name__ == "__main__":
    main()
