#!/usr/bin/python3
"""The proxmoxer side of the PBS benchmark, run by PbsBenchmark with Debian's /usr/bin/python3.

Usage: proxmoxer_pbs_bench.py HOST:PORT USER TOKEN_NAME TOKEN_SECRET CA_FILE snapshots STORE N
  N sequential GET /admin/datastore/STORE/snapshots through ProxmoxAPI(service='PBS'), each answer
  the list of dicts proxmoxer hands its caller; prints {"seconds": s, "cpu_seconds": c, "count": N, "snapshots": n}
  (c: the CPU time of this process over the N listings, time.process_time)
"""
import json
import sys
import time

from proxmoxer import ProxmoxAPI


def main():
    hostport, user, token_name, secret, ca_file, mode = sys.argv[1:7]
    host, port = hostport.rsplit(":", 1)
    api = ProxmoxAPI(host, port=int(port), service="PBS", user=user, token_name=token_name, token_value=secret,
                     verify_ssl=ca_file, timeout=60)
    if mode != "snapshots":
        raise SystemExit("unknown mode " + mode)
    store, n = sys.argv[7], int(sys.argv[8])
    listed = api.admin.datastore(store).snapshots.get()  # warm-up: connection and TLS session
    start = time.perf_counter()
    cpu_start = time.process_time()
    for _ in range(n):
        listed = api.admin.datastore(store).snapshots.get()
    cpu = time.process_time() - cpu_start
    print(json.dumps({"seconds": time.perf_counter() - start, "cpu_seconds": cpu, "count": n, "snapshots": len(listed)}))


if __name__ == "__main__":
    main()
