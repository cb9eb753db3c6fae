#!/usr/bin/python3
"""The proxmoxer side of the PVE benchmark, run by PveBenchmark with Debian's /usr/bin/python3.

Usage: proxmoxer_bench.py HOST:PORT USER TOKEN_NAME TOKEN_SECRET CA_FILE MODE ARG...
  resources N                 N sequential GET /cluster/resources;
                              prints {"seconds": s, "count": N}
  task NODE VMID INTERVAL     starts the guest (a task on the fake) and polls its status every
                              INTERVAL seconds until it stopped, as proxmoxer users write it
                              (proxmoxer 1.2 has no waiter; 2.x's Tasks.blocking_status polls
                              the same way, every polling_interval=1 s by default);
                              prints {"posted": epoch_seconds, "seen": epoch_seconds, "polls": n, "upid": ...}
"""
import json
import sys
import time

from proxmoxer import ProxmoxAPI


def main():
    hostport, user, token_name, secret, ca_file, mode = sys.argv[1:7]
    api = ProxmoxAPI(hostport, user=user, token_name=token_name, token_value=secret, verify_ssl=ca_file, timeout=30)
    if mode == "resources":
        n = int(sys.argv[7])
        api.cluster.resources.get()  # warm-up: connection and TLS session
        start = time.perf_counter()
        for _ in range(n):
            api.cluster.resources.get()
        print(json.dumps({"seconds": time.perf_counter() - start, "count": n}))
    elif mode == "task":
        node, vmid, interval = sys.argv[7], sys.argv[8], float(sys.argv[9])
        upid = api.nodes(node).qemu(vmid).status.start.post()
        posted = time.time()
        polls = 0
        while True:
            status = api.nodes(node).tasks(upid).status.get()
            polls += 1
            if status.get("status") == "stopped":
                break
            time.sleep(interval)
        print(json.dumps({"seen": time.time(), "posted": posted, "polls": polls, "upid": upid, "exitstatus": status.get("exitstatus")}))
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main()
