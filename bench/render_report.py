"""Writes the measured table of a bench/bench.sh run into docs/performance.md, between the markers
<!-- bench:begin --> and <!-- bench:end -->; the hand-written analysis around them is kept."""
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

TARGETS = {k: v for k, v in json.loads(Path(__file__).with_name("targets.json").read_text()).items()
           if not k.startswith("_")}  # issue 6's targets, shared with bench.sh


def database(run):
    """The PostgreSQL settings the run had (bench.sh writes them after applying BENCH_PG_SETTINGS)."""
    path = Path(run, "postgres.txt")
    return [" ".join(path.read_text().split("\n")).strip() + "."] if path.exists() else []


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                if l.startswith("model name")), platform.processor())
    # the JVM the services ran on (bench.sh exports it)
    java_cmd = os.environ.get("BENCH_SERVICE_JAVA", "java")
    java = subprocess.run([java_cmd, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    mem = int(next(l.split()[1] for l in Path("/proc/meminfo").read_text().splitlines()
                   if l.startswith("MemTotal"))) // 1024 // 1024
    return f"{os.cpu_count()} cores ({cpu}), {mem} GiB, {platform.system()} {platform.release()}, {java}"


def errors(row):
    return row["socket_errors"] + row["non_2xx"]


def latency_met(row):
    t = TARGETS.get(row["scenario"], {})
    return (errors(row) == 0 and ("p95_ms" not in t or row["p95_ms"] < t["p95_ms"])
            and ("p99_ms" not in t or row["p99_ms"] < t["p99_ms"]))


def verdict(row, paced_rows):
    """Met when the saturation run reaches the target rate with zero errors and the latency bounds hold in a run
    at or above that rate: the saturation run itself (32 clients sending back to back) or the paced run at the
    target rate (independent arrivals). Both results are printed, so neither hides the other."""
    t = TARGETS.get(row["scenario"], {})
    rate_ok = errors(row) == 0 and ("rps" not in t or row["rps"] >= t["rps"])
    paced = paced_rows.get((row["mode"], row["scenario"]))
    parts = []
    if "rps" in t:
        parts.append(f"≥ {t['rps']}/s: {'met' if rate_ok else 'missed'}")
    latency_ok = True
    if "p95_ms" in t:
        bounds = f"p95 < {t['p95_ms']} ms" + (f", p99 < {t['p99_ms']} ms" if "p99_ms" in t else "")
        at_saturation = latency_met(row)
        latency = f"{bounds} at saturation: {'met' if at_saturation else 'missed'}"
        if paced:
            latency += f", at {paced['target_rps']}/s: {'met' if latency_met(paced) else 'missed'}"
        parts.append(latency)
        latency_ok = at_saturation or (paced is not None and latency_met(paced))
    return "; ".join(parts) + (" — **met**" if rate_ok and latency_ok else " — **missed**")


def cpu(row):
    c = row.get("cpu_ms_per_request")
    return f"{c['vault']:.2f} / {c['prompt']:.2f} / {c['postgres']:.2f}" if c else "n/a"


def saturation_table(rows, paced_rows, ceiling):
    out = ["| crypto | scenario | req/s | vs RSA ceiling | p50 ms | p95 ms | p99 ms | errors | vault peak RSS MiB "
           "| prompt peak RSS MiB | DB conns | CPU ms/request: vault / prompt / PG | target |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    for r in rows:
        ratio = f"{r['rps'] / ceiling:.2f}" if ceiling else "n/a"
        out.append(f"| {r['mode']} | {r['scenario']} | {r['rps']:.0f} | {ratio} | {r['p50_ms']:.1f} | "
                   f"{r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {errors(r)} | "
                   f"{r['vault_peak_rss_mib']} | {r['prompt_peak_rss_mib']} | {r['db_connections']} | {cpu(r)} | "
                   f"{verdict(r, paced_rows)} |")
    return "\n".join(out)


def paced_table(rows):
    out = ["| crypto | scenario | target req/s | sent req/s | p50 ms | p95 ms | p99 ms | max ms "
           "| sender behind schedule, max ms | errors | vault peak RSS MiB | prompt peak RSS MiB | DB conns "
           "| CPU ms/request: vault / prompt / PG | latency bound |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    for r in rows:
        t = TARGETS.get(r["scenario"], {})
        bounds = f"p95 < {t['p95_ms']} ms" + (f", p99 < {t['p99_ms']} ms" if "p99_ms" in t else "")
        out.append(f"| {r['mode']} | {r['scenario']} | {r['target_rps']} | {r['rps']:.0f} | {r['p50_ms']:.1f} | "
                   f"{r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r['max_ms']:.1f} | {r['behind_schedule_max_ms']:.1f} | "
                   f"{errors(r)} | {r['vault_peak_rss_mib']} | {r['prompt_peak_rss_mib']} | {r['db_connections']} | "
                   f"{cpu(r)} | {bounds}: **{'met' if latency_met(r) else 'missed'}** |")
    return "\n".join(out)


# issue 17's elastic-start targets
READY_S, RUN_LOCAL_S, COLD_RATIO, COLD_P99_MS, RSS_MIB = 5, 8, 0.7, 200, 512
SCENARIO = {"vault": "create-envelope", "prompt": "open-envelope"}


def met(ok):
    return "met" if ok else "**missed**"


def elastic_table(run):
    """Time to ready, and cold (first seconds at full load right after ready) against warm figures (bench.sh elastic)."""
    path = Path(run, "elastic.jsonl")
    if not path.exists():
        return None
    rows = [json.loads(l) for l in path.read_text().splitlines() if l.strip()]
    out = ["| start | service | scenario | launch → ready s | CPU s to ready | cold req/s | cold p99 ms | warm req/s "
           "| warm p99 ms | cold ÷ warm | peak RSS MiB | targets: ready ≤ 5 s (run-local ≤ 8 s), cold ≥ 0.7 × warm, "
           "cold p99 < 200 ms, RSS < 512 MiB |",
           "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        ready = r["ready_ms"] / 1000
        if r["service"] == "run-local.sh":
            out.append(f"| {r['variant']} | run-local.sh --detach (both + nginx) | | {ready:.1f} | | | | | | | | "
                       f"ready ≤ {RUN_LOCAL_S} s: {met(ready <= RUN_LOCAL_S)} |")
            continue
        cold, warm = r.get("cold") or {}, r.get("warm") or {}
        ratio = cold.get("rps", 0) / warm["rps"] if warm.get("rps") else 0
        errors = sum(x.get("socket_errors", 0) + x.get("non_2xx", 0) for x in (cold, warm))
        verdicts = [f"ready {met(ready <= READY_S)}", f"ratio {met(ratio >= COLD_RATIO)}",
                    f"p99 {met(cold.get('p99_ms', 1e9) < COLD_P99_MS)}", f"RSS {met(r['peak_rss_mib'] < RSS_MIB)}"]
        if errors:
            verdicts.append(f"**{errors} errors**")
        out.append(f"| {r['variant']} | {r['service']} | {SCENARIO.get(r['service'], '')} | {ready:.1f} | "
                   f"{r['ready_cpu_s']} | {cold.get('rps', 0):.0f} | {cold.get('p99_ms', 0):.1f} | "
                   f"{warm.get('rps', 0):.0f} | {warm.get('p99_ms', 0):.1f} | {ratio:.2f} | {r['peak_rss_mib']} | "
                   f"{', '.join(verdicts)} |")
    return "\n".join(out)


def replace_between(text, begin, end, section):
    if begin not in text:
        anchor = text.index("<!-- bench:begin") if "<!-- bench:begin" in text else len(text)
        return text[:anchor] + section + "\n\n" + text[anchor:]
    start, stop = text.index(begin), text.index(end) + len(end)
    return text[:start] + section + text[stop:]


def write_elastic(doc, run, connections, threads):
    table = elastic_table(run)
    if table is None:
        return
    section = "\n".join([
        "<!-- elastic:begin (generated by bench/bench.sh; do not edit by hand) -->",
        f"Run `{Path(run).name}` on {machine()}; load average at the end "
        f"{Path('/proc/loadavg').read_text().split()[0]} (other work on the machine slows every figure).",
        "",
        f"'aot': the extracted jar with the AOT cache and the warm-up, as `scripts/run-local.sh` and the images start "
        f"it; 'plain': the fat jar, no cache, no warm-up (before issue 17). Each service alone; ready = "
        f"`/api/v1/health/ready` answers 200 (polled every 50 ms). Cold: wrk, {threads} threads, {connections} "
        f"connections, at once after ready; warm: the same after a low-concurrency warm-up. CPU s to ready: "
        f"the JVM's user + system CPU time at that moment.",
        "",
        table,
        "<!-- elastic:end -->",
    ])
    path = Path(doc)
    path.write_text(replace_between(path.read_text(), "<!-- elastic:begin", "<!-- elastic:end -->", section))


def main():
    doc, run, ceiling, duration, connections, threads = sys.argv[1:7]
    warmup = sys.argv[7] if len(sys.argv) > 7 else "?"
    write_elastic(doc, run, connections, threads)
    if "--elastic-only" in sys.argv:
        return
    ceiling = float(ceiling or 0)
    rows = [json.loads(l) for l in Path(run, "results.jsonl").read_text().splitlines() if l.strip()]
    saturated = [r for r in rows if r.get("load", "saturation") == "saturation"]
    paced = [r for r in rows if r.get("load") == "paced"]
    paced_by_key = {(r["mode"], r["scenario"]): r for r in paced}
    section = "\n".join([
        "<!-- bench:begin (generated by bench/bench.sh; do not edit by hand) -->",
        f"Run `{Path(run).name}` on {machine()}.",
        *database(run),
        f"RSA-2048 signing ceiling (`openssl speed -multi {os.cpu_count()} rsa2048`): "
        f"**{ceiling:.0f} signatures/s**. 'vs RSA ceiling' = req/s ÷ that figure.",
        "",
        f"**Saturation** (how many requests/s): wrk, {threads} threads, {connections} connections sending back to "
        f"back, {duration} per scenario after a {warmup} warm-up of the same scenario, on the same machine, straight "
        "at each service (no gateway); rate limits off. Its latency is mostly queueing: with a closed loop, mean "
        "latency = connections ÷ req/s. CPU ms/request: CPU time each process group spent during the measured run "
        "÷ requests; on 2 shared cores (with wrk) their sum bounds the rate.",
        "",
        saturation_table(saturated, paced_by_key, ceiling),
        "",
        f"**At the target rate** (the latency at that rate): right after each saturation run, open-loop at the "
        f"scenario's target rate for {duration}, one wrk thread per connection, each sending on a fixed schedule; "
        "latency counts from each request's scheduled time, so a stall also delays the requests that were due "
        "during it (`bench/wrk/paced.lua`). 'Sender behind schedule' is how late the most delayed request went out.",
        "",
        paced_table(paced) if paced else "(no paced runs in this run)",
        "<!-- bench:end -->",
    ])
    path = Path(doc)
    text = path.read_text() if path.exists() else "# Performance\n\n<!-- bench:begin -->\n<!-- bench:end -->\n"
    start, end = text.index("<!-- bench:begin"), text.index("<!-- bench:end -->") + len("<!-- bench:end -->")
    path.write_text(text[:start] + section + text[end:])


if __name__ == "__main__":
    main()
