#!/usr/bin/python3
"""Draws the Grafana dashboard's panels from a short load run, without Grafana.

    scripts/render-dashboard.py --vault http://127.0.0.1:3000 --prompt http://127.0.0.1:3001 \
        --api-key "$E2EE_BOOTSTRAP_ADMIN_API_KEY" --seconds 150 --out docs/grafana/e2ee-dashboard.png

    scripts/render-dashboard.py --vault http://127.0.0.1:3000 --prompt http://127.0.0.1:3001 \
        --load-command "bench/bench.sh --modes native --paced-modes none --scenarios create-envelope,open-envelope"

With --load-command the load is that command (a run of the benchmark, which starts and stops its own services on the
same ports) instead of the built-in mix, and the picture covers the whole command. Otherwise the services must run
(scripts/run-local.sh). The script starts a throw-away Prometheus (the Debian `prometheus`
binary: temporary config and storage, 127.0.0.1 only, stopped at the end) scraping both services' /api/v1/metrics
every 2 s with the labels a ServiceMonitor would give (job = service name, namespace = e2ee), drives a mixed load
(prompts, envelopes created and opened, replays, tampered envelopes, sync and async processing, a rate-limit burst),
then evaluates every query of k8s/components/monitoring/e2ee-dashboard.json against that Prometheus over the run and
draws the panels with matplotlib at their grid positions. It is a rendering of the dashboard's own queries, not a
Grafana screenshot. Standard library + matplotlib (Debian: python3-matplotlib, prometheus).
"""
import argparse
import datetime
import json
import os
import random
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.gridspec import GridSpec  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DASHBOARD = os.path.join(ROOT, "k8s/components/monitoring/e2ee-dashboard.json")
SERVICES = "vault-service|prompt-response-service"
RATE_INTERVAL = "30s"


