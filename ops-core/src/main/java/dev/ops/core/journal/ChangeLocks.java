package dev.ops.core.journal;

import dev.ops.core.error.ConflictException;
import dev.ops.core.error.CorruptRecordException;
import dev.ops.core.error.LockHeldException;
import dev.ops.core.error.OpsException;
import dev.ops.core.json.internal.Json;
import dev.ops.core.store.Durability;
import dev.ops.core.store.StateStore;
import dev.ops.core.store.Versioned;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases behind {@link ChangeLock}s, kept in the state store under {@code lock/change/}: one
 * per change (its description and targets), with its holder and expiry, as a Terraform state lock.
 *
 * <p>Written {@link Durability#RELAXED}: a lock lost in a crash of the operating system is one whose
 * holder that crash killed (a lock in a store shared by machines is written durably by that store).
 * Its apply's durable journal record keeps what the lock would have said: that the apply needs
 * recovery first.
 */
final class ChangeLocks {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeLocks.class);
    private static final String LOCK_PREFIX = "lock/change/";
    private static final Duration LEASE = Duration.ofMinutes(10);
    /** How old a lease must be before a step renews it: the steps of one apply that start within a minute write it once. */
    private static final Duration RENEW_AFTER = Duration.ofMinutes(1);

    private final StateStore store;
    private final Clock clock;
    private final String actor;
    private final Function<String, Optional<ApplyRecord>> find;
    private final Supplier<String> newId;

    /**
     * Locks in {@code store}; {@code find} reads an apply's record, {@code newId} makes the journal id
     * a new lock names for the apply it is taken for (so that beginning that apply writes no lock).
     */
    ChangeLocks(StateStore store, Clock clock, String actor, Function<String, Optional<ApplyRecord>> find,
            Supplier<String> newId) {
        this.store = store;
        this.clock = clock;
        this.actor = actor;
        this.find = find;
        this.newId = newId;
    }

    ChangeLock lock(String change, Set<String> targetNames) {
        return acquire(LOCK_PREFIX + lockId(change, targetNames), change, null);
    }

    ChangeLock lockFor(ApplyRecord record) {
        return acquire(record.lock(), record.change(), record.id());
    }

    /**
     * Takes the lock at {@code key}. With {@code forApply} (a rollback of that apply), a lock held
     * for that same apply by this process is reused and one held for it by a dead process is taken over.
     */
    private ChangeLock acquire(String key, String change, String forApply) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            Instant now = clock.instant();
            Optional<Versioned> current = store.get(key);
            long expected = StateStore.ABSENT;
            if (current.isPresent()) {
                LockRecord held = readLock(key, current.get().value());
                expected = current.get().version();
                boolean sameApply = forApply != null && forApply.equals(held.applyId());
                if (sameApply && held.owner().isCurrent()) {
                    return new ChangeLock(this, key, held.token(), false, null);
                }
                if (!held.isStale(now)) {
                    throw new LockHeldException(key, held.describe(), "change '" + held.change() + "' is being applied or rolled back by "
                            + held.describe() + "; retry when it finished");
                }
                if (!sameApply && held.applyId() != null) {
                    refuseWhileUnrecovered(key, held);
                }
                LOG.info("breaking lock {} of {}, whose holder is gone", key, held.describe());
            }
            String applyId = forApply != null ? forApply : newId.get();
            LockRecord mine = new LockRecord(UUID.randomUUID().toString(), change, actor, Owner.current(), applyId, now, now.plus(LEASE));
            if (store.compareAndSet(key, expected, Json.write(mine), Durability.RELAXED)) {
                return new ChangeLock(this, key, mine.token(), true, forApply != null ? null : applyId);
            }
        }
        throw new ConflictException(key, "too much contention taking the lock", true);
    }

    private void refuseWhileUnrecovered(String key, LockRecord held) {
        ApplyRecord r;
        try {
            r = find.apply(held.applyId()).orElse(null);
        } catch (CorruptRecordException e) {
            throw new ConflictException(key, "the lock's holder " + held.describe() + " died, and its journal record cannot be read ("
                    + e.getMessage() + "); repair or remove that record, then remove the lock", false, e);
        }
        if (r != null && (r.status() == ApplyStatus.RUNNING || r.status() == ApplyStatus.ROLLING_BACK)) {
            throw new ConflictException(key, "the lock's holder " + held.describe() + " died in the middle of apply " + r.id()
                    + "; run journal().recover(...) first, so that what it half did is rolled back", false);
        }
    }

    /** Writes the apply's id into the lock it holds, so that a taker can tell whether that apply was recovered (where the lock named another). */
    void bind(ChangeLock lock, String id) {
        store.update(lock.key(), bytes -> {
            LockRecord held = bytes == null ? null : readLock(lock.key(), bytes);
            if (held == null || !held.token().equals(lock.token())) {
                throw new ConflictException(lock.key(), "lock was lost before apply " + id + " began", false);
            }
            return Json.write(held.forApply(id));
        }, Durability.RELAXED);
    }

    /** Extends the lease of apply {@code id}'s lock to a full one, unless it was taken or renewed in the last minute. */
    void renew(String key, String id) {
        Optional<Versioned> current = store.get(key);
        if (current.isEmpty()) {
            return;
        }
        LockRecord held = readLock(key, current.get().value());
        Instant now = clock.instant();
        if (!id.equals(held.applyId()) || !held.owner().isCurrent() || held.expiresAt().isAfter(now.plus(LEASE).minus(RENEW_AFTER))) {
            return;
        }
        // Lost to a holder that broke it meanwhile: the apply's fencing (its record's status) stops what must stop.
        store.compareAndSet(key, current.get().version(), Json.write(held.renewedUntil(now.plus(LEASE))), Durability.RELAXED);
    }

    void release(ChangeLock lock) {
        Optional<Versioned> current = store.get(lock.key());
        if (current.isPresent() && readLock(lock.key(), current.get().value()).token().equals(lock.token())
                && !store.compareAndDelete(lock.key(), current.get().version(), Durability.RELAXED)) {
            LOG.debug("lock {} changed while letting go of it", lock.key());
        }
    }

    private LockRecord readLock(String key, byte[] bytes) {
        LockRecord held;
        try {
            held = Json.read(bytes, LockRecord.class);
        } catch (OpsException e) {
            throw new CorruptRecordException(key, store.locationOf(key), "lock is not readable (" + e.getMessage() + "); remove it once no apply of the change runs", e);
        }
        if (held == null || held.token() == null || held.owner() == null || held.owner().machine() == null || held.expiresAt() == null) {
            throw new CorruptRecordException(key, store.locationOf(key), "lock lacks its token, owner or expiry; remove it once no apply of the change runs");
        }
        return held;
    }

    private static String lockId(String change, Set<String> targetNames) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(change.getBytes(StandardCharsets.UTF_8));
            for (String t : new TreeSet<>(targetNames)) {
                sha.update((byte) 0);
                sha.update(t.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
