#!/usr/bin/env python3
"""Turns the measurements of one bench/run (a JSON-lines file) into the report.

    report.py RECORDS.jsonl REPORT_BASE   -> REPORT_BASE.md and REPORT_BASE.json

Each line of RECORDS is one measurement, as bench/run wrote it: kind "meta", "boot", "rss",
"wrk" (endpoint create, create_webhooks, get, list or preflight), "pgbench", "pgbench_paced",
"list_plan" or "webhooks" (the delivery figures of the create_webhooks runs). The targets are
judged here.
"""
import json
import re
import sys

# The targets of issue 4.
TARGET_CREATE_VS_PGBENCH = 0.50      # gateway creates/s at least this share of pgbench tps
TARGET_POST_P99_MS = 25.0            # POST p99 at half the maximum throughput
TARGET_COMPLETION_SLACK_MS = 10.0    # create→completed p99 at most delay + this
TARGET_BOOT_MS = 10_000
CDS_NOTE = {
    "mapped": "class-data archive mapped",
    "recording": "no class-data archive yet: this start records it (the first start of a build)",
    "off": "class-data archive off (BENCH_CDS=off)",
}
TARGET_RSS_MB = 600
TARGET_LIST_SAME = 0.80              # list requests/s on the large table at least this share of the small
# Webhooks.
TARGET_WEBHOOK_LAG_P99_MS = 1000.0   # event created → receiver got it, p99, at half the maximum
TARGET_WEBHOOK_CREATE_DROP = 0.10    # creates/s with webhooks on at most this much below without

OTHER_CPU_WARN = 0.10                # CPU taken by processes other than gateway, PostgreSQL and wrk


def rps(w):
    """Requests per second that succeeded (wrk counts non-2xx statuses as status errors)."""
    return (w["requests"] - w["errors"]["status"]) / (w["duration_us"] / 1e6)


def ms(us):
    return us / 1000.0


def errors_of(w):
    return sum(w["errors"].values())


def fmt(x, digits=1):
    if x is None:
        return "—"
    if isinstance(x, (int,)) or (isinstance(x, float) and x >= 100):
        return f"{x:,.0f}"
    return f"{x:,.{digits}f}"


def verdict(ok):
    return "**pass**" if ok else "**FAIL**"


