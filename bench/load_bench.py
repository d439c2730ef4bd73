#!/usr/bin/env python3
"""Load benchmark: the public reading pages of a running archive on 127.0.0.1 under wrk, beside nginx serving the
very same bytes, in one run.

For each page (home, /records, a record, a person, a theme) and each encoding (plain, and gzip as browsers ask), it
saves the bytes the archive answers, serves them from an nginx of its own on another port, and runs wrk with
--connections connections against the archive and then against nginx, --seconds each, after a warm-up of every
page on the archive. It prints, and with --doc writes between the load-benchmark markers of docs/benchmarks.md, a table of
requests per second, p50 and p99 latency and the archive's share of nginx's requests per second. With --pid (the
archive's process) it also reports the archive's heap after the load and its peak resident memory during it.

    python3 bench/load_bench.py --port 8092 --pid $(pgrep -f 'server.port=8092') --doc docs/benchmarks.md

Pages default to /, /records, the first record that /records lists, and that record's first person and first
theme; --page NAME=PATH replaces or adds one. Load goes to 127.0.0.1 only.
"""

import argparse
import datetime
import http.client
import os
import platform
import re
import shutil
import subprocess
import tempfile
import threading
import time

import benchdoc

START = "<!-- load-benchmark:start -->"
END = "<!-- load-benchmark:end -->"
HOST = "127.0.0.1"
ENCODINGS = {"plain": None, "gzip": "gzip"}
NGINX_CONF = """
worker_processes auto;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
daemon on;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path {dir}/tmp; proxy_temp_path {dir}/tmp; fastcgi_temp_path {dir}/tmp;
    uwsgi_temp_path {dir}/tmp; scgi_temp_path {dir}/tmp;
    types {{ }}
    server {{
        listen {host}:{port};
        root {dir}/www;
        etag off;
{locations}
    }}
}}
"""


def fetch(port, path, encoding=None):
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    headers = {"Accept-Encoding": encoding} if encoding else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    result = (response.status, dict((k.lower(), v) for k, v in response.getheaders()), body)
    connection.close()
    return result


def default_pages(port):
    """Home, /records, the first record /records lists, and its first person and theme."""
    pages = {"home": "/", "browse": "/records"}
    _, _, listing = fetch(port, "/records")
    record = re.search(r'href="(/records/[^"/?#]+)"', listing.decode("utf-8"))
    if record:
        pages["record"] = record.group(1)
        _, _, page = fetch(port, record.group(1))
        text = page.decode("utf-8")
        person = re.search(r'href="(/people/[^"/?#]+)"', text)
        theme = re.search(r'href="(/themes/[^"/?#]+)"', text)
        if person:
            pages["person"] = person.group(1)
        if theme:
            pages["theme"] = theme.group(1)
    return pages


def milliseconds(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, seconds, connections, threads, encoding):
    command = ["wrk", "-t%d" % threads, "-c%d" % connections, "-d%ds" % seconds, "--latency", "--timeout", "10s"]
    if encoding:
        command += ["-H", "Accept-Encoding: " + encoding]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50": milliseconds(latency["50"]),
        "p99": milliseconds(latency["99"]),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1).strip() if socket_errors else "",
    }


class MemoryWatch:
    """Samples the archive's resident memory while the load runs."""

    def __init__(self, pid):
        self.pid = pid
        self.peak_kb = 0
        self.running = pid is not None
        if self.running:
            threading.Thread(target=self.sample, daemon=True).start()

    def sample(self):
        while self.running:
            with open("/proc/%d/status" % self.pid) as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        self.peak_kb = max(self.peak_kb, int(line.split()[1]))
            time.sleep(0.5)

    def stop(self):
        self.running = False


def heap(pid):
    """The heap in use and its maximum, in MB, as jcmd reports them."""
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True).stdout
    flags = subprocess.run(["jcmd", str(pid), "VM.flags"], capture_output=True, text=True).stdout
    used = re.search(r"total (\d+)K, used (\d+)K", info)
    maximum = re.search(r"MaxHeapSize=(\d+)", flags)
    return (int(used.group(2)) / 1024 if used else None, int(maximum.group(1)) / 1048576 if maximum else None)


