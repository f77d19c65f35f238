#!/usr/bin/env python3
"""Stalls of the disk that holds PostgreSQL's data while a measurement runs, from /proc/diskstats.

    disk_stalls.py MAJOR:MINOR SECONDS   -> one JSON object on stdout

A stall is a stretch of more than STALL_MS in which I/O requests were in flight and none
completed. Every commit waits for its WAL to reach the disk, so while the disk stalls, every
commit does, the gateway's and pgbench's alike: a latency percentile taken over a window with
stalls says as much about the disk as about what was measured. This only reads counters the
kernel keeps anyway; it adds no I/O of its own.
"""
import json
import sys
import time

STALL_MS = 20
SAMPLE_S = 0.005


def main(device, seconds):
    major, minor = device.split(":")
    with open("/proc/diskstats") as f:
        line = next((l for l in f if l.split()[:2] == [major, minor]), None)
    if line is None:
        print(json.dumps({"device": device, "error": "not in /proc/diskstats"}))
        return
    name = line.split()[2]

    def sample(f):
        f.seek(0)
        for l in f:
            p = l.split()
            if p[2] == name:
                return int(p[3]) + int(p[7]), int(p[11])  # reads + writes completed, I/Os in flight
        raise SystemExit(f"{name} left /proc/diskstats")

    stalls = []
    with open("/proc/diskstats") as f:
        done, _ = sample(f)
        waiting_since = None  # since when requests have been in flight with none completing
        end = time.monotonic() + seconds
        while (now := time.monotonic()) < end:
            completed, in_flight = sample(f)
            if completed != done or in_flight == 0:
                if waiting_since is not None and now - waiting_since > STALL_MS / 1000:
                    stalls.append(now - waiting_since)
                waiting_since = now if in_flight else None
                done = completed
            elif waiting_since is None:
                waiting_since = now
            time.sleep(SAMPLE_S)
        if waiting_since is not None and time.monotonic() - waiting_since > STALL_MS / 1000:
            stalls.append(time.monotonic() - waiting_since)
    print(json.dumps({"device": name, "seconds": seconds, "stall_ms": STALL_MS, "stalls": len(stalls),
                      "longest_ms": round(max(stalls, default=0) * 1000),
                      "total_ms": round(sum(stalls) * 1000)}))


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]))