def main(records_path, base):
    records = [json.loads(line) for line in open(records_path) if line.strip()]
    meta = next(r for r in records if r["kind"] == "meta")
    default_delay = meta["default_delay_ms"]
    runs = [r for r in records if r["kind"] == "wrk"]

    def wrk_rows(endpoint, **match):
        rows = [r for r in runs if r["endpoint"] == endpoint and all(r.get(k) == v for k, v in match.items())]
        return sorted(rows, key=lambda r: r["conns"])

    def row_json(r):
        w = r["wrk"]
        out = {
            "conns": r["conns"], "seconds": r["seconds"], "mode": r["mode"],
            "requests": w["requests"], "requests_per_s": round(rps(w), 1),
            "latency_ms": {k: round(ms(w["latency_us"][k]), 3) for k in ("p50", "p90", "p99", "p999", "max", "mean")},
            "errors": w["errors"], "errors_total": errors_of(w),
        }
        if "cpu" in w:
            out["cpu_share"] = w["cpu"]
        if w.get("disk"):
            out["disk_stalls"] = w["disk"]
        if r.get("target_rate"):
            out["target_rate"] = r["target_rate"]
        if "completion" in r:
            out["completion"] = r["completion"]
        if r.get("label"):
            out["label"] = r["label"]
        return out

    delays = sorted({r["delay_ms"] for r in runs if r["endpoint"] == "create"}, key=lambda d: d != default_delay)
    create = {d: wrk_rows("create", delay_ms=d, mode="closed") for d in delays}
    paced = {d: wrk_rows("create", delay_ms=d, mode="paced") for d in delays}
    gets = wrk_rows("get")
    preflights = wrk_rows("preflight")
    list_sizes = sorted({r["label"] for r in runs if r["endpoint"] == "list"}, key=lambda s: int(s.split()[0]))
    lists = {f"{int(s.split()[0]):,} rows": wrk_rows("list", label=s) for s in list_sizes}
    list_sizes = list(lists)
    pgbench = sorted([r for r in records if r["kind"] == "pgbench"], key=lambda r: r["conns"])
    pgbench_paced = {r["rate"]: r for r in records if r["kind"] == "pgbench_paced"}
    boots = [r for r in records if r["kind"] == "boot"]
    rss = [r for r in records if r["kind"] == "rss"]
    plans = [r for r in records if r["kind"] == "list_plan"]
    hooks = webhooks_json(next((r for r in records if r["kind"] == "webhooks"), None), runs, row_json)

    error_total = sum(errors_of(r["wrk"]) for r in runs)
    errored_runs = [r for r in runs if errors_of(r["wrk"]) > 0]

    # Gateway creates/s against pgbench tps at equal client counts.
    pg_by_conns = {r["conns"]: r for r in pgbench}
    ratio = []
    for r in create.get(default_delay, []):
        pg = pg_by_conns.get(r["conns"])
        entry = {"conns": r["conns"], "gateway_creates_per_s": round(rps(r["wrk"]), 1),
                 "pgbench_tps": pg["tps"] if pg else None,
                 "ratio": round(rps(r["wrk"]) / pg["tps"], 3) if pg else None}
        for d in delays:
            if d != default_delay:
                other = next((o for o in create[d] if o["conns"] == r["conns"]), None)
                entry[f"gateway_creates_per_s_delay_{d}"] = round(rps(other["wrk"]), 1) if other else None
        ratio.append(entry)

    # ---- targets
    targets = []

    def target(name, goal, measured, ok, note=""):
        targets.append({"target": name, "goal": goal, "measured": measured, "pass": ok, "note": note})

    ratios = [e for e in ratio if e["ratio"] is not None]
    if ratios:
        worst = min(ratios, key=lambda e: e["ratio"])
        best_gw = max(ratios, key=lambda e: e["gateway_creates_per_s"])
        best_pg = max(pgbench, key=lambda r: r["tps"])
        peak = best_gw["gateway_creates_per_s"] / best_pg["tps"]
        target("creates/s vs pgbench tps", f"≥ {TARGET_CREATE_VS_PGBENCH:.0%} at each client count",
               "; ".join(f"{e['ratio']:.0%} at {e['conns']}" for e in ratios),
               all(e["ratio"] >= TARGET_CREATE_VS_PGBENCH for e in ratios),
               f"lowest {worst['ratio']:.0%} at {worst['conns']}; peak to peak {peak:.0%} "
               f"({best_gw['gateway_creates_per_s']:,.0f} creates/s at {best_gw['conns']} vs "
               f"{best_pg['tps']:,.0f} tps at {best_pg['conns']}); delay {default_delay} ms"
               + ceiling_note(gets, preflights, best_pg))

    closed = create.get(default_delay, [])
    if closed:
        best = max(rps(r["wrk"]) for r in closed)
        half = best / 2
        nearest = min(closed, key=lambda r: abs(rps(r["wrk"]) - half))
        nearest_note = (f"closed-loop run nearest half the max ({half:,.0f}/s): {nearest['conns']} connections at "
                        f"{rps(nearest['wrk']):,.0f}/s, p99 {ms(nearest['wrk']['latency_us']['p99']):.1f} ms")
        p = paced.get(default_delay, [])
        if p:
            pr = p[-1]
            p99 = ms(pr["wrk"]["latency_us"]["p99"])
            target("POST p99 at half the max throughput", f"≤ {TARGET_POST_P99_MS:.0f} ms",
                   f"{p99:.1f} ms at {rps(pr['wrk']):,.0f}/s (paced, target {pr['target_rate']}/s, "
                   f"{pr['conns']} connections)",
                   p99 <= TARGET_POST_P99_MS,
                   "fixed rate with wrk + a Lua delay() (wrk2 is not packaged here): latency from the "
                   "actual send, no coordinated-omission correction. " + floor_note(pr, pgbench_paced)
                   + "Also the " + nearest_note)
        else:
            p99 = ms(nearest["wrk"]["latency_us"]["p99"])
            target("POST p99 at half the max throughput", f"≤ {TARGET_POST_P99_MS:.0f} ms", f"{p99:.1f} ms",
                   p99 <= TARGET_POST_P99_MS, "no fixed-rate run: " + nearest_note)

    for d in delays:
        p = paced.get(d, [])
        basis = p[-1] if p else None
        if basis and basis["completion"]["p99_ms"] is not None:
            c = basis["completion"]
            goal = d + TARGET_COMPLETION_SLACK_MS
            all_done = c["completed"] == c["payments"]
            target(f"create→completed p99, delay {d} ms", f"≤ {goal:.0f} ms",
                   f"p50 {c['p50_ms']:.1f} ms, p99 {c['p99_ms']:.1f} ms",
                   c["p99_ms"] <= goal and all_done,
                   f"the {c['payments']:,} payments of the paced run at {basis['target_rate']}/s (half the max)"
                   + ("" if all_done else f"; only {c['completed']:,} completed") + ". "
                   + floor_note(basis, pgbench_paced))

    if hooks:
        d, lag = hooks["delay_ms"], hooks["paced"]["delivery"]
        all_there = lag["events_delivered"] >= lag["events_expected"]
        p99 = lag["lag_ms"]["p99"]
        target("webhook lag p99 at half the max throughput", f"≤ {TARGET_WEBHOOK_LAG_P99_MS / 1000:.0f} s",
               f"p50 {fmt(lag['lag_ms']['p50'])} ms, p99 {fmt(p99)} ms",
               p99 is not None and p99 <= TARGET_WEBHOOK_LAG_P99_MS and all_there,
               f"event created → receiver got it, {lag['events_delivered']:,} of {lag['events_expected']:,} "
               f"events, {fmt(lag['deliveries_per_s'])} deliveries/s, creates paced at {hooks['rate']}/s on "
               f"{hooks['conns']} connections, delay {d} ms" + ("" if all_there else "; **not every event arrived**"))
        change = hooks["closed"]["creates_change"]
        if change is not None:
            on, off = hooks["closed"]["create"], hooks["closed"]["create_without"]
            target("creates/s with webhooks on", f"at most {TARGET_WEBHOOK_CREATE_DROP:.0%} fewer than without",
                   f"{on['requests_per_s']:,.0f} vs {off['requests_per_s']:,.0f}/s ({change:+.1%})",
                   change >= -TARGET_WEBHOOK_CREATE_DROP,
                   f"closed loop, {on['conns']} connections, delay {d} ms; one run each: without in the create "
                   "series, with after it")

    for b in boots:
        target(f"boot to ready, gateway {b['gateway']} (delay {b['delay_ms']} ms)", f"≤ {TARGET_BOOT_MS / 1000:.0f} s",
               f"{b['boot_ms'] / 1000:.1f} s", b["boot_ms"] <= TARGET_BOOT_MS,
               ("first boot: empty database, migrations run" if b["gateway"] == 1 else "schema already migrated")
               + "; " + CDS_NOTE.get(b.get("cds"), "class-data archive not recorded"))

    for r in rss:
        mb = r["vmrss_kb"] / 1024
        target(f"RSS after load, gateway {r['gateway']} (delay {r['delay_ms']} ms)", f"≤ {TARGET_RSS_MB} MB",
               f"{mb:,.0f} MB", mb <= TARGET_RSS_MB, f"peak (VmHWM) {r['vmhwm_kb'] / 1024:,.0f} MB")

    if len(list_sizes) == 2:
        small, large = (lists[s] for s in list_sizes)
        pairs = [(a, b) for a in small for b in large if a["conns"] == b["conns"]]
        shares = [(a["conns"], rps(b["wrk"]) / rps(a["wrk"])) for a, b in pairs]
        target(f"list page on {list_sizes[1]} as on {list_sizes[0]}",
               f"requests/s ≥ {TARGET_LIST_SAME:.0%} of the small table's at each connection count",
               "; ".join(f"{s:.0%} at {c}" for c, s in shares),
               all(s >= TARGET_LIST_SAME for _, s in shares), "")

    machine = {k: meta[k] for k in ("cores", "cpu", "kernel", "java", "postgres", "wrk")}
    machine["memory_gb"] = round(meta["mem_kb"] / 1024 / 1024, 1)
    machine["load1_at_start"] = meta["load1"]

    report = {
        "stamp": meta["stamp"], "quick": meta["quick"], "commit": meta["commit"], "machine": machine,
        "java_opts": meta.get("java_opts", "-Xmx512m -XX:+UseSerialGC -Xshare:auto"),
        "settings": {k: meta[k] for k in ("conns", "seconds", "warmup_seconds", "wrk_threads", "default_delay_ms")},
        "errors": {"total": error_total,
                   "runs": [{"endpoint": r["endpoint"], "conns": r["conns"], "delay_ms": r["delay_ms"],
                             "errors": r["wrk"]["errors"]} for r in errored_runs]},
        "create": {str(d): [row_json(r) for r in create[d]] for d in delays},
        "create_paced": {str(d): [row_json(r) for r in paced[d]] for d in delays},
        "get": [row_json(r) for r in gets],
        "preflight": [row_json(r) for r in preflights],
        "list": {s: [row_json(r) for r in lists[s]] for s in list_sizes},
        "list_plans": [{"rows": p["rows"], "execution_ms": plan_ms(p["plan"]), "plan": p["plan"]} for p in plans],
        "pgbench": [{k: r[k] for k in ("conns", "seconds", "tps", "latency_avg_ms")} for r in pgbench],
        "pgbench_paced": [{k: r.get(k) for k in ("rate", "conns", "seconds", "latency", "disk")}
                          for r in sorted(pgbench_paced.values(), key=lambda r: r["rate"])],
        "creates_vs_pgbench": ratio,
        "boot": [{k: b.get(k) for k in ("gateway", "delay_ms", "boot_ms", "cds")} for b in boots],
        "rss": [{"gateway": r["gateway"], "delay_ms": r["delay_ms"], "vmrss_mb": round(r["vmrss_kb"] / 1024, 1),
                 "vmhwm_mb": round(r["vmhwm_kb"] / 1024, 1)} for r in rss],
        "webhooks": hooks,
        "targets": targets,
    }
    with open(base + ".json", "w") as f:
        json.dump(report, f, indent=2, ensure_ascii=False)
        f.write("\n")
    with open(base + ".md", "w") as f:
        f.write(markdown(report, default_delay))


