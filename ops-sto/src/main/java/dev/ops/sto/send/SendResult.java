package dev.ops.sto.send;

import java.util.Objects;

/**
 * What a send moved.
 *
 * @param source the snapshot sent
 * @param target where it was received (a dataset, or a directory for Btrfs)
 * @param expectedBytes what the plan expected to move ({@code zfs send -nP}); -1 when the sender cannot say
 * @param incremental whether only the changes since a base snapshot moved
 * @param resumed whether it went on from a receive resume token
 */
public record SendResult(String source, String target, long expectedBytes, boolean incremental, boolean resumed) {

    public SendResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }
}
