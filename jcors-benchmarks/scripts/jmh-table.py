#!/usr/bin/env python3
"""Turns a JMH JSON result file (-rf json) into the Markdown tables of docs/performance.md.

Usage: jmh-table.py RESULT.json [RESULT.json ...]

Scores are the median of the measurement iterations (the machine is noisy: the median resists a
disturbed iteration better than the mean), in ns/op; allocations are gc.alloc.rate.norm in B/op
(from -prof gc). When the same benchmark and parameters appear in several files, the last wins.
"""
import json
import statistics
import sys

IMPLS = ["baseline", "jcors", "spring", "tomcat", "jetty", "netty"]
SCENARIOS = ["actual-allowed", "actual-refused", "no-origin",
             "preflight-allowed", "preflight-refused", "preflight-hostile"]


def load(paths):
    rows = {}
    for path in paths:
        with open(path) as f:
            for r in json.load(f):
                name, method = r["benchmark"].rsplit(".", 2)[-2:]
                params = dict(r.get("params", {}), method=method)
                raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
                alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
                key = (name, tuple(sorted(params.items())))
                rows[key] = {"params": params, "median": statistics.median(raw),
                             "min": min(raw), "max": max(raw), "alloc": alloc}
    return rows


def fmt_ns(v):
    return f"{v:,.0f}" if v >= 100 else f"{v:.1f}"


def fmt_b(v):
    if v is None:
        return "?"
    return "0" if v < 0.5 else f"{v:,.0f}"


def row(results, columns, params):
    """One table row: for each column, its result's median (B/op), or an empty cell where the run
    has none; and the medians by column. params(column) gives the JMH parameters of that cell."""
    cells, scores = [], {}
    for column in columns:
        r = results.get(tuple(sorted(params(column).items())))
        if r is None:
            cells.append("")
            continue
        scores[column] = r["median"]
        cells.append(f"{fmt_ns(r['median'])} ({fmt_b(r['alloc'])})")
    return cells, scores


def comparison(rows):
    cmp = {tuple(sorted(k[1])): v for k, v in rows.items() if k[0] == "CorsComparisonBenchmark"}
    if not cmp:
        return
    print("ns/op, median of the iterations (B/op allocated)\n")
    print("| scenario | origins | " + " | ".join(IMPLS) + " | jcors vs fastest other |")
    print("|---|---:|" + "---:|" * len(IMPLS) + "---:|")
    for scenario in SCENARIOS:
        for origins in ["1", "100", "10000"]:
            cells, scores = row(cmp, IMPLS,
                                lambda impl: {"impl": impl, "scenario": scenario, "origins": origins,
                                              "method": "handle"})
            others = [v for k, v in scores.items() if k not in ("baseline", "jcors")]
            ratio = ""
            if "jcors" in scores and others:
                ratio = f"{min(others) / scores['jcors']:.1f}x faster" if min(others) >= scores["jcors"] \
                    else f"**{scores['jcors'] / min(others):.2f}x slower**"
            print(f"| {scenario} | {origins} | " + " | ".join(cells) + f" | {ratio} |")
    print()


def decision(rows):
    """One row per benchmark method, listener, headers and scenario that the results hold: a run
    of one method or one listener prints only those rows."""
    dec = {tuple(sorted(k[1])): v for k, v in rows.items() if k[0] == "CorsDecisionBenchmark"}
    if not dec:
        return
    present = {(v["params"]["method"], v["params"].get("listener", "none")) for v in dec.values()}
    print("ns/op, median of the iterations (B/op allocated)\n")
    print("| method | listener | scenario | headers | 1 origin | 100 origins | 10000 origins | 10000 / 1 |")
    print("|---|---|---|---|---:|---:|---:|---:|")
    for method, listener in sorted(present):
        for headers in ["listed", "reflected"]:
            for scenario in SCENARIOS:
                cells, scores = row(dec, ["1", "100", "10000"],
                                    lambda origins: {"scenario": scenario, "origins": origins,
                                                     "headers": headers, "listener": listener,
                                                     "method": method})
                if not scores:
                    continue
                ratio = f"{scores['10000'] / scores['1']:.2f}" if "1" in scores and "10000" in scores else ""
                print(f"| {method} | {listener} | {scenario} | {headers} | " + " | ".join(cells) + f" | {ratio} |")
    print()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    data = load(sys.argv[1:])
    comparison(data)
    decision(data)