def webhooks_json(hooks, runs, row_json):
    """The webhook runs (delay, rate, per run: delivery figures, the creates with webhooks on and the
    same run without), or None when there were none."""
    if not hooks:
        return None
    d = hooks["delay_ms"]

    def create_row(endpoint, mode):
        rows = [r for r in runs if r["endpoint"] == endpoint and r["mode"] == mode and r["delay_ms"] == d
                and r["conns"] == hooks["conns"]]
        return row_json(rows[-1]) if rows else None

    out = {k: hooks[k] for k in ("delay_ms", "conns", "rate", "seconds")}
    for mode in ("paced", "closed"):
        on, off = create_row("create_webhooks", mode), create_row("create", mode)
        out[mode] = {"delivery": hooks[mode], "create": on, "create_without": off,
                     "creates_change": round(on["requests_per_s"] / off["requests_per_s"] - 1, 4)
                     if on and off and off["requests_per_s"] else None}
    return out


def stalls_text(disk):
    """The database disk's stalls during a run, in words."""
    if not disk or "stalls" not in disk:
        return "disk not watched"
    if disk["stalls"] == 0:
        return f"no disk stall over {disk['stall_ms']} ms"
    times = "once" if disk["stalls"] == 1 else f"{disk['stalls']} times"
    return (f"the disk stalled {times} over {disk['stall_ms']} ms, "
            f"{disk['total_ms']:,} ms in all, the longest {disk['longest_ms']:,} ms")


