package dev.ops.testkit.pve;

import dev.ops.testkit.pve.internal.ApiSchema;
import java.util.Optional;
import java.util.Set;

/**
 * The Proxmox VE API schema the fake enforces (PVE 9.1's API viewer data, from the ops-pve-schema artifact, whose
 * NOTICE says where it comes from and under which licence), for tests that check their own tables against it, e.g.
 * which privileges a call needs.
 */
public final class PveApiSchema {
    private static final PveApiSchema PVE = new PveApiSchema(ApiSchema.pve());
    private final ApiSchema schema;

    private PveApiSchema(ApiSchema schema) {
        this.schema = schema;
    }

    /** The PVE 9.1 schema, loaded once. */
    public static PveApiSchema pve() {
        return PVE;
    }

    /** Every path template, e.g. {@code /nodes/{node}/qemu/{vmid}/clone}. */
    public Set<String> templates() {
        return schema.templates();
    }

    /**
     * The schema entry of a method on a template as JSON text ({@code parameters}, {@code permissions},
     * {@code returns}, ...), or empty when the API has no such method.
     */
    public Optional<String> method(String method, String template) {
        return schema.endpoint(method, template).map(e -> e.info().toString());
    }

    /** The template a concrete path (below {@code /api2/json}, segments URL-encoded) routes to, or empty. */
    public Optional<String> templateOf(String path) {
        return schema.route(path).map(ApiSchema.Route::template);
    }
}
