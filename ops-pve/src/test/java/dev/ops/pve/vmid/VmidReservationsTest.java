package dev.ops.pve.vmid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ConflictException;
import dev.ops.core.store.FileStateStore;
import dev.ops.core.store.InMemoryStateStore;
import dev.ops.pve.PveClient;
import dev.ops.pve.vmid.internal.VmidReservations;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class VmidReservationsTest {
    private final PveFakeServer pve = Fakes.cluster().start();
    private final PveClient client = Fakes.client(pve);

    @AfterEach
    void stop() {
        pve.close(); // strict: fails on any request the real API would refuse
    }

    @Test
    void skipsIdsTheClusterHasTaken() {
        pve.seed(b -> b.vm(100, "pve1").vm(102, "pve1"));
        VmidReservations a = new VmidReservations(client, InMemoryStateStore.create(), Duration.ofHours(1));
        assertThat(a.allocateFrom(100).vmid()).isEqualTo(101);
        assertThat(a.allocateFrom(100).vmid()).isEqualTo(103);
        assertThat(Fakes.calls(pve, "GET", "/cluster/nextid")).anySatisfy(r -> assertThat(r.param("vmid")).contains("103"));
    }

    @Test
    void neverHandsOutTheSameIdTwiceToParallelCallersSharingAStore(@TempDir Path dir) throws Exception {
        // Two allocators with their own clients over one crash-safe file store stand for two processes.
        try (FileStateStore store = FileStateStore.open(dir)) {
            VmidReservations a = new VmidReservations(client, store, Duration.ofHours(1));
            VmidReservations b = new VmidReservations(Fakes.client(pve), store, Duration.ofHours(1));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    VmidReservations which = i % 2 == 0 ? a : b;
                    futures.add(pool.submit(() -> which.allocate().vmid()));
                }
                Set<Integer> ids = new HashSet<>();
                for (Future<Integer> f : futures) {
                    assertThat(ids.add(f.get())).as("unique").isTrue();
                }
                assertThat(ids).hasSize(40);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void reservingAnIdTakenElsewhereIsAConflict() {
        VmidReservations a = new VmidReservations(client, InMemoryStateStore.create(), Duration.ofHours(1));
        a.reserve(150);
        assertThatThrownBy(() -> a.reserve(150)).isInstanceOf(ConflictException.class).hasMessageContaining("150");
    }

    @Test
    void anExpiredReservationCanBeTakenAgain() {
        var store = InMemoryStateStore.create();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        new VmidReservations(client, store, Duration.ofMinutes(10), Clock.fixed(t0, ZoneOffset.UTC)).reserve(150);
        VmidReservations later = new VmidReservations(client, store, Duration.ofMinutes(10), Clock.fixed(t0.plusSeconds(3600), ZoneOffset.UTC));
        assertThat(later.isReserved(150)).isFalse();
        assertThat(later.reserve(150).vmid()).isEqualTo(150);
    }

    @Test
    void releaseFreesTheId() {
        VmidReservations a = new VmidReservations(client, InMemoryStateStore.create(), Duration.ofHours(1));
        var r = a.reserve(150);
        a.release(r);
        assertThat(a.isReserved(150)).isFalse();
    }

    @Test
    void outOfRangeStartsAreRefused() {
        VmidReservations a = new VmidReservations(client, InMemoryStateStore.create(), Duration.ofHours(1));
        assertThatThrownBy(() -> a.allocateFrom(5)).isInstanceOf(dev.ops.core.error.ValidationException.class);
    }
}
