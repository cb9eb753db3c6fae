package dev.ops.examples;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;
import dev.ops.core.facts.BasicFacts;
import dev.ops.core.file.ManagedFile;
import dev.ops.core.fleet.Fleet;
import dev.ops.core.fleet.FleetResult;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import java.time.Duration;
import java.util.List;

/** The taste of the API that README.md quotes; {@code ReadmeTest} keeps the two identical and runs it. */
public final class Taste {
    private Taste() {}

    public static void main(String[] args) {
        // tag::taste[]
        Ops ops = Ops.inMemory();                          // journal, audit and policy; Ops.defaults() keeps them on disk
        Host host = LocalHost.create();                    // or SshHost.builder().host("pve-01").user("root")...build()

        BasicFacts facts = BasicFacts.of(host);            // one round trip
        System.out.println(facts.hostname() + " runs " + facts.kernel());

        Change<String> motd = ManagedFile.on(host, ops)
                .path("/tmp/ops-taste-motd").content("Welcome to the lab\n").mode("0644").present();
        Plan plan = motd.plan();                           // dry-run: the exact steps, nothing changed
        System.out.println(plan.render());                 // or plan.toJson(); secrets are always masked

        Applied<String> done = motd.apply();               // each step's undo is journaled before it runs
        done.rollback();                                   // back to where it was, newest step first

        FleetResult<String> kernels = Fleet.of(List.of(host))
                .parallelism(32).perHostTimeout(Duration.ofSeconds(10))
                .run(h -> h.output("uname", "-r").strip()); // one result per host, failures typed
        System.out.println(kernels.summary());
        // end::taste[]
    }
}
