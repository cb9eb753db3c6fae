package dev.ops.core;

import dev.ops.core.audit.AuditLog;
import dev.ops.core.audit.AuditRecord;
import dev.ops.core.audit.StoreAuditLog;
import dev.ops.core.change.ApplyListener;
import dev.ops.core.change.Rollback;
import dev.ops.core.change.Targets;
import dev.ops.core.journal.Journal;
import dev.ops.core.journal.JournalKey;
import dev.ops.core.policy.Policy;
import dev.ops.core.store.FileStateStore;
import dev.ops.core.store.InMemoryStateStore;
import dev.ops.core.store.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The runtime every change runs in: the state store, the journal and audit log kept in it, the
 * policy, the actor recorded in audit records, and the clock. Immutable and shared; variants come
 * from {@link #toBuilder()}.
 *
 * <pre>{@code
 * Ops ops = Ops.builder().store(FileStateStore.open(Path.of("/var/lib/ops"))).actor("ci").build();
 * }</pre>
 */
public final class Ops {
    private static volatile Ops defaults;

    private final StateStore store;
    private final AuditLog audit;
    private final Policy policy;
    private final String actor;
    private final Clock clock;
    private final Journal journal;
    private final JournalKey journalKey;
    private final List<ApplyListener> listeners;
    /** The audit log the builder was given (null: the store's), without the listeners' wrapper. */
    private final AuditLog auditGiven;

    private Ops(Builder b) {
        this.store = Objects.requireNonNull(b.store, "store");
        this.listeners = List.copyOf(b.listeners);
        this.auditGiven = b.audit;
        AuditLog log = b.audit != null ? b.audit : new StoreAuditLog(store);
        this.audit = listeners.isEmpty() ? log : new UndoTellingAuditLog(log, listeners);
        this.policy = b.policy;
        this.actor = b.actor;
        this.clock = b.clock;
        this.journalKey = b.journalKey;
        this.journal = new Journal(store, audit, clock, actor, Optional.ofNullable(b.journalKey));
    }

    /**
     * The JVM-wide default: a file store in {@code $OPS_STATE_DIR}, else
     * {@code $XDG_STATE_HOME/ops}, else {@code ~/.local/state/ops}; the actor is the OS user. The
     * store is private (0700): one that others can read is refused with
     * {@link dev.ops.core.error.UnsafePermissionsException} (see {@link FileStateStore#open}).
     */
    public static Ops defaults() {
        Ops d = defaults;
        if (d == null) {
            synchronized (Ops.class) {
                d = defaults;
                if (d == null) {
                    d = builder().store(FileStateStore.open(defaultStateDir())).build();
                    defaults = d;
                }
            }
        }
        return d;
    }

    /** A runtime with an in-memory store: nothing survives the JVM. For tests and exploration. */
    public static Ops inMemory() {
        return builder().store(InMemoryStateStore.create()).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.store = store;
        b.audit = auditGiven;
        b.listeners.addAll(listeners);
        b.policy = policy;
        b.actor = actor;
        b.clock = clock;
        b.journalKey = journalKey;
        return b;
    }

    public StateStore store() {
        return store;
    }

    public Journal journal() {
        return journal;
    }

    public AuditLog audit() {
        return audit;
    }

    public Policy policy() {
        return policy;
    }

    /** Who applies changes, as audit records name them. */
    public String actor() {
        return actor;
    }

    public Clock clock() {
        return clock;
    }

    /** The rollback handle of an earlier apply, reloaded from the store by its id. */
    public Rollback rollback(String applyId, Targets targets) {
        return Rollback.of(journal, applyId, targets);
    }

    private static Path defaultStateDir() {
        String explicit = System.getenv("OPS_STATE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "ops");
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "ops");
    }

    /** The listeners every apply in this {@code Ops} tells what it does, in the order they were added. */
    public List<ApplyListener> listeners() {
        return listeners;
    }

    /** Tells the listeners of each undone step as the journal audits it, then hands the record on. */
    private record UndoTellingAuditLog(AuditLog log, List<ApplyListener> listeners) implements AuditLog {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApplyListener.class);

        @Override
        public void record(AuditRecord r) {
            log.record(r);
            if (r.outcome() == AuditRecord.Outcome.UNDONE || r.outcome() == AuditRecord.Outcome.UNDO_FAILED) {
                for (ApplyListener l : listeners) {
                    try {
                        l.stepUndone(r);
                    } catch (RuntimeException e) {
                        LOG.warn("apply listener {} failed; the rollback goes on", l, e);
                    }
                }
            }
        }

        @Override
        public List<AuditRecord> records() {
            return log.records();
        }
    }

    /** Builds an {@link Ops}. */
    public static final class Builder {
        private final List<ApplyListener> listeners = new ArrayList<>();
        private StateStore store;
        private AuditLog audit;
        private Policy policy = Policy.permissive();
        private String actor = System.getProperty("user.name", "unknown");
        private Clock clock = Clock.systemUTC();
        private JournalKey journalKey;

        public Builder store(StateStore store) {
            this.store = store;
            return this;
        }

        /** Where audit records go; defaults to the state store. */
        public Builder audit(AuditLog audit) {
            this.audit = audit;
            return this;
        }

        public Builder policy(Policy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder actor(String actor) {
            this.actor = Objects.requireNonNull(actor, "actor");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The key that secret-bearing journal steps are encrypted with, so that crash recovery in
         * another process can undo them; without one they are kept out of the journal.
         */
        public Builder journalKey(JournalKey journalKey) {
            this.journalKey = Objects.requireNonNull(journalKey, "journalKey");
            return this;
        }

        /** Adds a listener that every apply made in the built {@code Ops} tells what it does ({@link ApplyListener}). */
        public Builder listener(ApplyListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public Ops build() {
            return new Ops(this);
        }
    }
}
