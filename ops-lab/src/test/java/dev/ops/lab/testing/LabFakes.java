package dev.ops.lab.testing;

import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;

/** The fake cluster the lab's tests run against: the test site's three nodes, its template and its protected guests. */
public final class LabFakes {
    private LabFakes() {}

    /** A VM backup on storage {@code backups}, which every node sees (as a PBS or NFS backup storage is). */
    public static final String ARCHIVE = "backups:backup/vzdump-qemu-101-2026_12_01-00_00_00.vma.zst";

    /** Nodes pve1..pve3; template 9000 on pve1; the lab's database 200 and monitoring 250, running; {@link #ARCHIVE}. */
    public static PveFakeServer.Builder cluster() {
        return withoutTemplates().vm(9000, "pve1", vm -> vm.name("debian-12").template());
    }

    /** {@link #cluster()} before layer L1: no template 9000. */
    public static PveFakeServer.Builder withoutTemplates() {
        // Naming any storage drops the fake's defaults, so the defaults are named too.
        return Fakes.cluster().node("pve3").storage("local", "iso,vztmpl,backup,snippets,import").storage("local-lvm", "images,rootdir")
                .sharedStorage("backups", "backup").volume("pve1", ARCHIVE, 1L << 30)
                .container(200, "pve1", ct -> ct.name("ops-db").running())
                .container(250, "pve1", ct -> ct.name("monitoring").running());
    }
}
