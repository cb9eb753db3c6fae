package dev.ops.pve.schema;

import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Where the Proxmox VE API schema lies on the class path. The data is Proxmox's, under the AGPL-3.0 (see
 * {@link #NOTICE}); this class only names it.
 */
public final class PveSchemaData {
    /** The PVE 9.1 API viewer tree, gzip-compressed JSON. */
    public static final String RESOURCE = "/dev/ops/pve/schema/pve-apidata.json.gz";
    /** The PVE 8.4 API viewer tree, gzip-compressed JSON. */
    public static final String RESOURCE_PVE8 = "/dev/ops/pve/schema/pve8-apidata.json.gz";
    /** The Proxmox Backup Server 4.2 API viewer tree, gzip-compressed JSON. */
    public static final String PBS_RESOURCE = "/dev/ops/pve/schema/pbs-apidata.json.gz";
    /** Where the data comes from and under which licence. */
    public static final String NOTICE = "/dev/ops/pve/schema/NOTICE";

    private PveSchemaData() {}

    /** The compressed schema, opened; the caller closes it. */
    public static InputStream open() {
        InputStream in = PveSchemaData.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("schema resource missing from the class path: " + RESOURCE));
        }
        return in;
    }
}
