///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//DEPS dev.ops:ops-bom:0.1.0-SNAPSHOT@pom
//DEPS dev.ops:ops-lab
//DEPS org.slf4j:slf4j-simple:2.0.17

import dev.ops.lab.cli.OpsCli;

/** The ops command through jbang: {@code bin/jbang docs/examples/ops.java --site cfg/env/site1 runway} (or {@code jbang ops@...}). */
class ops {
    public static void main(String... args) {
        OpsCli.main(args);
    }
}
