package dev.ops.bench.pve;

import dev.ops.testkit.pve.PveFakeServer;
import java.time.Duration;

/**
 * The benchmark's fake cluster: nodes pve-01 and pve-02, 200 guests (VMs and every fourth a
 * container), an API token. Guests 1000, 1002, 1004... are stopped VMs on pve-01, which the task
 * part of the benchmark starts one by one.
 */
final class BenchCluster {
    static final String NODE = "pve-01";
    static final int GUESTS = 200;
    static final int FIRST_VMID = 1000;
    /** Two nodes, their two storages each, and the guests. */
    static final int RESOURCES = 206;

    private BenchCluster() {}

    static PveFakeServer.Builder builder() {
        PveFakeServer.Builder b = PveFakeServer.builder().node(NODE).node("pve-02").token("root@pam", "bench", "bench-secret-0001")
                .taskDuration(Duration.ofMillis(200));
        for (int i = 0; i < GUESTS; i++) {
            int vmid = FIRST_VMID + i;
            String node = i % 2 == 0 ? NODE : "pve-02";
            if (i % 4 == 3) {
                b.container(vmid, node, ct -> ct.set("hostname", "ct-" + vmid).set("rootfs", "local-lvm:4"));
            } else {
                b.vm(vmid, node, vm -> vm.set("name", "vm-" + vmid).set("scsi0", "local-lvm:8"));
            }
        }
        return b;
    }

    /** The {@code n}th stopped VM on {@link #NODE} (0-based): every even offset is one. */
    static int stoppedVm(int n) {
        if (2 * n >= GUESTS) {
            throw new IllegalStateException("ran out of stopped VMs on " + NODE);
        }
        return FIRST_VMID + 2 * n;
    }
}
