#!/usr/bin/env python3
"""Runs a command; prints one JSON line {"seconds", "peak_rss_mb", "status"} on stderr's last line.
usage: measure-cmd.py OUT.json -- COMMAND..."""
import json, resource, subprocess, sys, time

out, cmd = sys.argv[1], sys.argv[sys.argv.index("--") + 1:]
start = time.monotonic()
status = subprocess.call(cmd)
seconds = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
json.dump({"seconds": round(seconds, 2), "peak_rss_mb": round(peak, 1), "status": status}, open(out, "w"))
sys.exit(status)
