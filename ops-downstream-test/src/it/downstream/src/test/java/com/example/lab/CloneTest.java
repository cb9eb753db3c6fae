package com.example.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ops.core.Ops;
import dev.ops.pve.PveClient;
import dev.ops.testkit.pve.PveFakeServer;
import dev.ops.testkit.pve.junit.EnablePveFake;
import dev.ops.testkit.pve.junit.PveSeed;
import org.junit.jupiter.api.Test;

/** A user's test of their own tool against the fake Proxmox VE server, as docs/testing.md shows it. */
@EnablePveFake(nodes = {"pve-01", "pve-02"})
class CloneTest {
    @PveSeed
    static void seed(PveFakeServer.Builder b) {
        b.vm(9000, "pve-01", vm -> vm.name("tmpl").template());
    }

    @Test
    void clonesTheTemplate(PveClient client, PveFakeServer server) {
        client.changes(Ops.inMemory()).clone(client.node("pve-01").qemu().vm(9000), c -> c.newId(150)).apply();

        assertTrue(server.guest(150).isPresent());
        assertEquals("pve-01", client.node("pve-01").name());
    }
}
