"""Runs a wrk command and prints requests/s, latency and the CPU each process group spent per request.

CPU per request (utime + stime from /proc, divided by the requests wrk completed) is what bounds throughput on a
2-core machine: req/s <= 2000 ms / (sum of ms/request over vault, prompt-response, PostgreSQL, Redis, wrk).
Usage: python3 bench/profile/cpu_per_request.py wrk ... (any command that prints wrk's "Requests/sec").
"""
import os
import re
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")
GROUPS = [("vault", "vault-service.jar"), ("prompt", "prompt-response-service.jar"),
          ("postgres", "postgres"), ("redis", "redis-server"), ("wrk", "wrk ")]


def snapshot():
    cpu = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            cmd = open(f"/proc/{pid}/cmdline").read().replace("\0", " ")
        except OSError:
            continue
        group = next((name for name, marker in GROUPS if marker in cmd), "other")
        cpu[(pid, group)] = (int(stat[11]) + int(stat[12])) / TICK
    return cpu


before, started = snapshot(), time.time()
output = subprocess.run(sys.argv[1:], capture_output=True, text=True).stdout
after, elapsed = snapshot(), time.time() - started
match = re.search(r"Requests/sec:\s+([\d.]+)", output)
requests = (float(match.group(1)) if match else 0) * elapsed
for line in output.splitlines():
    if re.search(r"Requests/sec|50%|99%|Non-2xx|Socket errors", line):
        print(line.strip())
totals = {}
for key, value in after.items():
    totals[key[1]] = totals.get(key[1], 0) + value - before.get(key, 0)
print(f"elapsed {elapsed:.1f} s, ~{requests:.0f} requests (processes that exited during the run are not counted)")
for group, seconds in sorted(totals.items(), key=lambda item: -item[1]):
    print(f"  {group:9s} {seconds:7.2f} CPU-s  {1000 * seconds / max(requests, 1):6.3f} ms/request")
