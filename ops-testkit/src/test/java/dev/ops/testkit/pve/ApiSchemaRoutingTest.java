package dev.ops.testkit.pve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.testkit.pve.internal.ApiSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The routing trie finds every schema path and decodes its parameters. */
class ApiSchemaRoutingTest {

    private final ApiSchema schema = ApiSchema.pve();

    @Test
    void everySchemaPathRoutesBackToItsOwnTemplate() {
        List<String> wrong = new ArrayList<>();
        for (String template : schema.templates()) {
            String concrete = template.replaceAll("\\{([^}]+)\\}", "p-$1");
            String routed = schema.route(concrete).map(ApiSchema.Route::template).orElse("<none>");
            if (!routed.equals(template)) {
                wrong.add(concrete + " -> " + routed + " (expected " + template + ")");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(schema.templates()).hasSize(435);
    }

    @Test
    void literalSegmentWinsOverAParameterAtTheSameLevel() {
        assertThat(schema.route("/nodes/pve-01/qemu/100/status/current").orElseThrow().template())
                .isEqualTo("/nodes/{node}/qemu/{vmid}/status/current");
        assertThat(schema.route("/nodes/pve-01/qemu/100/snapshot/s1/rollback").orElseThrow().template())
                .isEqualTo("/nodes/{node}/qemu/{vmid}/snapshot/{snapname}/rollback");
    }

    @Test
    void pathParametersArePercentDecoded() {
        var route = schema.route("/nodes/pve-01/storage/local/content/local%3Aiso%2Fdebian%2B13.iso").orElseThrow();
        assertThat(route.pathParams()).containsEntry("volume", "local:iso/debian+13.iso").containsEntry("node", "pve-01");
    }

    @Test
    void unknownShapesDoNotRoute() {
        assertThat(schema.route("/nodes/pve-01/qemu/100/frobnicate")).isEmpty();
        assertThat(schema.route("/")).isEmpty();
    }
}
