/** ops-lab's benchmark: replication across nodes and the runway, on the fake Proxmox VE server. */
package dev.ops.bench.lab;
