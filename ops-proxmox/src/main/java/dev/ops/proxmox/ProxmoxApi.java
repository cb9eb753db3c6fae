package dev.ops.proxmox;

import dev.ops.core.error.OpsException;
import dev.ops.proxmox.internal.ProxmoxJson;
import dev.ops.proxmox.internal.Transport;
import dev.ops.proxmox.task.ProxmoxTask;
import dev.ops.proxmox.task.Upid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;

/**
 * The untyped Proxmox API, the raw way out: any path template with its parameters, JSON back, applied
 * at once. Calls made here bypass the change model (no plan, no journal, no rollback, no policy):
 * use it for what the typed reads and the changes of {@link ProxmoxClient} do not cover. Path parameters are
 * taken from the same map by name, the rest is sent as query (GET, DELETE) or form (POST, PUT);
 * booleans go as 0/1 and absent ({@code null}, empty {@code Optional}) values are not sent.
 *
 * <pre>{@code
 * JsonValue cfg = client.api().get("/nodes/{node}/qemu/{vmid}/config", Map.of("node", "pve", "vmid", 101));
 * }</pre>
 */
public final class ProxmoxApi {
    private final ProxmoxClient client;
    private final Transport transport;
    private final RetryPolicy retry;

    ProxmoxApi(ProxmoxClient client, Transport transport, RetryPolicy retry) {
        this.client = client;
        this.transport = transport;
        this.retry = retry;
    }

    /** This API with every call's retries bounded by {@code deadline} (the caller's deadline). */
    public ProxmoxApi withDeadline(Duration deadline) {
        return new ProxmoxApi(client, transport, retry.withMaxElapsed(deadline));
    }

    /** This API with another retry policy. */
    public ProxmoxApi withRetry(RetryPolicy policy) {
        return new ProxmoxApi(client, transport, Objects.requireNonNull(policy, "policy"));
    }

    /** Sends a call and returns the whole answer. */
    public ProxmoxResponse call(String method, String pathTemplate, Map<String, ?> params) {
        check(method, pathTemplate);
        return transport.call(method, pathTemplate, params == null ? Map.of() : params, retry, null);
    }

    /** {@code GET}, returning {@code data}. */
    public JsonValue get(String pathTemplate, Map<String, ?> params) {
        return call("GET", pathTemplate, params).data();
    }

    /**
     * {@code GET}, binding {@code data} to {@code type} straight from the answer's bytes: a Jackson-
     * bindable class, such as the models of this library or your own (unknown fields are ignored
     * unless it keeps them, as ops-pve's {@code PveObject} does). Null when Proxmox sent no data.
     */
    public <T> T get(String pathTemplate, Map<String, ?> params, Class<T> type) {
        return read("GET", pathTemplate, params, ProxmoxJson.data(ProxmoxJson.type(type)));
    }

    /** {@code GET} of a list, each element bound to {@code element} as {@link #get(String, Map, Class)} does; empty when Proxmox sent none. */
    public <T> List<T> list(String pathTemplate, Map<String, ?> params, Class<T> element) {
        List<T> out = read("GET", pathTemplate, params, ProxmoxJson.data(ProxmoxJson.listOf(element)));
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }

    /**
     * {@code GET} of a list, as {@link #list(String, Map, Class)}, with every member the answer carries
     * beside {@code data}: the task list's {@code total}, the node network's pending {@code changes}.
     */
    public <T> ListAnswer<T> listAnswer(String pathTemplate, Map<String, ?> params, Class<T> element) {
        ProxmoxJson.Enveloped<List<T>> read = read("GET", pathTemplate, params, ProxmoxJson.dataAndEnvelope(ProxmoxJson.listOf(element)));
        Map<String, JsonValue> others = new java.util.LinkedHashMap<>();
        read.others().forEach((k, v) -> others.put(k, dev.ops.proxmox.internal.NodeValue.of(v)));
        return new ListAnswer<>(read.data() == null ? List.of() : read.data(), others);
    }

    private <T> T read(String method, String pathTemplate, Map<String, ?> params, Transport.BodyReader<T> reader) {
        check(method, pathTemplate);
        return transport.call(method, pathTemplate, params == null ? Map.of() : params, retry, null, reader);
    }

