package dev.ops.sto.btrfs;

import java.util.List;
import java.util.Objects;

/**
 * A Btrfs quota group, as {@code btrfs qgroup show --raw} reports it.
 *
 * @param id the qgroup id, {@code level/id} (e.g. {@code 0/256}, the subvolume 256's own group)
 * @param referenced bytes referenced
 * @param exclusive bytes only this group references
 * @param parents the ids of the qgroups it belongs to
 */
public record Qgroup(String id, long referenced, long exclusive, List<String> parents) {

    public Qgroup {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
    }
}