def http(method, url, api_key=None, body=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if api_key:
        request.add_header("X-API-Key", api_key)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw.startswith((b"{", b"[")) else None
    except urllib.error.HTTPError as error:
        return error.code, None
    except (urllib.error.URLError, TimeoutError, ConnectionError, json.JSONDecodeError):
        return 0, None


def start_prometheus(vault, prompt, port, workdir):
    config = os.path.join(workdir, "prometheus.yml")
    with open(config, "w") as f:
        f.write(f"""global: {{scrape_interval: 2s, evaluation_interval: 2s}}
scrape_configs:
  - job_name: vault-service
    metrics_path: /api/v1/metrics
    static_configs: [{{targets: ['{urllib.parse.urlparse(vault).netloc}'], labels: {{namespace: e2ee, pod: vault-0}}}}]
  - job_name: prompt-response-service
    metrics_path: /api/v1/metrics
    static_configs: [{{targets: ['{urllib.parse.urlparse(prompt).netloc}'], labels: {{namespace: e2ee, pod: prompt-0}}}}]
""")
    binary = shutil.which("prometheus") or "/usr/bin/prometheus"
    process = subprocess.Popen(
        [binary, f"--config.file={config}", f"--storage.tsdb.path={workdir}/data",
         f"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"],
        stdout=subprocess.DEVNULL, stderr=open(os.path.join(workdir, "prometheus.log"), "w"))
    for _ in range(120):
        if http("GET", f"http://127.0.0.1:{port}/-/ready")[0] == 200:
            return process
        time.sleep(0.5)
    process.terminate()
    process.wait(timeout=30)
    raise SystemExit(f"prometheus did not start: see {workdir}/prometheus.log")


class Load:
    """A few client threads: each loop creates a prompt and an envelope, opens it, replays it, sometimes tampers
    with one, and processes prompts synchronously and asynchronously. Prompt texts are random words, not data."""

    def __init__(self, vault, prompt, api_key):
        self.vault, self.prompt, self.key = vault, prompt, api_key
        self.stop = threading.Event()

    def loop(self):
        while not self.stop.is_set():
            secret = uuid.uuid4().hex
            status, created = http("POST", f"{self.vault}/api/v1/prompts", self.key,
                                   {"promptText": f"render test {uuid.uuid4().hex}", "secret": secret})
            if status != 201:
                time.sleep(0.5)
                continue
            status, envelope = http("POST", f"{self.vault}/api/v1/envelopes", self.key,
                                    {"promptId": created["id"], "secret": secret})
            if status == 201:
                envelope.pop("status", None)
                http("POST", f"{self.prompt}/api/v1/envelopes/decrypt", self.key, {"envelope": envelope})
                if random.random() < 0.3:
                    http("POST", f"{self.prompt}/api/v1/envelopes/decrypt", self.key, {"envelope": envelope})
                if random.random() < 0.2:
                    envelope["id"] = str(uuid.uuid4())
                    http("POST", f"{self.prompt}/api/v1/envelopes/decrypt", self.key, {"envelope": envelope})
            http("POST", f"{self.vault}/api/v1/envelopes", self.key, {"promptId": created["id"], "secret": "wrong"})
            http("POST", f"{self.prompt}/api/v1/prompts/process", self.key, {"promptText": "render test sync"})
            http("POST", f"{self.prompt}/api/v1/prompts/process", self.key,
                 {"promptText": "render test async", "options": {"async": True}})
            time.sleep(random.uniform(0.05, 0.3))

    def burst(self):
        for _ in range(300):
            http("GET", f"{self.vault}/api/v1/prompts", self.key)

    def run(self, seconds, threads):
        workers = [threading.Thread(target=self.loop, daemon=True) for _ in range(threads)]
        for worker in workers:
            worker.start()
        time.sleep(seconds * 0.7)
        self.burst()
        time.sleep(seconds * 0.3)
        self.stop.set()
        for worker in workers:
            worker.join(timeout=60)


def query_range(port, expr, start, end, step):
    expr = (expr.replace("$__rate_interval", RATE_INTERVAL).replace("$namespace", "e2ee")
            .replace("$service", SERVICES))
    params = urllib.parse.urlencode({"query": expr, "start": start, "end": end, "step": step})
    status, body = http("GET", f"http://127.0.0.1:{port}/api/v1/query_range?{params}")
    if status != 200 or body.get("status") != "success":
        print(f"query failed ({status}): {expr}")
        return []
    return body["data"]["result"]


def legend(template, labels):
    text = template
    for key, value in labels.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def draw(dashboard, port, start, end, out):
    panels = dashboard["panels"]
    rows = max(p["gridPos"]["y"] + p["gridPos"]["h"] for p in panels)
    figure = plt.figure(figsize=(24, rows * 0.55))
    grid = GridSpec(rows, 24, figure=figure, hspace=4.0, wspace=1.6, top=0.975, bottom=0.01)
    figure.suptitle(f"{dashboard['title']} — panels rendered from the dashboard's PromQL over a local load run "
                    "(not a Grafana screenshot)", fontsize=16, y=0.995)
    for panel in panels:
        g = panel["gridPos"]
        if panel["type"] == "row":
            ax = figure.add_subplot(grid[g["y"]:g["y"] + 1, :])
            ax.axis("off")
            ax.text(0, 0.2, panel["title"], fontsize=13, fontweight="bold")
            continue
        ax = figure.add_subplot(grid[g["y"]:g["y"] + g["h"] - 1, g["x"]:g["x"] + g["w"]])
        ax.set_title(panel["title"], fontsize=10, loc="left")
        drawn = 0
        for target in panel["targets"]:
            for series in query_range(port, target["expr"], start, end, 4):
                points = [(float(t), float(v)) for t, v in series["values"] if v not in ("NaN", "+Inf", "-Inf")]
                if not points:
                    continue
                times = [datetime.datetime.fromtimestamp(t) for t, _ in points]
                ax.plot(times, [v for _, v in points], linewidth=1.2,
                        label=legend(target.get("legendFormat", ""), series["metric"])[:48])
                drawn += 1
        unit = panel.get("fieldConfig", {}).get("defaults", {}).get("unit", "")
        ax.set_ylabel(unit, fontsize=8)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%H:%M"))
        ax.tick_params(labelsize=7)
        ax.grid(alpha=0.3)
        if drawn:
            ax.legend(fontsize=6, loc="upper left", ncol=1 + drawn // 6)
        else:
            ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes, color="grey")
    figure.savefig(out, dpi=60, bbox_inches="tight")
    print(f"wrote {out}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vault", required=True)
    parser.add_argument("--prompt", required=True)
    parser.add_argument("--api-key", help="the admin API key the built-in load signs in with")
    parser.add_argument("--load-command", help="a shell command that makes the load instead (e.g. bench/bench.sh ...)")
    parser.add_argument("--seconds", type=int, default=150)
    parser.add_argument("--threads", type=int, default=3)
    parser.add_argument("--prometheus-port", type=int, default=9090)
    parser.add_argument("--out", default=os.path.join(ROOT, "docs/grafana/e2ee-dashboard.png"))
    args = parser.parse_args()
    if not args.load_command and not args.api_key:
        parser.error("--api-key is needed for the built-in load (or give --load-command)")
    with open(DASHBOARD) as f:
        dashboard = json.load(f)
    workdir = tempfile.mkdtemp(prefix="e2ee-render-")
    prometheus = start_prometheus(args.vault, args.prompt, args.prometheus_port, workdir)
    try:
        time.sleep(6)
        start = time.time()
        if args.load_command:
            subprocess.run(args.load_command, shell=True, cwd=ROOT, check=True)
        else:
            Load(args.vault, args.prompt, args.api_key).run(args.seconds, args.threads)
        time.sleep(10)
        draw(dashboard, args.prometheus_port, start - 5, time.time(), args.out)
    finally:
        prometheus.terminate()
        prometheus.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