    private static void check(String method, String pathTemplate) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        dev.ops.core.error.Violations.of("API call").check(pathTemplate.startsWith("/"), "pathTemplate",
                "'" + pathTemplate + "' must start with '/'").check(java.util.Set.of("GET", "POST", "PUT", "DELETE").contains(method),
                "method", "'" + method + "' must be GET, POST, PUT or DELETE").throwIfAny();
    }

    /** {@code GET} without parameters, returning {@code data}. */
    public JsonValue get(String pathTemplate) {
        return get(pathTemplate, Map.of());
    }

    /** {@code POST}, returning {@code data}. */
    public JsonValue post(String pathTemplate, Map<String, ?> params) {
        return call("POST", pathTemplate, params).data();
    }

    /** {@code PUT}, returning {@code data}. */
    public JsonValue put(String pathTemplate, Map<String, ?> params) {
        return call("PUT", pathTemplate, params).data();
    }

    /** {@code DELETE}, returning {@code data}. */
    public JsonValue delete(String pathTemplate, Map<String, ?> params) {
        return call("DELETE", pathTemplate, params).data();
    }

    /** Sends a call that starts a task and returns the task (its UPID parsed). */
    public ProxmoxTask task(String method, String pathTemplate, Map<String, ?> params) {
        return toTask(call(method, pathTemplate, params).data(), method, pathTemplate, null);
    }

    /**
     * Starts a heavy task (clone, create, restore, migrate, backup) on {@code node}, first waiting
     * for one of the node's slots ({@link ProxmoxClient.Settings#maxHeavyTasksPerNode}); the slot is
     * freed once the task is seen to end (await it), or at once if the call fails.
     */
    public ProxmoxTask heavyTask(String node, String method, String pathTemplate, Map<String, ?> params) {
        HeavySlot slot = client.acquireHeavySlot(node);
        try {
            ProxmoxTask task = toTask(call(method, pathTemplate, params).data(), method, pathTemplate, slot::release);
            slot.started(task);
            return task;
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
    }

    /**
     * A heavy call that may start a task or finish at once: a UPID answer is the task (its slot freed
     * when it is seen to end), {@code data: null} means the server did the work synchronously (as PVE 6
     * does for calls that later servers run as tasks), and the slot is freed at once.
     */
    public Optional<ProxmoxTask> heavyTaskOrDone(String node, String method, String pathTemplate, Map<String, ?> params) {
        HeavySlot slot = client.acquireHeavySlot(node);
        try {
            JsonValue data = call(method, pathTemplate, params).data();
            if (data == null || data.isNull()) {
                slot.release();
                return Optional.empty();
            }
            ProxmoxTask task = toTask(data, method, pathTemplate, slot::release);
            slot.started(task);
            return Optional.of(task);
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
    }

    /** Uploads {@code file} as the multipart field {@code fileField} along with {@code params}; returns the task. Never retried. */
    public ProxmoxTask upload(String pathTemplate, Map<String, ?> params, String fileField, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new dev.ops.core.error.NotFoundException("file " + file, "is not a readable regular file");
        }
        Map<String, Object> p = new LinkedHashMap<>(params);
        Object name = p.getOrDefault("filename", file.getFileName().toString());
        p.remove("filename");
        JsonValue data = transport.call("POST", pathTemplate, p, RetryPolicy.none(),
                new Transport.Upload(fileField, file, name.toString())).data();
        return toTask(data, "POST", pathTemplate, null);
    }

    private ProxmoxTask toTask(JsonValue data, String method, String template, Runnable release) {
        String text = data == null ? "" : data.asText();
        if (!Upid.isUpid(text)) {
            if (release != null) {
                release.run();
            }
            throw new OpsException(method + " " + template + " was expected to start a task but answered " + data);
        }
        Upid upid = Upid.parse(text);
        dev.ops.proxmox.internal.Listeners.tell(client.listeners(), l -> l.taskStarted(upid));
        return dev.ops.proxmox.internal.Handles.make(ProxmoxTask.class, client, upid, release == null ? (Runnable) () -> {} : release);
    }

    /** The client this API belongs to. */
    public ProxmoxClient client() {
        return client;
    }
}
