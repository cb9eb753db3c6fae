package dev.ops.net.mac.internal;

import dev.ops.core.error.ConflictException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import dev.ops.core.store.StateStore;
import dev.ops.core.store.Versioned;
import dev.ops.net.MacAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The claims behind {@link dev.ops.net.mac.MacAllocator}: each MAC under the prefix
 * {@code 02:00:00} is claimed in the {@link StateStore} with compare-and-set
 * ({@code net/mac/020000xxxxxx}, holding the owner) so that no two owners ever get the same one.
 * A random MAC drawn for a change is also recorded under the change's claim
 * ({@code net/mac-claim/CLAIM}), so that the undo finds it.
 */
public final class MacClaims {
    /** The key prefix of MAC claims. */
    public static final String PREFIX = "net/mac/";
    /** The key prefix of the MACs drawn for changes, by claim. */
    public static final String CLAIM_PREFIX = "net/mac-claim/";
    /** The prefix of every generated MAC: locally administered, unicast. */
    public static final long OUI = 0x020000L;
    private static final int MAX_TRIES = 64;

    private final StateStore store;
    private final RandomGenerator random;

    private MacClaims(StateStore store, RandomGenerator random) {
        this.store = Objects.requireNonNull(store, "store");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** An allocator over {@code store} with a secure random source. */
    public static MacClaims create(StateStore store) {
        return new MacClaims(store, new SecureRandom());
    }

    /** The same allocator drawing from {@code random} (seeded in tests). */
    public MacClaims withRandom(RandomGenerator other) {
        return new MacClaims(store, other);
    }

    /** A fresh random MAC claimed for {@code owner}; a {@link ConflictException} if 64 draws all collide. */
    public MacAddress random(String owner) {
        return random(owner, null);
    }

    /** As {@link #random(String)}, recording the MAC under {@code claim} (null for none) for {@link #releaseClaim}. */
    public MacAddress random(String owner, String claim) {
        checkOwner(owner);
        for (int i = 0; i < MAX_TRIES; i++) {
            MacAddress mac = new MacAddress(OUI << 24 | random.nextInt(1 << 24));
            if (store.compareAndSet(key(mac), StateStore.ABSENT, owner.getBytes(StandardCharsets.UTF_8))) {
                if (claim != null) {
                    store.put(CLAIM_PREFIX + claim, (mac + " " + owner).getBytes(StandardCharsets.UTF_8));
                }
                return mac;
            }
        }
        throw new ConflictException("mac/" + Long.toHexString(OUI), MAX_TRIES + " random MACs in a row were taken; the space is nearly full", false);
    }

    /**
     * The MAC derived from {@code node} and {@code resourceId} (SHA-256, low 24 bits), claimed for
     * {@code node/resourceId}: asking again returns the same MAC; a {@link ConflictException} names
     * the other owner if it collides with one.
     */
    public MacAddress derived(String node, String resourceId) {
        Violations v = Violations.of("derived MAC");
        v.check(node != null && !node.isBlank(), "node", "must not be blank");
        v.check(resourceId != null && !resourceId.isBlank(), "resourceId", "must not be blank");
        v.throwIfAny();
        MacAddress mac = derive(node, resourceId);
        claim(mac, node + "/" + resourceId);
        return mac;
    }

    /** The MAC {@link #derived} would give, without claiming it. */
    public static MacAddress derive(String node, String resourceId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((node + "\0" + resourceId).getBytes(StandardCharsets.UTF_8));
            long low = ((h[0] & 0xffL) << 16) | ((h[1] & 0xffL) << 8) | (h[2] & 0xffL);
            return new MacAddress(OUI << 24 | low);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Claims a given MAC (e.g. one a VM already has) for {@code owner}; idempotent for the same
     * owner, a {@link ConflictException} for another. Multicast MACs are refused.
     */
    public MacAddress claim(MacAddress mac, String owner) {
        checkOwner(owner);
        if (mac.isMulticast()) {
            throw new ValidationException("MAC claim", Violations.of("MAC claim").add("mac", mac + " is a multicast address").list());
        }
        byte[] value = owner.getBytes(StandardCharsets.UTF_8);
        while (true) {
            Optional<Versioned> current = store.get(key(mac));
            if (current.isPresent()) {
                String holder = current.get().text();
                if (holder.equals(owner)) {
                    return mac;
                }
                throw new ConflictException("mac/" + mac, "already held by " + holder, false);
            }
            if (store.compareAndSet(key(mac), StateStore.ABSENT, value)) {
                return mac;
            }
        }
    }

    /** Claims the MAC written in {@code text}; a {@code ValidationException} when it is not a MAC. */
    public MacAddress claim(String text, String owner) {
        return claim(MacAddress.parse(text), owner);
    }

    /** Who holds {@code mac}, if anyone. */
    public Optional<String> owner(MacAddress mac) {
        return store.get(key(mac)).map(Versioned::text);
    }

    /** Frees {@code mac}; returns whether it was held. */
    public boolean release(MacAddress mac) {
        return store.delete(key(mac));
    }

    /** Frees {@code mac} when {@code owner} holds it, with compare-and-delete; returns whether it did. */
    public static boolean releaseHeld(StateStore store, MacAddress mac, String owner) {
        Optional<Versioned> current = store.get(key(mac));
        return current.isPresent() && current.get().text().equals(owner) && store.compareAndDelete(key(mac), current.get().version());
    }

    /** Frees the MAC drawn under {@code claim}, if its owner still holds it, and forgets the claim. */
    public static void releaseClaim(StateStore store, String claim) {
        store.get(CLAIM_PREFIX + claim).ifPresent(v -> {
            String[] macAndOwner = v.text().split(" ", 2);
            releaseHeld(store, MacAddress.parse(macAndOwner[0]), macAndOwner[1]);
            store.delete(CLAIM_PREFIX + claim);
        });
    }

    /** The MAC drawn under {@code claim}, if any. */
    public Optional<MacAddress> claimed(String claim) {
        return store.get(CLAIM_PREFIX + claim).map(v -> MacAddress.parse(v.text().split(" ", 2)[0]));
    }

    /** Throws a {@code ValidationException} unless {@code owner} is 1-200 characters. */
    public static void checkOwner(String owner) {
        Violations.of("MAC owner").check(owner != null && !owner.isBlank() && owner.length() <= 200, "owner",
                "must be 1-200 characters").throwIfAny();
    }

    /** The store key of {@code mac}'s claim. */
    public static String key(MacAddress mac) {
        return PREFIX + mac.toString().replace(":", "");
    }
}