def cores():
    with open("/proc/cpuinfo") as f:
        model = re.search(r"model name\s*:\s*(.*)", f.read())
    return "%d cores (%s)" % (os.cpu_count(), model.group(1).strip() if model else platform.machine())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True, help="the archive's port on 127.0.0.1")
    parser.add_argument("--nginx-port", type=int, default=0, help="nginx's port (default: the archive's + 100)")
    parser.add_argument("--page", action="append", default=[], metavar="NAME=PATH")
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--warm-up", type=int, default=10,
                        help="seconds of load on the archive for each page and encoding, all before any is measured")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--encodings", default="plain,gzip")
    parser.add_argument("--pid", type=int, help="the archive's process, for its heap and memory")
    parser.add_argument("--archive", default="", help="what the archive holds, for the table's heading")
    parser.add_argument("--doc")
    args = parser.parse_args()
    nginx_port = args.nginx_port or args.port + 100

    pages = default_pages(args.port)
    for page in args.page:
        name, path = page.split("=", 1)
        pages[name] = path
    encodings = [e for e in args.encodings.split(",") if e]

    work = tempfile.mkdtemp(prefix="load-bench-")
    os.chmod(work, 0o755)  # nginx's workers run as another user
    os.makedirs(os.path.join(work, "tmp"))
    saved = {}
    locations = []
    for encoding in encodings:
        os.makedirs(os.path.join(work, "www", encoding))
        for name, path in pages.items():
            status, headers, body = fetch(args.port, path, ENCODINGS[encoding])
            if status != 200:
                raise SystemExit("%s answered %d" % (path, status))
            with open(os.path.join(work, "www", encoding, name), "wb") as f:
                f.write(body)
            saved[(encoding, name)] = (body, headers)
            extra = ""
            if headers.get("content-encoding"):
                extra = " add_header Content-Encoding %s; add_header Vary Accept-Encoding;" % headers["content-encoding"]
            locations.append('        location = /%s/%s { default_type "%s";%s }' % (
                encoding, name, headers.get("content-type", "text/html"), extra))
    with open(os.path.join(work, "nginx.conf"), "w") as f:
        f.write(NGINX_CONF.format(dir=work, host=HOST, port=nginx_port, locations="\n".join(locations)))
    subprocess.run(["nginx", "-c", os.path.join(work, "nginx.conf"), "-p", work], check=True)

    rows = []
    load_before = os.getloadavg()[0]
    watch = MemoryWatch(args.pid)
    try:
        # every page warms up before any is measured, so that the first page measured is not the JIT's
        for name, path in pages.items():
            for encoding in encodings:
                if args.warm_up:
                    wrk("http://%s:%d%s" % (HOST, args.port, path), args.warm_up, args.connections, args.threads,
                        ENCODINGS[encoding])
        for name, path in pages.items():
            for encoding in encodings:
                body, headers = saved[(encoding, name)]
                check = fetch(nginx_port, "/%s/%s" % (encoding, name), ENCODINGS[encoding])
                if check[2] != body:
                    raise SystemExit("nginx does not serve the saved bytes of " + path)
                archive_url = "http://%s:%d%s" % (HOST, args.port, path)
                archive = wrk(archive_url, args.seconds, args.connections, args.threads, ENCODINGS[encoding])
                same = fetch(args.port, path, ENCODINGS[encoding])[2] == body
                nginx = wrk("http://%s:%d/%s/%s" % (HOST, nginx_port, encoding, name),
                            args.seconds, args.connections, args.threads, ENCODINGS[encoding])
                notes = []
                if not same:
                    notes.append("the archive's bytes changed during the run")
                if archive["errors"]:
                    notes.append("%d answers not 2xx or 3xx" % archive["errors"])
                if archive["socket_errors"]:
                    notes.append("socket errors: " + archive["socket_errors"])
                row = "| %s | `%s` | %s | %s | %.0f | %.1f / %.1f | %.0f | %.1f / %.1f | **%.0f%%** | %s |" % (
                    name, path, encoding, "{:,}".format(len(body)),
                    archive["rps"], archive["p50"], archive["p99"],
                    nginx["rps"], nginx["p50"], nginx["p99"],
                    100 * archive["rps"] / nginx["rps"], "; ".join(notes))
                print(row, flush=True)
                rows.append(row)
    finally:
        watch.stop()
        subprocess.run(["nginx", "-c", os.path.join(work, "nginx.conf"), "-p", work, "-s", "stop"])
        time.sleep(1)
        shutil.rmtree(work, ignore_errors=True)

    memory = ""
    if args.pid:
        used, maximum = heap(args.pid)
        memory = ("The archive's heap after the load: %.0f MB in use of a %.0f MB maximum; its peak resident memory"
                  " during the load: %.0f MB." % (used or 0, maximum or 0, watch.peak_kb / 1024))
    section = "\n".join(line for line in [
        START,
        "",
        "Measured on %s by `bench/load_bench.py`%s: %s, %.0f GB RAM, %s; wrk with %d connections and %d threads,"
        % (datetime.date.today().isoformat(), " on " + args.archive if args.archive else "", cores(),
           os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9, platform.platform(),
           args.connections, args.threads),
        "%d s per page, encoding and server, after %d s of warm-up of each on the archive; load average %.1f before,"
        " %.1f after."
        % (args.seconds, args.warm_up, load_before, os.getloadavg()[0]),
        memory,
        "",
        "| page | path | encoding | bytes | archive req/s | archive p50 / p99 ms | nginx req/s | nginx p50 / p99 ms"
        " | archive ÷ nginx | notes |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---|",
        *rows,
        "",
        END,
    ] if line is not None)
    if args.doc:
        benchdoc.write_section(args.doc, START, END, section)
    else:
        print(section)


if __name__ == "__main__":
    main()
