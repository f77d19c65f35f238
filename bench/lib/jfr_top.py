#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording: where the gateway spends its time.

    jfr_top.py RECORDING.jfr [N]

Reads `jfr print --json --events jdk.ExecutionSample` and prints the N (20) hottest methods by
self samples (the top frame), the hottest by total samples (anywhere in the stack), and the share
of self samples by package group.
"""
import collections
import json
import subprocess
import sys


def method_name(frame):
    m = frame["method"]
    return f"{m['type']['name'].replace('/', '.')}.{m['name']}"


GROUPS = [
    ("org.postgresql", "PostgreSQL JDBC driver"),
    ("org.hibernate.validator", "Bean Validation"),
    ("org.hibernate", "Hibernate"),
    ("com.sun.enterprise.resource", "Payara connection pool"),
    ("com.sun.jts", "transactions (JTS)"),
    ("com.sun.enterprise.transaction", "transactions (JTS)"),
    ("org.glassfish.grizzly", "HTTP (Grizzly)"),
    ("org.glassfish.jersey", "JAX-RS (Jersey)"),
    ("org.eclipse.yasson", "JSON binding (Yasson)"),
    ("org.glassfish.json", "JSON (Parsson)"),
    ("org.eclipse.parsson", "JSON (Parsson)"),
    ("org.jboss.weld", "CDI (Weld)"),
    ("com.sun.ejb", "EJB container"),
    ("org.glassfish.ejb", "EJB container"),
    ("org.apache.activemq", "ActiveMQ"),
    ("dev.paygate", "paygate"),
    ("org.glassfish.jersey", "JAX-RS (Jersey)"),
    ("org.jvnet.hk2", "HK2 (Jersey's injection)"),
    ("org.glassfish.hk2", "HK2 (Jersey's injection)"),
    ("com.sun.gjc", "Payara JDBC wrappers"),
    ("com.sun.enterprise", "Payara container"),
    ("org.glassfish", "Payara container"),
    ("fish.payara", "Payara container"),
    ("io.opentelemetry", "OpenTelemetry (Payara)"),
    ("java.", "JDK"),
    ("javax.", "JDK"),
    ("jdk.", "JDK"),
    ("sun.", "JDK"),
]


def group_of(name):
    for prefix, group in GROUPS:
        if name.startswith(prefix):
            return group
    return "other: " + ".".join(name.split(".")[:3])


def main(path, n):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "512", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    self_counts = collections.Counter()
    total_counts = collections.Counter()
    groups = collections.Counter()
    owners = collections.Counter()
    for e in events:
        frames = (e["values"].get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        top = method_name(frames[0])
        self_counts[top] += 1
        groups[group_of(top)] += 1
        # The owner: the first frame outside the JDK, so that a HashMap lookup counts for whoever made it.
        owner = next((method_name(f) for f in frames if group_of(method_name(f)) != "JDK"), top)
        owners[group_of(owner)] += 1
        for name in {method_name(f) for f in frames}:
            total_counts[name] += 1
    samples = sum(self_counts.values())
    print(f"{samples} CPU samples (jdk.ExecutionSample) in {path}\n")
    print("Self samples by package group (where the CPU was when sampled):")
    for group, count in groups.most_common():
        print(f"  {100 * count / samples:5.1f}%  {group}")
    print("\nSelf samples by owner (the first frame outside the JDK, so JDK code counts for its caller):")
    for group, count in owners.most_common(15):
        print(f"  {100 * count / samples:5.1f}%  {group}")
    print(f"\nTop {n} methods by self samples:")
    for name, count in self_counts.most_common(n):
        print(f"  {100 * count / samples:5.1f}%  {name}")
    print(f"\nTop {n} paygate methods by total samples (the method or what it calls):")
    ours = [(k, v) for k, v in total_counts.items() if k.startswith("dev.paygate")]
    for name, count in sorted(ours, key=lambda kv: -kv[1])[:n]:
        print(f"  {100 * count / samples:5.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20)
