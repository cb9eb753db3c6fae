package dev.ops.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every {@link StateStore} must do; each implementation's test extends this. */
@Timeout(120)
abstract class StateStoreContract {

    abstract StateStore store();

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAbsentKeyHasNoValue() {
        assertThat(store().get("nothing/here")).isEmpty();
    }

    @Test
    void putReturnsGrowingVersionsAndGetSeesTheLatest() {
        assertThat(store().put("a/b", bytes("1"))).isEqualTo(1);
        assertThat(store().put("a/b", bytes("2"))).isEqualTo(2);

        Versioned v = store().get("a/b").orElseThrow();
        assertThat(v.text()).isEqualTo("2");
        assertThat(v.version()).isEqualTo(2);
    }

    @Test
    void compareAndSetWritesOnlyAtTheExpectedVersion() {
        assertThat(store().compareAndSet("k", StateStore.ABSENT, bytes("x"))).isTrue();
        assertThat(store().compareAndSet("k", StateStore.ABSENT, bytes("y"))).isFalse();
        assertThat(store().compareAndSet("k", 1, bytes("z"))).isTrue();

        assertThat(store().get("k").orElseThrow().text()).isEqualTo("z");
    }

    @Test
    void compareAndDeleteRemovesOnlyAtTheExpectedVersion() {
        store().put("d", bytes("x"));

        assertThat(store().compareAndDelete("d", 7)).isFalse();
        assertThat(store().compareAndDelete("d", 1)).isTrue();
        assertThat(store().get("d")).isEmpty();
    }

    @Test
    void listsByPrefixInKeyOrder() {
        store().put("ip/node-02/192.168.2.101", bytes("vm-2"));
        store().put("ip/node-02/192.168.2.100", bytes("vm-1"));
        store().put("ip/node-03/192.168.3.100", bytes("vm-3"));
        store().put("ipx", bytes("other"));

        assertThat(store().list("ip/node-02/").stream().map(StateStore.Entry::key))
                .containsExactly("ip/node-02/192.168.2.100", "ip/node-02/192.168.2.101");
        assertThat(store().list("ip/node-0").stream().map(StateStore.Entry::key)).hasSize(3);
    }

    @Test
    void keysWithOddCharactersRoundTrip() {
        String key = "meta/user@pam!token/%weird:chars+ok=1,.x";
        store().put(key, bytes("v"));

        assertThat(store().list("meta/").stream().map(StateStore.Entry::key)).containsExactly(key);
    }

    @Test
    void refusesMalformedKeys() {
        assertThatThrownBy(() -> store().put("../escape", bytes("x"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'..'");
        assertThatThrownBy(() -> store().put("a//b", bytes("x"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store().put("has space", bytes("x"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void concurrentIncrementsFromManyThreadsLoseNoUpdate() throws Exception {
        int threads = 8;
        int perThread = 50;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        Counter.increment(store(), "counter");
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(store().get("counter").orElseThrow().text()).isEqualTo(Integer.toString(threads * perThread));
    }

    @Test
    void relaxedWritesKeepTheVersionRulesOfDurableOnes() {
        assertThat(store().compareAndSet("r/k", StateStore.ABSENT, bytes("1"), Durability.RELAXED)).isTrue();
        assertThat(store().compareAndSet("r/k", StateStore.ABSENT, bytes("again"), Durability.RELAXED)).isFalse();
        assertThat(store().update("r/k", old -> bytes("2"), Durability.RELAXED)).isEqualTo(bytes("2"));
        assertThat(store().get("r/k").orElseThrow()).satisfies(v -> {
            assertThat(v.text()).isEqualTo("2");
            assertThat(v.version()).isEqualTo(2);
        });
        assertThat(store().compareAndDelete("r/k", 1, Durability.RELAXED)).isFalse();
        assertThat(store().compareAndDelete("r/k", 2, Durability.RELAXED)).isTrue();
        assertThat(store().get("r/k")).isEmpty();
    }
}
