package dev.ops.pbs;

/**
 * A datastore's space, from {@code GET /admin/datastore/{store}/status}, in bytes.
 *
 * @param total the size of the file system it lies on
 * @param used what is used on it
 * @param available what is left for it
 */
public record DatastoreStatus(long total, long used, long available) {
    /** The used share, 0.0 to 1.0; 0 when the total is unknown. */
    public double usage() {
        return total <= 0 ? 0.0 : (double) used / total;
    }
}
