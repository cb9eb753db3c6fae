package dev.ops.pve.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.json.internal.Json;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A node's status reads load, memory, disks, CPU and kernel as Proxmox VE 9 sends them, and tolerates what it leaves out. */
class NodeStatusTest {

    @Test
    void readsWhatProxmoxVeNineSends() throws IOException {
        NodeStatus s = NodeStatus.from("pve1", dev.ops.proxmox.JsonValue.parse("""
                {"uptime":86400,"cpu":0.0312,"wait":0.0021,"loadavg":["0.52","0.38","0.31"],
                 "memory":{"total":134217728000,"used":8589934592,"free":125627793408,"available":126000000000},
                 "swap":{"total":8589934592,"used":0,"free":8589934592},
                 "rootfs":{"total":100000000000,"used":10000000000,"free":90000000000,"avail":85000000000},
                 "cpuinfo":{"model":"AMD EPYC 7302 16-Core Processor","cpus":32,"sockets":1,"cores":16,"mhz":"3000.000"},
                 "kversion":"Linux 6.14.8-2-pve #1 SMP PREEMPT_DYNAMIC PMX 6.14.8-2 (2025-07-22T10:04Z)",
                 "current-kernel":{"sysname":"Linux","release":"6.14.8-2-pve","machine":"x86_64"},
                 "boot-info":{"mode":"efi","secureboot":1},"pveversion":"pve-manager/9.1.1/42db4a6cf33dac83"}"""));

        assertThat(s.uptime()).hasValue(86400);
        assertThat(s.cpu()).hasValue(0.0312);
        assertThat(s.ioWait()).hasValue(0.0021);
        assertThat(s.loadAverage()).containsExactly(0.52, 0.38, 0.31);
        assertThat(s.memoryTotal()).hasValue(134217728000L);
        assertThat(s.memoryUsed()).hasValue(8589934592L);
        assertThat(s.memoryFree()).hasValue(125627793408L);
        assertThat(s.memoryAvailable()).hasValue(126000000000L);
        assertThat(s.swapTotal()).hasValue(8589934592L);
        assertThat(s.swapUsed()).hasValue(0);
        assertThat(s.rootfsTotal()).hasValue(100000000000L);
        assertThat(s.rootfsUsed()).hasValue(10000000000L);
        assertThat(s.rootfsAvailable()).hasValue(85000000000L);
        assertThat(s.cpuModel()).contains("AMD EPYC 7302 16-Core Processor");
        assertThat(s.cpus()).hasValue(32);
        assertThat(s.sockets()).hasValue(1);
        assertThat(s.cores()).hasValue(16);
        assertThat(s.kernelRelease()).contains("6.14.8-2-pve");
        assertThat(s.bootMode()).contains("efi");
        assertThat(s.secureBoot()).isTrue();
        assertThat(s.pveVersion()).contains("pve-manager/9.1.1/42db4a6cf33dac83");
        assertThat(s.field("cpu")).contains("0.0312");
    }

    @Test
    void anOlderOrSparserAnswerLeavesWhatItLacksEmpty() throws IOException {
        NodeStatus s = NodeStatus.from("pve1", dev.ops.proxmox.JsonValue.parse("""
                {"uptime":"120","loadavg":["0.1","high","0.3"],"memory":{"total":1024},
                 "kversion":"Linux 5.15.108-1-pve #1 SMP PVE 5.15.108-1"}"""));

        assertThat(s.uptime()).as("a number as a string").hasValue(120);
        assertThat(s.loadAverage()).as("one unreadable value").isEmpty();
        assertThat(s.memoryTotal()).hasValue(1024);
        assertThat(s.memoryAvailable()).isEmpty();
        assertThat(s.swapTotal()).isEmpty();
        assertThat(s.rootfsTotal()).isEmpty();
        assertThat(s.cpus()).isEmpty();
        assertThat(s.kernelRelease()).as("from kversion, without current-kernel").contains("5.15.108-1-pve");
        assertThat(s.bootMode()).isEmpty();
        assertThat(s.secureBoot()).isFalse();
    }
}
