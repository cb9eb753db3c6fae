package dev.ops.pve.vmid.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ops.core.error.ConflictException;
import dev.ops.core.json.internal.Json;
import dev.ops.core.store.StateStore;
import dev.ops.core.store.Versioned;
import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reservations behind {@link dev.ops.pve.vmid.VmidAllocator}: VMIDs for parallel clones and creates. An id is first reserved in the shared
 * {@link StateStore} with compare-and-set (so two threads or two processes never get the same one),
 * then confirmed free in the cluster ({@code GET /cluster/nextid?vmid=N}). Reservations expire after
 * a TTL, by when the guest exists and the cluster check refuses the id anyway.
 */
public final class VmidReservations {
    private static final Logger LOG = LoggerFactory.getLogger(VmidReservations.class);
    private static final int MAX_TRIES = 10_000;
    private static final String OWNER = ManagementFactory.getRuntimeMXBean().getName();

    private final PveClient client;
    private final StateStore store;
    private final Duration ttl;
    private final Clock clock;

    public VmidReservations(PveClient client, StateStore store, Duration ttl) {
        this(client, store, ttl, Clock.systemUTC());
    }

    public VmidReservations(PveClient client, StateStore store, Duration ttl, Clock clock) {
        this.client = client;
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Reserves the lowest free id from the cluster's next free id upwards. */
    public VmidReservation allocate() {
        return allocateFrom(client.cluster().nextId());
    }

    /** Reserves the lowest free id at or above {@code from}. */
    public VmidReservation allocateFrom(int from) {
        PveIds.requireVmid(from);
        long candidate = from;
        for (int i = 0; i < MAX_TRIES && candidate <= PveIds.MAX_VMID; i++, candidate++) {
            Optional<VmidReservation> r = tryReserve((int) candidate);
            if (r.isPresent()) {
                return r.get();
            }
        }
        throw new ConflictException("vmid", "no free VMID found from " + from + " in " + MAX_TRIES + " tries", true);
    }

    /** Reserves exactly {@code vmid}; throws {@link ConflictException} when it is reserved or taken. */
    public VmidReservation reserve(int vmid) {
        PveIds.requireVmid(vmid);
        return tryReserve(vmid).orElseThrow(() -> new ConflictException("vmid/" + vmid,
                "VMID " + vmid + " is reserved by another allocation or exists in the cluster", false));
    }

    /** Frees a reservation (e.g. after a failed create); the id may be handed out again. */
    public void release(VmidReservation reservation) {
        store.get(reservation.key()).ifPresent(v -> store.compareAndDelete(reservation.key(), v.version()));
    }

    /** Whether {@code vmid} is reserved in the store right now (unexpired). */
    public boolean isReserved(int vmid) {
        return store.get(key(vmid)).map(v -> !expired(v)).orElse(false);
    }

    private Optional<VmidReservation> tryReserve(int vmid) {
        String key = key(vmid);
        Optional<Versioned> current = store.get(key);
        if (current.isPresent() && !expired(current.get())) {
            return Optional.empty();
        }
        long expected = current.map(Versioned::version).orElse(StateStore.ABSENT);
        ObjectNode value = Json.mapper().createObjectNode();
        value.put("owner", OWNER);
        value.put("thread", Thread.currentThread().getName());
        value.put("at", clock.millis());
        if (!store.compareAndSet(key, expected, Json.write(value))) {
            return Optional.empty();
        }
        if (!client.cluster().isFree(vmid)) {
            LOG.debug("VMID {} reserved locally but taken in the cluster, skipping", vmid);
            // Keep the marker: the id is in use anyway, and skipping it spares the next caller a request.
            return Optional.empty();
        }
        return Optional.of(new VmidReservation(vmid, key));
    }

    private boolean expired(Versioned v) {
        try {
            long at = Json.mapper().readTree(v.value()).path("at").asLong(0);
            return clock.millis() - at > ttl.toMillis();
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private String key(int vmid) {
        return "pve/" + client.name().replaceAll("[^A-Za-z0-9._:@\\-]", "_") + "/vmid/" + vmid;
    }
}
