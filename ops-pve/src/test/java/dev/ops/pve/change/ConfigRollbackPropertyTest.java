package dev.ops.pve.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.ConfigUpdate;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveAnswer;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Apply then rollback returns a guest's config to exactly where it was, whatever the update. */
class ConfigRollbackPropertyTest {
    private static final List<String> KEYS = List.of("memory", "cores", "onboot", "description", "tags", "serial0", "ciuser", "balloon");
    private static PveFakeServer pve;
    private static PveClient client;
    private static Ops ops;

    @BeforeContainer
    static void start() {
        pve = Fakes.cluster().start();
        client = Fakes.client(pve);
        ops = Ops.inMemory();
    }

    @AfterContainer
    static void stop() {
        pve.close(); // strict: fails on any request the real API would refuse
    }

    /** A value Proxmox accepts for {@code key}, picked by {@code seed}. */
    private static String value(String key, int seed) {
        return switch (key) {
            case "memory" -> String.valueOf(512 + seed * 256);
            case "balloon" -> String.valueOf(seed * 128);
            case "cores" -> String.valueOf(1 + seed % 8);
            case "onboot" -> String.valueOf(seed % 2);
            case "serial0" -> seed % 2 == 0 ? "socket" : "/dev/ttyS0";
            default -> "v" + seed;
        };
    }

    private static Arbitrary<Map<String, String>> valid(int maxSize) {
        return Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.integers().between(0, 20)).ofMaxSize(maxSize).map(m -> {
            Map<String, String> out = new TreeMap<>();
            m.forEach((k, seed) -> out.put(k, value(k, seed)));
            return out;
        });
    }

    @Provide
    Arbitrary<Map<String, String>> configs() {
        return valid(6);
    }

    @Provide
    Arbitrary<ConfigUpdate> updates() {
        var set = valid(4);
        var delete = Arbitraries.of(KEYS).set().ofMaxSize(3);
        return Combinators.combine(set, delete).as((s, d) -> {
            ConfigUpdate.Builder b = ConfigUpdate.builder();
            s.forEach(b::set);
            d.stream().filter(k -> !s.containsKey(k)).forEach(b::remove);
            return b.build();
        });
    }

    @Property(tries = 40)
    void applyThenRollbackRestoresTheConfig(@ForAll("configs") Map<String, String> initial, @ForAll("updates") ConfigUpdate update) {
        pve.reset();
        pve.seed(b -> b.vm(101, "pve1", vm -> {
            vm.name("web");
            initial.forEach(vm::set);
        }));
        Map<String, String> before = pve.guest(101).orElseThrow().config();
        var applied = client.changes(ops).updateConfig(client.node("pve1").qemu().vm(101), update).apply();
        GuestConfig after = applied.value();
        update.values().forEach((k, v) -> assertThat(after.get(k)).contains(v));
        update.delete().forEach(k -> assertThat(after.get(k)).isEmpty());
        applied.rollback();
        assertThat(pve.guest(101).orElseThrow().config()).isEqualTo(before);
        assertThat(pve.violations()).isEmpty();
    }
}