def floor_note(run, pgbench_paced):
    """What the database alone did at a paced run's rate, and how the disk behaved in both runs."""
    note = f"During this run {stalls_text(run['wrk'].get('disk'))}"
    pg = pgbench_paced.get(run["target_rate"])
    if pg:
        lat = pg["latency"]
        note += (f"; the database alone at the same rate (pgbench, one create's commit): p50 {lat['p50_ms']:.1f}, "
                 f"p99 {lat['p99_ms']:.1f}, max {lat['max_ms']:.0f} ms, and {stalls_text(pg.get('disk'))}")
    return note + ". "


def ceiling_note(gets, preflights, best_pg):
    """What lighter requests reach in the same run, against pgbench's best: a create cannot go faster."""
    parts = []
    for what, rows in (("a GET by id (two indexed reads)", gets),
                       ("a CORS preflight (no key, no database)", preflights)):
        if rows:
            top = max(rps(r["wrk"]) for r in rows)
            parts.append(f"{what} at best {top:,.0f}/s = {top / best_pg['tps']:.0%}")
    return ("; lighter requests of the same run: " + ", ".join(parts)) if parts else ""


def plan_ms(plan):
    m = re.search(r"Execution Time: ([0-9.]+) ms", plan)
    return float(m.group(1)) if m else None


