"""Walks the fake with proxmoxer (Debian's python3-proxmoxer), as an operator's script would.

Arguments: host port user token_name token_value node. Prints one JSON object with what it saw;
any HTTP error from the fake ends the walk with the exception on stderr (exit 1).
"""
import json
import sys
import time

import urllib3
from proxmoxer import ProxmoxAPI

urllib3.disable_warnings()

host, port, user, token_name, token_value, node = sys.argv[1:7]
pve = ProxmoxAPI(host, port=int(port), user=user, token_name=token_name, token_value=token_value,
                 verify_ssl=False, timeout=10)


def wait(upid):
    for _ in range(500):
        status = pve.nodes(node).tasks(upid).status.get()
        if status["status"] == "stopped":
            return status.get("exitstatus")
        time.sleep(0.01)
    raise RuntimeError("task did not end: " + upid)


seen = {}
seen["version"] = pve.version.get()["version"]
seen["nodes"] = [n["node"] for n in pve.nodes.get()]
seen["realms"] = sorted(d["realm"] for d in pve.access.domains.get())
seen["users"] = sorted(u["userid"] for u in pve.access.users.get())
seen["vms"] = sorted(v["vmid"] for v in pve.nodes(node).qemu.get())
seen["resources"] = len(pve.cluster.resources.get(type="vm"))
seen["clone"] = wait(pve.nodes(node).qemu(9000).clone.post(newid=120, name="pxr-01", full=1))
pve.nodes(node).qemu(120).config.put(cores=2, memory=2048)
seen["cores"] = pve.nodes(node).qemu(120).config.get()["cores"]
seen["start"] = wait(pve.nodes(node).qemu(120).status.start.post())
seen["status"] = pve.nodes(node).qemu(120).status.current.get()["status"]
seen["snapshot"] = wait(pve.nodes(node).qemu(120).snapshot.post(snapname="before"))
seen["snapshots"] = sorted(s["name"] for s in pve.nodes(node).qemu(120).snapshot.get())
seen["stop"] = wait(pve.nodes(node).qemu(120).status.stop.post())
seen["storage"] = sorted(s["storage"] for s in pve.nodes(node).storage.get())
seen["content"] = len(pve.nodes(node).storage("local").content.get())
seen["tasks"] = len(pve.nodes(node).tasks.get(limit=10))
seen["appliances"] = len(pve.nodes(node).aplinfo.get())
seen["delete"] = wait(pve.nodes(node).qemu(120).delete())
seen["vms_after"] = sorted(v["vmid"] for v in pve.nodes(node).qemu.get())
print(json.dumps(seen))
