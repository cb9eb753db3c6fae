package dev.ops.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ops.core.error.OpsException;
import dev.ops.core.json.internal.Json;
import dev.ops.core.store.StateStore;
import dev.ops.core.store.Versioned;
import dev.ops.proxmox.task.ProxmoxTask;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heavy-task slots of one node, shared through a state store by every client that uses the same
 * store and client name, in this process or another. Slot {@code i} is the key
 * {@code pve/<client>/heavy/<node>/<i>}, holding who took it, when, and the UPID of its task once
 * started. A slot is free when absent, when its task has ended (asked of the cluster, so a process
 * that died mid-task holds its slot only as long as the task runs), or when it was taken more than a
 * grace period ago and no task was ever recorded (its taker died before the start call).
 */
final class SharedHeavySlots {
    private static final Logger LOG = LoggerFactory.getLogger(SharedHeavySlots.class);
    private static final String OWNER = ManagementFactory.getRuntimeMXBean().getName();

    private final ProxmoxClient client;
    private final StateStore store;
    private final String node;
    private final int max;
    private final Duration grace;
    private final Clock clock;
    private final String prefix;

    SharedHeavySlots(ProxmoxClient client, StateStore store, String node, int max, Duration grace, Clock clock) {
        this.client = client;
        this.store = store;
        this.node = node;
        this.max = max;
        this.grace = grace;
        this.clock = clock;
        this.prefix = "pve/" + client.name().replaceAll("[^A-Za-z0-9._:@\\-]", "_") + "/heavy/" + node + "/";
    }

    HeavySlot acquire() {
        String token = UUID.randomUUID().toString();
        int round = 0;
        while (true) {
            for (int i = 0; i < max; i++) {
                String key = prefix + i;
                Optional<Versioned> current = store.get(key);
                if (current.isPresent() && !free(current.get())) {
                    continue;
                }
                long expected = current.map(Versioned::version).orElse(StateStore.ABSENT);
                if (store.compareAndSet(key, expected, value(token, null))) {
                    return new Slot(key, token);
                }
            }
            HeavySlot.pause(client, node, round++);
        }
    }

    private boolean free(Versioned slot) {
        JsonNode v = read(slot);
        if (v == null) {
            return true;
        }
        String upid = v.path("upid").asText("");
        if (upid.isEmpty()) {
            return clock.millis() - v.path("at").asLong(0) > grace.toMillis();
        }
        try {
            return !ProxmoxTask.of(client, upid).status().running();
        } catch (OpsException | IllegalArgumentException e) {
            LOG.debug("cannot tell whether {} still runs, keeping its slot: {}", upid, e.getMessage());
            return false;
        }
    }

    private byte[] value(String token, String upid) {
        ObjectNode v = Json.mapper().createObjectNode();
        v.put("token", token);
        v.put("owner", OWNER);
        v.put("at", clock.millis());
        if (upid != null) {
            v.put("upid", upid);
        }
        return Json.write(v);
    }

    private static JsonNode read(Versioned slot) {
        try {
            JsonNode v = Json.mapper().readTree(slot.value());
            return v != null && v.isObject() ? v : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** One taken slot; changes it only while the store still holds this taker's token. */
    private final class Slot implements HeavySlot {
        private final String key;
        private final String token;
        private final AtomicBoolean released = new AtomicBoolean();

        Slot(String key, String token) {
            this.key = key;
            this.token = token;
        }

        @Override
        public void started(ProxmoxTask task) {
            Optional<Versioned> mine = mine();
            if (mine.isEmpty() || !store.compareAndSet(key, mine.get().version(), value(token, task.upid().value()))) {
                LOG.warn("heavy-task slot {} was taken over before {} was recorded in it", key, task.upid());
            }
        }

        @Override
        public void release() {
            if (released.compareAndSet(false, true)) {
                mine().ifPresent(v -> store.compareAndDelete(key, v.version()));
            }
        }

        private Optional<Versioned> mine() {
            return store.get(key).filter(v -> {
                JsonNode n = read(v);
                return n != null && token.equals(n.path("token").asText());
            });
        }
    }
}
