package dev.ops.testkit.pve.junit;

import dev.ops.testkit.pve.PveFakeServer;

/** A base class as a project would share one: the annotation and a seed. */
@EnablePveFake(nodes = {"pve-01", "pve-02"})
abstract class SeededBase {
    static final StringBuilder ORDER = new StringBuilder();

    @PveSeed
    static void baseSeed(PveFakeServer.Builder b) {
        ORDER.append("base,");
        b.vm(9000, "pve-01", vm -> vm.name("tmpl"));
    }
}
