package dev.ops.pve.vmid.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ops.core.json.internal.Json;
import dev.ops.core.store.StateStore;
import dev.ops.pve.PveClient;
import dev.ops.pve.vmid.VmidAllocator;
import dev.ops.pve.vmid.VmidReservation;
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
    private final VmidAllocator allocator;

    public VmidClaims(PveClient client, StateStore store) {
        this.client = client;
        this.store = store;
        this.allocator = new VmidAllocator(client, store, TTL);
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

    /** Frees the reservation {@code claim} holds, if any; the id may be handed out again. */
    public void release(String claim) {
        Optional<VmidReservation> held = held(claim);
        held.ifPresent(allocator::release);
        store.delete(claimKey(claim));
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
        return "pve/" + client.name().replaceAll("[^A-Za-z0-9._:@\\-]", "_") + "/vmid-claim/" + claim;
    }
}
