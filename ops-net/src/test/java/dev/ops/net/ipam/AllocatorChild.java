package dev.ops.net.ipam;

import dev.ops.net.ipam.internal.IpamEngine;
import dev.ops.core.store.FileStateStore;
import java.nio.file.Path;

/** The child JVM of {@link TwoProcessAllocationTest}: allocates COUNT addresses and prints one per line. */
public final class AllocatorChild {
    private AllocatorChild() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String prefix = args[2];
        try (FileStateStore store = FileStateStore.open(dir)) {
            IpamEngine ipam = IpamEngine.create(store, TwoProcessAllocationTest.CONFIG);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < count; i++) {
                out.append(ipam.allocate("n1", Pool.VM, prefix + i).address()).append('\n');
            }
            System.out.print(out);
            System.out.flush();
        }
    }
}
