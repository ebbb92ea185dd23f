#!/usr/bin/env python3
"""Per JMH cell of a -rf json result: the median of each fork's iterations, and their median.

    python3 jcors-benchmarks/scripts/jmh-forks.py target/scale.json

Runs with several forks scatter between forks more than within one (each fork compiles the code
anew); the median of the fork medians is the figure docs/performance.md quotes for them.
"""
import json
import statistics
import sys

for path in sys.argv[1:]:
    with open(path) as f:
        results = json.load(f)
    for cell in results:
        params = ", ".join(f"{k}={v}" for k, v in sorted(cell.get("params", {}).items()))
        forks = [statistics.median(fork) for fork in cell["primaryMetric"]["rawData"]]
        unit = cell["primaryMetric"]["scoreUnit"]
        print(
            f"{cell['benchmark'].rsplit('.', 1)[-1]} [{params}]: fork medians "
            + ", ".join(f"{m:.1f}" for m in forks)
            + f"; median {statistics.median(forks):.1f} {unit}"
        )
