package dev.ops.lab.testing;

import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;

/** The fake cluster the lab's tests run against: the test site's three nodes, its template and its protected guests. */
public final class LabFakes {
    private LabFakes() {}

    /** Nodes pve1..pve3; template 9000 on pve1; the lab's database 200 and monitoring 250, running. */
    public static PveFakeServer.Builder cluster() {
        return Fakes.cluster().node("pve3")
                .vm(9000, "pve1", vm -> vm.name("debian-12").template())
                .container(200, "pve1", ct -> ct.name("ops-db").running())
                .container(250, "pve1", ct -> ct.name("monitoring").running());
    }
}
