#!/usr/bin/env python3
"""Delivery figures of one webhook run, from the lines lib/WebhookReceiver.java wrote.

    webhook_lag.py LOG FIRST LAST EXPECTED   -> one JSON object on stdout

Lines FIRST..LAST of LOG (1-based, inclusive) are the run's, each
"RECEIVED_EPOCH_MICROS EVENT_ID EVENT_TYPE EVENT_CREATED". An event's lag is the receipt of its
first delivery minus its `created` (gateway and receiver share the machine's clock); a later
delivery of the same id is a duplicate. EXPECTED is the number of events the run made.
"""
import calendar
import json
import re
import sys

ISO = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?Z$")


def epoch_us(iso):
    """An ISO-8601 instant in UTC (`2026-12-03T10:15:02.512345Z`) in epoch microseconds; None if not one."""
    m = ISO.match(iso)
    if not m:
        return None
    seconds = calendar.timegm(tuple(int(g) for g in m.groups()[:6]))
    return seconds * 1_000_000 + int(((m.group(7) or "") + "000000")[:6])


def pct(values, q):
    return values[min(len(values) - 1, int(len(values) * q))] if values else None


def main(log, first, last, expected):
    with open(log) as f:
        lines = [line.split() for n, line in enumerate(f, 1) if first <= n <= last]
    first_receipt = {}  # event id -> (received µs, type, created)
    deliveries = duplicates = unparsed = 0
    received = []
    for fields in lines:
        if len(fields) != 4 or fields[1] == "-":
            unparsed += 1  # no event id: not a delivery of an event
            continue
        at, event, kind, created = int(fields[0]), fields[1], fields[2], fields[3]
        deliveries += 1
        received.append(at)
        if event in first_receipt:
            duplicates += 1
        else:
            first_receipt[event] = (at, kind, created)
    lags, by_type = [], {}
    for at, kind, created in first_receipt.values():
        by_type[kind] = by_type.get(kind, 0) + 1
        c = epoch_us(created)
        if c is None:
            unparsed += 1
        else:
            lags.append((at - c) / 1000)
    lags.sort()
    span_s = (max(received) - min(received)) / 1e6 if len(received) > 1 else None
    r1 = lambda x: None if x is None else round(x, 1)
    print(json.dumps({
        "events_expected": expected, "events_delivered": len(first_receipt),
        "deliveries": deliveries, "duplicates": duplicates, "unparsed": unparsed,
        "by_type": dict(sorted(by_type.items())),
        "lag_ms": {"p50": r1(pct(lags, 0.50)), "p90": r1(pct(lags, 0.90)), "p99": r1(pct(lags, 0.99)),
                   "max": r1(lags[-1] if lags else None)},
        "receipt_span_s": None if span_s is None else round(span_s, 2),
        "deliveries_per_s": r1(deliveries / span_s) if span_s else None,
    }))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
