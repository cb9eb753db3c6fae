package dev.ops.sys.pkg;

import java.util.List;

/**
 * What an install or removal does, exactly as apt simulated it: every package installed,
 * replaced or removed, dependencies included.
 *
 * @param operations the packages in apt's order
 */
public record PackageTransaction(List<PackageOperation> operations) {

    public PackageTransaction {
        operations = List.copyOf(operations);
    }

    /** The operations of one kind. */
    public List<PackageOperation> of(PackageOperation.Kind kind) {
        return operations.stream().filter(o -> o.kind() == kind).toList();
    }

    /** Whether nothing would change. */
    public boolean isEmpty() {
        return operations.isEmpty();
    }
}
