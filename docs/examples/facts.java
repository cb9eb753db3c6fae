///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//DEPS dev.ops:ops-bom:0.1.0-SNAPSHOT@pom
//DEPS dev.ops:ops-core
//DEPS org.slf4j:slf4j-simple:2.0.17

import dev.ops.core.Ops;
import dev.ops.core.facts.BasicFacts;
import dev.ops.core.file.ManagedFile;
import dev.ops.core.host.LocalHost;

/** A jbang script: facts about this machine and the dry-run of a change, as a script would use ops. */
class facts {
    public static void main(String... args) {
        var host = LocalHost.create();
        var facts = BasicFacts.of(host);
        System.out.printf("%s runs %s with %d MiB available%n", facts.hostname(), facts.kernel(), facts.memAvailableBytes() >> 20);

        var plan = ManagedFile.on(host, Ops.inMemory()).path("/etc/issue.net").content("ops lab\n").asRoot().present().plan();
        System.out.print(plan.render());
        if (!plan.change().contains("/etc/issue.net")) {
            throw new AssertionError("unexpected plan: " + plan.change());
        }
    }
}