def latency_cells(row):
    lat = row["latency_ms"]
    return [fmt(row["requests_per_s"]), fmt(lat["p50"], 2), fmt(lat["p90"], 2), fmt(lat["p99"], 2),
            fmt(lat["max"], 1), str(row["errors_total"]) if row["errors_total"] == 0 else f"**{row['errors_total']}**",
            cpu_cell(row), disk_cell(row.get("disk_stalls"))]


def cpu_cell(row):
    c = row.get("cpu_share")
    if not c:
        return "—"
    other = f"{c['other']:.0%}" if c["other"] <= OTHER_CPU_WARN else f"**{c['other']:.0%}**"
    return f"{c['gateway']:.0%} / {c['postgres']:.0%} / {c['wrk']:.0%} / {other}"


def disk_cell(disk):
    if not disk or "stalls" not in disk:
        return "—"
    return f"{disk['stalls']} / {disk['total_ms']:,} / {disk['longest_ms']:,}"


def table(header, rows, numeric=True):
    align = ["---"] + ["---:" if numeric else "---"] * (len(header) - 1)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def markdown(r, default_delay):
    out = []
    w = out.append
    kind = " (quick)" if r["quick"] else ""
    w(f"# paygate benchmark{kind}: {r['stamp']}\n\n")
    if r["errors"]["total"]:
        w(f"> **⚠ THIS RUN HAD {r['errors']['total']} FAILED REQUESTS** (non-2xx answers, timeouts or socket "
          "errors): its figures are not valid. Runs with errors: "
          + ", ".join(f"{e['endpoint']} at {e['conns']} connections (delay {e['delay_ms']} ms) {e['errors']}"
                      for e in r["errors"]["runs"]) + "\n\n")
    else:
        w("Every request of every measured run succeeded (no non-2xx answer, timeout or socket error).\n\n")
    m = r["machine"]
    s = r["settings"]
    hook_rows = [h[m]["create"] for h in [r.get("webhooks")] if h for m in ("paced", "closed") if h[m]["create"]]
    busy_runs = [row for rows in list(r["create"].values()) + list(r["create_paced"].values()) + [r["get"], r.get("preflight", [])]
                 + list(r["list"].values()) + [hook_rows] for row in rows
                 if row.get("cpu_share") and row["cpu_share"]["other"] > OTHER_CPU_WARN]
    if busy_runs:
        w(f"> **⚠ Other processes took more than {OTHER_CPU_WARN:.0%} of the machine's CPU in {len(busy_runs)} "
          "run(s)** (column \"other\" below): something else ran during the benchmark, so those figures are "
          "low. Run it on a quiet machine.\n\n")
    if m["load1_at_start"] > 1.0:
        w(f"> **⚠ The machine was busy when the run began** (load average {m['load1_at_start']} on "
          f"{m['cores']} cores): other work may have taken CPU from the measurements.\n\n")
    w(f"Machine: {m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB memory; {m['kernel']}; {m['java']}; "
      f"PostgreSQL {m['postgres']}; {m['wrk']}. Gateway commit {r['commit']}, JVM options `{r['java_opts']}`. "
      f"Load generator, gateway and database share the machine. Runs of {s['seconds']} s after a warm-up of "
      f"about {2 * s['warmup_seconds']} s, wrk with {s['wrk_threads']} thread(s), on 127.0.0.1.\n\n")

    w("## Targets\n\n")
    w(table(["target", "goal", "measured", "result", "notes"],
            [[t["target"], t["goal"], t["measured"], verdict(t["pass"]), t["note"]] for t in r["targets"]],
            numeric=False))

    head = ["connections", "requests/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors",
            "CPU gateway / postgres / wrk / other", "disk stalls: count / total / longest ms"]
    for d, rows in r["create"].items():
        note = " (default)" if int(d) == default_delay else ""
        w(f"\n## POST /payments, processing delay {d} ms{note}\n\n")
        w(table(head + ["rows created", "create→completed p50 / p99 ms"],
                [[row["conns"]] + latency_cells(row) + completion_cells(row) for row in rows]))
        for row in r["create_paced"].get(d, []):
            w(f"\nFixed rate {row['target_rate']}/s (half the best above) on {row['conns']} connections: "
              f"{row['requests_per_s']:,.0f} requests/s, p50 {row['latency_ms']['p50']:.2f} ms, "
              f"p90 {row['latency_ms']['p90']:.2f} ms, p99 {row['latency_ms']['p99']:.2f} ms, "
              f"max {row['latency_ms']['max']:.1f} ms, {row['errors_total']} errors, CPU {cpu_cell(row)}; "
              f"create→completed p50 / p99 {completion_cells(row)[1]} ms over {completion_cells(row)[0]} payments; "
              f"{stalls_text(row.get('disk_stalls'))}.\n")

    w("\n## Gateway creates/s against pgbench tps\n\n")
    w("pgbench runs one commit inserting a payment and its first transaction into copies of the gateway's "
      "tables (same indexes and foreign keys), at the same client counts, with no gateway running.\n\n")
    other = [k for k in (r["creates_vs_pgbench"][0] if r["creates_vs_pgbench"] else {}) if k.startswith("gateway_creates_per_s_delay_")]
    w(table(["clients", f"gateway creates/s (delay {default_delay} ms)"]
            + [f"creates/s (delay {k.rsplit('_', 1)[1]} ms)" for k in other] + ["pgbench tps", "ratio"],
            [[e["conns"], fmt(e["gateway_creates_per_s"])] + [fmt(e[k]) for k in other]
             + [fmt(e["pgbench_tps"]), f"{e['ratio']:.0%}" if e["ratio"] is not None else "—"]
             for e in r["creates_vs_pgbench"]]))
    pg_lat = ", ".join(f"{p['latency_avg_ms']} ms at {p['conns']}" for p in r["pgbench"])
    w(f"\npgbench average latency: {pg_lat}.\n")
    if r["pgbench_paced"]:
        w("\n## The database alone at the paced rates\n\n")
        w("The same commit, paced by pgbench at the rates the creates were paced at, on as many clients, "
          "with no gateway running: what any create at that rate waits for at least. Latency from each "
          "commit's actual start, as wrk's. A disk stall holds up every commit while it lasts; how the disk "
          "is watched: bench/README.md.\n\n")
        w(table(["transactions/s", "clients", "transactions", "p50 ms", "p99 ms", "max ms",
                 "disk stalls: count / total / longest ms"],
                [[p["rate"], p["conns"], f"{p['latency']['transactions']:,}", fmt(p["latency"]["p50_ms"], 2),
                  fmt(p["latency"]["p99_ms"], 2), fmt(p["latency"]["max_ms"], 1), disk_cell(p.get("disk"))]
                 for p in r["pgbench_paced"]]))

    if r.get("webhooks"):
        w(webhooks_markdown(r["webhooks"]))

    w(f"\n## GET /payments/{{id}} (delay {default_delay} ms)\n\n")
    w(table(head, [[row["conns"]] + latency_cells(row) for row in r["get"]]))

    if r["preflight"]:
        w("\n## The stack alone: a CORS preflight of POST /payments\n\n")
        w("OPTIONS with `Origin` and `Access-Control-Request-Method`, no API key, answered 204 by the "
          "gateway's pre-matching filter: Grizzly, the servlet container and Jersey's filter chain, with no "
          "authentication, resource method or database. No API request costs the gateway less.\n\n")
        w(table(head, [[row["conns"]] + latency_cells(row) for row in r["preflight"]]))

    w("\n## One list page: GET /payments?merchant_id=merchant_123&limit=20\n\n")
    sizes = list(r["list"].keys())
    if sizes:
        conns = [row["conns"] for row in r["list"][sizes[0]]]
        rows = []
        for c in conns:
            cells = [c]
            for size in sizes:
                row = next((x for x in r["list"][size] if x["conns"] == c), None)
                cells += ([fmt(row["requests_per_s"]), fmt(row["latency_ms"]["p50"], 2),
                           fmt(row["latency_ms"]["p99"], 2), str(row["errors_total"])] if row else ["—"] * 4)
            rows.append(cells)
        w(table(["connections"] + [f"{h} ({size})" for size in sizes for h in ("req/s", "p50 ms", "p99 ms", "errors")], rows))
        plans = "; ".join(f"{p['execution_ms']} ms on {p['rows']:,} rows" for p in r["list_plans"])
        w(f"\nThe page's query in PostgreSQL alone (EXPLAIN ANALYZE of the equivalent SQL): {plans}.\n")

    w("\n## Boot and memory\n\n")
    w(table(["gateway", "processing delay", "class-data archive", "boot to ready", "RSS after load", "peak RSS"],
            [[b["gateway"], f"{b['delay_ms']} ms", b.get("cds") or "—", f"{b['boot_ms'] / 1000:.1f} s"]
             + next(([f"{x['vmrss_mb']:,.0f} MB", f"{x['vmhwm_mb']:,.0f} MB"] for x in r["rss"]
                     if x["gateway"] == b["gateway"]), ["—", "—"]) for b in r["boot"]]))
    w("\nGateway 1 boots on the empty database (Flyway creates the schema); gateway 2 on the migrated one. "
      "Class-data archive: *mapped* when an earlier start of the same build recorded one, *recording* on the "
      "first start of a build (the archive is written when that gateway stops). "
      "How each figure is measured: bench/README.md.\n")
    return "".join(out)


