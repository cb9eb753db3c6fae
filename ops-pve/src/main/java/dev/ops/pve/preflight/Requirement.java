package dev.ops.pve.preflight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a Proxmox call requires of the caller, in the shape of the API schema's permission checks:
 * privileges on ACL paths, all of them or any one, combined with "all of" and "one of".
 */
public sealed interface Requirement {

    /** Nothing is required. */
    Requirement NONE = new AllOf(List.of());

    /**
     * Privileges on one ACL path: all of them, or with {@code any} at least one.
     *
     * @param aclPath e.g. {@code /vms/101}
     * @param privileges e.g. {@code [VM.Clone]}
     * @param any whether one of them is enough
     */
    record Privileges(String aclPath, List<String> privileges, boolean any) implements Requirement {
        public Privileges {
            privileges = List.copyOf(privileges);
        }

        @Override
        public String toString() {
            return (privileges.size() == 1 ? privileges.get(0) : (any ? "one of " : "") + privileges) + " on " + aclPath;
        }
    }

    /** Every part is required. */
    record AllOf(List<Requirement> parts) implements Requirement {
        public AllOf {
            parts = List.copyOf(parts);
        }

        @Override
        public String toString() {
            return parts.stream().map(Object::toString).collect(Collectors.joining(" and ", "(", ")"));
        }
    }

    /** One part is enough. */
    record OneOf(List<Requirement> parts) implements Requirement {
        public OneOf {
            parts = List.copyOf(parts);
        }

        @Override
        public String toString() {
            return parts.stream().map(Object::toString).collect(Collectors.joining(" or ", "(", ")"));
        }
    }

    /** A check Proxmox makes that cannot be asked of {@code /access/permissions} (e.g. on the user's groups). */
    record Unchecked(String what) implements Requirement {
        @Override
        public String toString() {
            return what;
        }
    }

    /** {@code privilege} on {@code aclPath}. */
    static Requirement privilege(String aclPath, String privilege) {
        return new Privileges(aclPath, List.of(privilege), false);
    }

    /** All of the parts, flattened: nested "all of"s merge, and a single part stands for itself. */
    static Requirement allOf(Collection<Requirement> parts) {
        List<Requirement> flat = new ArrayList<>();
        for (Requirement p : parts) {
            if (p instanceof AllOf a) {
                flat.addAll(a.parts());
            } else {
                flat.add(p);
            }
        }
        List<Requirement> distinct = List.copyOf(new LinkedHashSet<>(flat));
        return distinct.size() == 1 ? distinct.get(0) : new AllOf(distinct);
    }

    /** One of the parts; a single part stands for itself. */
    static Requirement oneOf(Collection<Requirement> parts) {
        List<Requirement> distinct = List.copyOf(new LinkedHashSet<>(parts));
        return distinct.size() == 1 ? distinct.get(0) : new OneOf(distinct);
    }

    /** The ACL paths whose privileges decide this requirement. */
    default Set<String> aclPaths() {
        Set<String> out = new LinkedHashSet<>();
        switch (this) {
            case Privileges p -> out.add(p.aclPath());
            case AllOf a -> a.parts().forEach(x -> out.addAll(x.aclPaths()));
            case OneOf o -> o.parts().forEach(x -> out.addAll(x.aclPaths()));
            case Unchecked u -> { }
        }
        return out;
    }

    /** The privileges this requirement asks for on {@code aclPath}. */
    default Set<String> privilegesOn(String aclPath) {
        Set<String> out = new LinkedHashSet<>();
        switch (this) {
            case Privileges p -> {
                if (p.aclPath().equals(aclPath)) {
                    out.addAll(p.privileges());
                }
            }
            case AllOf a -> a.parts().forEach(x -> out.addAll(x.privilegesOn(aclPath)));
            case OneOf o -> o.parts().forEach(x -> out.addAll(x.privilegesOn(aclPath)));
            case Unchecked u -> { }
        }
        return out;
    }

    /**
     * What is missing, given the privileges granted on each ACL path: one line per missing privilege
     * (or per unmet alternative), empty when the requirement is met.
     */
    default List<String> missing(Function<String, Set<String>> granted) {
        return switch (this) {
            case Privileges p -> {
                Set<String> have = granted.apply(p.aclPath());
                List<String> lacking = p.privileges().stream().filter(x -> !have.contains(x)).toList();
                if (p.any() && lacking.size() < p.privileges().size()) {
                    yield List.of();
                }
                yield p.any() ? List.of(p.toString()) : lacking.stream().map(x -> x + " on " + p.aclPath()).toList();
            }
            case AllOf a -> a.parts().stream().flatMap(x -> x.missing(granted).stream()).distinct().toList();
            case OneOf o -> o.parts().stream().anyMatch(x -> x.missing(granted).isEmpty()) ? List.of() : List.of(o.toString());
            case Unchecked u -> List.of();
        };
    }

    /** The checks within that preflight cannot make. */
    default List<Unchecked> unchecked() {
        return switch (this) {
            case Privileges p -> List.of();
            case AllOf a -> a.parts().stream().flatMap(x -> x.unchecked().stream()).toList();
            case OneOf o -> o.parts().stream().flatMap(x -> x.unchecked().stream()).toList();
            case Unchecked u -> List.of(u);
        };
    }
}
