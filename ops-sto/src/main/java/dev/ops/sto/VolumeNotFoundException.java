package dev.ops.sto;

import dev.ops.core.error.NotFoundException;

/** A volume, dataset, subvolume or snapshot named by the caller does not exist on the host. */
public class VolumeNotFoundException extends NotFoundException {
    private final String field;

    public VolumeNotFoundException(String host, String field, String volume) {
        super(volume, field + ": no such volume on " + host);
        this.field = field;
    }

    /** The field of the request that named the missing volume, e.g. {@code source}. */
    public String field() {
        return field;
    }
}