def webhooks_markdown(h):
    out = [f"\n## Webhooks (delay {h['delay_ms']} ms)\n\n",
           "After the create series, one webhook endpoint of merchant_123 (every event type) points at a local "
           "receiver (`lib/WebhookReceiver.java`, answers 200 at once). Creates then run again on "
           f"{h['conns']} connections for {h['seconds']} s: paced at {h['rate']}/s (half the maximum, as the "
           "fixed-rate run above), then closed loop. Each payment makes three events (created, processing, "
           "completed). Lag: the receipt of an event's first delivery minus the event's `created` (taken in the "
           "transaction of the change, so a little before its commit), over the events of the run.\n\n"]
    runs = [(f"paced at {h['rate']}/s", h["paced"]), ("closed loop", h["closed"])]
    rows = []
    for name, run in runs:
        lag, on = run["delivery"], run["create"]
        delivered = f"{lag['events_delivered']:,} / {lag['events_expected']:,}"
        if lag["events_delivered"] < lag["events_expected"]:
            delivered = f"**{delivered}**"
        rows.append([name, fmt(on["requests_per_s"]) if on else "—", delivered, lag["duplicates"],
                     fmt(lag["deliveries_per_s"]), fmt(lag["lag_ms"]["p50"]), fmt(lag["lag_ms"]["p90"]),
                     fmt(lag["lag_ms"]["p99"]), fmt(lag["lag_ms"]["max"]), f"{lag['settle_s']} s"])
    out.append(table(["run", "creates/s", "events delivered / made", "duplicates", "deliveries/s", "lag p50 ms",
                      "lag p90 ms", "lag p99 ms", "lag max ms", "settled"], rows))
    out.append(f"\nLag p99 target at the paced rate: ≤ {TARGET_WEBHOOK_LAG_P99_MS:,.0f} ms. Deliveries/s: the "
               "run's deliveries over the time from its first to its last receipt (about three times its creates/s "
               "when delivery keeps up). Settled: how long, once the run's payments had all finished, the "
               "receiver took to have every event of the run (polled every 0.5 s).\n\n")
    rows = []
    for name, run in runs:
        on, off = run["create"], run["create_without"]
        change = run["creates_change"]
        cells = [name, fmt(off["requests_per_s"]) if off else "—", fmt(on["requests_per_s"]) if on else "—",
                 f"{change:+.1%}" if change is not None else "—"]
        for row in (off, on):
            cells.append(fmt(row["latency_ms"]["p99"], 2) if row else "—")
        for row in (off, on):
            cells.append(fmt(row["completion"]["p99_ms"]) if row and row.get("completion") else "—")
        c = (on or {}).get("cpu_share")
        cells.append(f"{cpu_cell(on)} / {c['receiver']:.0%}" if c and "receiver" in c else cpu_cell(on or {}))
        rows.append(cells)
    out.append(table(["run", "creates/s off", "creates/s on", "change", "POST p99 ms off", "on",
                      "create→completed p99 ms off", "on", "CPU on: gateway / postgres / wrk / other / receiver"],
                     rows))
    out.append(f"\n\"Off\": the same run of the create series above, without an endpoint. Creates/s with webhooks "
               f"on may be at most {TARGET_WEBHOOK_CREATE_DROP:.0%} below (the closed-loop run).\n")
    return "".join(out)


def completion_cells(row):
    c = row.get("completion")
    if not c:
        return ["—", "—"]
    created = f"{c['payments']:,}"
    if c["completed"] != c["payments"]:
        created += f" (**{c['payments'] - c['completed']:,} not completed**)"
    return [created, f"{fmt(c['p50_ms'])} / {fmt(c['p99_ms'])}"]


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
