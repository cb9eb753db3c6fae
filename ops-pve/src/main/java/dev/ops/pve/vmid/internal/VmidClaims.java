package dev.ops.pve.vmid.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ops.core.json.internal.Json;
import dev.ops.core.store.StateStore;
import dev.ops.pve.PveClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * VMID reservations made by journaled steps: each is taken for a claim (one per change), so that the
 * step's undo, and the change's result, find it again by the claim alone. Known to {@link
 * dev.ops.core.change.Targets} as {@link #targetName(PveClient)}.
 */
public final class VmidClaims {
    /** How long a reservation keeps an id from other allocators; by then the guest exists and the cluster refuses the id. */
    public static final Duration TTL = Duration.ofHours(1);

    private final PveClient client;
    private final StateStore store;
    private final VmidReservations allocator;

    public VmidClaims(PveClient client, StateStore store) {
        this.client = client;
        this.store = store;
        this.allocator = new VmidReservations(client, store, TTL);
    }

    /** The name under which the claims of {@code client} are known to targets. */
    public static String targetName(PveClient client) {
        return client.name() + "#vmids";
    }

    /** Reserves the lowest free VMID from the cluster's next id upwards for {@code claim}, releasing what the claim held before. */
    public int take(String claim) {
        release(claim);
        VmidReservation r = allocator.allocate();
        ObjectNode v = Json.mapper().createObjectNode();
        v.put("vmid", r.vmid());
        v.put("key", r.key());
        store.put(claimKey(claim), Json.write(v));
        return r.vmid();
    }

    /** Reserves exactly {@code vmid} for {@code claim}, releasing what the claim held before; a conflict when it is reserved or taken. */
    public int reserve(String claim, int vmid) {
        release(claim);
        VmidReservation r = allocator.reserve(vmid);
        ObjectNode v = Json.mapper().createObjectNode();
        v.put("vmid", r.vmid());
        v.put("key", r.key());
        store.put(claimKey(claim), Json.write(v));
        return r.vmid();
    }

    /** Whether {@code vmid} is reserved in the store right now (unexpired). */
    public boolean isReserved(int vmid) {
        return allocator.isReserved(vmid);
    }

    /** Frees the reservation {@code claim} holds, if any; the id may be handed out again. */
    public void release(String claim) {
        Optional<VmidReservation> held = held(claim);
        held.ifPresent(allocator::release);
        store.delete(claimKey(claim));
    }

    /**
     * Frees the reservation {@code claim} holds, reading only the store (a recovery in a fresh JVM
     * that was not given the client): the claim records the reservation's key.
     */
    public static void release(StateStore store, String clientName, String claim) {
        String claimKey = claimKey(clientName, claim);
        store.get(claimKey).ifPresent(v -> {
            try {
                String key = Json.mapper().readTree(v.value()).path("key").asText();
                if (!key.isEmpty()) {
                    store.delete(key);
                }
            } catch (IOException unreadable) {
                // the reservation expires on its own (TTL)
            }
            store.delete(claimKey);
        });
    }

    /** The client name behind a {@link #targetName}. */
    public static String clientName(String targetName) {
        return targetName.endsWith("#vmids") ? targetName.substring(0, targetName.length() - "#vmids".length()) : targetName;
    }

    /** The VMID {@code claim} holds, if any. */
    public Optional<Integer> claimed(String claim) {
        return held(claim).map(VmidReservation::vmid);
    }

    private Optional<VmidReservation> held(String claim) {
        return store.get(claimKey(claim)).flatMap(v -> {
            try {
                JsonNode n = Json.mapper().readTree(v.value());
                return Optional.of(new VmidReservation(n.path("vmid").asInt(), n.path("key").asText()));
            } catch (IOException unreadable) {
                return Optional.empty();
            }
        });
    }

    private String claimKey(String claim) {
        return claimKey(client.name(), claim);
    }

    private static String claimKey(String clientName, String claim) {
        return "pve/" + clientName.replaceAll("[^A-Za-z0-9._:@\\-]", "_") + "/vmid-claim/" + claim;
    }
}
