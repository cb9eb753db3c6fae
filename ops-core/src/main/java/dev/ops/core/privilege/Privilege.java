package dev.ops.core.privilege;

import java.util.Locale;

/** Something a plan needs on a host before it may run. */
public sealed interface Privilege {

    /** Root: effective uid 0, or passwordless sudo. */
    static Privilege root() {
        return Root.INSTANCE;
    }

    /** A Linux capability in the effective set, e.g. {@code CAP_NET_ADMIN} (root with passwordless sudo also has it). */
    static Privilege capability(String name) {
        return new Capability(name.toUpperCase(Locale.ROOT).startsWith("CAP_") ? name.toUpperCase(Locale.ROOT) : "CAP_" + name.toUpperCase(Locale.ROOT));
    }

    /** A program on the PATH, e.g. {@code ip} or {@code visudo}. */
    static Privilege program(String name) {
        return new Program(name);
    }

    /** Root, directly or through sudo. */
    enum Root implements Privilege {
        INSTANCE;

        @Override
        public String toString() {
            return "root";
        }
    }

    /** A capability by its {@code CAP_*} name. */
    record Capability(String name) implements Privilege {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A program that must be installed. */
    record Program(String name) implements Privilege {
        @Override
        public String toString() {
            return "program " + name;
        }
    }
}
