package dev.ops.pve.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ops.core.json.internal.Json;
import dev.ops.proxmox.internal.ProxmoxJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever Proxmox sends in a list entry (known fields in odd shapes, fields ops never heard of,
 * nested values), reading it never fails, and every field it did not type stays readable.
 */
class LenientReadingPropertiesTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> KNOWN = List.of("id", "type", "node", "vmid", "name", "status", "template", "maxcpu",
            "cpu", "mem", "maxmem", "uptime", "netin", "tags", "lock", "hastate", "pool", "storage");

    @Provide
    Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(F::textNode),
                Arbitraries.longs().map(F::numberNode),
                Arbitraries.doubles().map(F::numberNode),
                Arbitraries.of(true, false).map(F::booleanNode),
                Arbitraries.just(F.nullNode()));
        return Arbitraries.oneOf(scalars, scalars.list().ofMaxSize(3).map(l -> {
            ArrayNode a = F.arrayNode();
            l.forEach(a::add);
            return (JsonNode) a;
        }), Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5), scalars).as((k, v) -> {
            ObjectNode o = F.objectNode();
            o.set(k, v);
            return (JsonNode) o;
        }));
    }

    @Provide
    Arbitrary<ObjectNode> entries() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(KNOWN), Arbitraries.strings().withCharRange('a', 'z')
                .withChars('-', '_').ofMinLength(1).ofMaxLength(10));
        return Arbitraries.maps(names, values()).ofMaxSize(12).map(m -> {
            ObjectNode o = F.objectNode();
            m.forEach(o::set);
            return o;
        });
    }

    @Property(tries = 300)
    void anEntryOfAnyShapeIsReadAndKeepsWhatItDoesNotType(@ForAll("entries") ObjectNode entry) throws IOException {
        ObjectNode body = F.objectNode();
        body.putArray("data").add(entry);
        List<ClusterResource> read = ProxmoxJson.<List<ClusterResource>>data(ProxmoxJson.listOf(ClusterResource.class))
                .read(new ByteArrayInputStream(Json.write(body)));

        assertThat(read).hasSize(1);
        Map<String, Object> fields = read.get(0).fields();
        entry.fields().forEachRemaining(e -> {
            if (!KNOWN.contains(e.getKey()) && !e.getValue().isNull()) {
                assertThat(fields).as("unknown field %s", e.getKey()).containsKey(e.getKey());
            }
            if (KNOWN.contains(e.getKey()) && e.getValue().isTextual() && List.of("id", "type", "node", "name", "status")
                    .contains(e.getKey())) {
                if (e.getValue().asText().isEmpty()) {
                    assertThat(read.get(0).field(e.getKey())).as("an empty text is absent").isEmpty();
                } else {
                    assertThat(read.get(0).field(e.getKey())).contains(e.getValue().asText());
                }
            }
        });
    }

    @Provide
    Arbitrary<List<ObjectNode>> lists() {
        // Entries drawn from one pool of names, each in an order and with a subset of its own, the
        // way Proxmox's entries share most fields but differ in a few (lock, hastate, pool...).
        Arbitrary<List<String>> pool = Arbitraries.of(KNOWN).list().ofMinSize(1).ofMaxSize(10).uniqueElements()
                .flatMap(known -> Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6).list()
                        .ofMaxSize(3).map(extra -> {
                            List<String> all = new java.util.ArrayList<>(known);
                            extra.stream().filter(x -> !all.contains(x)).forEach(all::add);
                            return all;
                        }));
        return pool.flatMap(names -> Combinators.combine(Arbitraries.shuffle(names), Arbitraries.integers().between(0, 2),
                values().list().ofSize(names.size())).as((order, drop, vals) -> {
                    ObjectNode o = F.objectNode();
                    for (int i = drop; i < order.size(); i++) {
                        o.set(order.get(i), vals.get(i));
                    }
                    return o;
                }).list().ofMinSize(1).ofMaxSize(8));
    }

    @Property(tries = 300)
    void anEntryReadsTheSameWhateverTheEntriesBeforeItLookedLike(@ForAll("lists") List<ObjectNode> entries) throws IOException {
        ObjectNode body = F.objectNode();
        entries.forEach(body.putArray("data")::add);
        List<ClusterResource> together = read(body);

        assertThat(together).hasSize(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            ObjectNode alone = F.objectNode();
            alone.putArray("data").add(entries.get(i));
            assertThat(together.get(i).fields()).as("entry %d: %s", i, entries.get(i)).isEqualTo(read(alone).get(0).fields());
            assertThat(together.get(i).fields().keySet()).as("entry %d", i).containsAll(nonNullKeys(entries.get(i)));
        }
    }

    private static List<ClusterResource> read(ObjectNode body) throws IOException {
        return ProxmoxJson.<List<ClusterResource>>data(ProxmoxJson.listOf(ClusterResource.class))
                .read(new ByteArrayInputStream(Json.write(body)));
    }

    /** The keys whose value reads as something: scalars of any kind and non-empty containers of scalars. */
    private static List<String> nonNullKeys(ObjectNode entry) {
        List<String> keys = new java.util.ArrayList<>();
        entry.fields().forEachRemaining(e -> {
            if (!KNOWN.contains(e.getKey()) && !e.getValue().isNull()) {
                keys.add(e.getKey());
            }
        });
        return keys;
    }
}
