package dev.ops.proxmox.change;

import dev.ops.proxmox.ProxmoxClient;
import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.secret.Redactor;
import dev.ops.proxmox.JsonValue;
import dev.ops.proxmox.internal.NodeValue;
import dev.ops.proxmox.internal.Params;
import dev.ops.proxmox.task.ProxmoxTask;
import dev.ops.proxmox.task.Upid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One Proxmox API call as a journal step: method, path template and wire parameters, run against
 * the {@link ProxmoxClient} that {@link Targets} knows by {@code target}. When {@code awaitTask}, the
 * task the call starts is awaited and must succeed; {@code heavy} calls wait for a heavy-task slot
 * on the node. Secret values (passwords) are not stored: the record holds a reference valid in the
 * planning JVM only.
 *
 * @param target the client's name
 * @param method GET, POST, PUT or DELETE
 * @param path the path template, e.g. {@code /nodes/{node}/qemu/{vmid}/status/start}
 * @param params every parameter, path parameters included, as wire strings; an array-typed parameter
 *     (an agent command, a mapping's {@code map}) as a list of them, sent as repeated names
 * @param awaitTask whether to await the task the call starts
 * @param heavy whether the call is a heavy task limited per node
 */
public record ApiCallAction(String target, String method, String path, Map<String, Object> params, boolean awaitTask, boolean heavy)
        implements Action {

    public ApiCallAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A call of {@code client}; {@code params} values are turned into wire strings, secret ones kept out of the record. */
    public static ApiCallAction of(ProxmoxClient client, String method, String path, Map<String, ?> params, boolean awaitTask, boolean heavy) {
        Map<String, Object> wire = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (v instanceof java.util.Collection<?> many) {
                List<String> items = many.stream().map(Params::wire).filter(Objects::nonNull).toList();
                wire.put(k, SecretParams.NAMES.contains(k) ? items.stream().map(SecretParams::hide).toList() : items);
                return;
            }
            String w = Params.wire(v);
            if (w != null) {
                wire.put(k, SecretParams.NAMES.contains(k) ? SecretParams.hide(w) : w);
            }
        });
        return new ApiCallAction(client.name(), method, path, wire, awaitTask, heavy);
    }

    /** The concrete path, e.g. {@code /nodes/pve/qemu/101/status/start}. */
    public String concretePath() {
        return Params.expand(path, params);
    }

    /** The non-path parameters as {@code key=value} pairs, secrets masked. */
    public String renderBody() {
        var placeholders = Params.placeholders(path);
        return params.entrySet().stream().filter(e -> !placeholders.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + (String.valueOf(e.getValue()).startsWith(SecretParams.PREFIX) || SecretParams.NAMES.contains(e.getKey())
                        ? Redactor.MASK : String.valueOf(e.getValue())))
                .collect(Collectors.joining(" "));
    }

    @Override
    public String render() {
        String body = renderBody();
        return Redactor.global().redact(method + " " + concretePath() + (body.isEmpty() ? "" : " " + body)
                + (awaitTask ? " (await task)" : ""));
    }

    @Override
    public void execute(Targets targets) {
        run(targets.resolve(target, ProxmoxClient.class));
    }

    /** Runs the call with {@code client}; returns the answer's data. */
    public JsonValue run(ProxmoxClient client) {
        Map<String, Object> p = new LinkedHashMap<>();
        params.forEach((k, v) -> p.put(k, v instanceof List<?> many
                ? many.stream().map(item -> SecretParams.reveal(k, String.valueOf(item))).toList()
                : SecretParams.reveal(k, String.valueOf(v))));
        if (heavy && p.containsKey("node")) {
            java.util.Optional<ProxmoxTask> task = client.api().heavyTaskOrDone(p.get("node").toString(), method, path, p);
            if (task.isEmpty()) {
                return null; // done synchronously (data: null), as older servers answer
            }
            if (awaitTask) {
                task.get().awaitSuccess();
            }
            return NodeValue.of(com.fasterxml.jackson.databind.node.TextNode.valueOf(task.get().upid().value()));
        }
        JsonValue data = client.api().call(method, path, p).data();
        // A UPID is awaited also where the schema promises null (a known erratum of PVE and PBS job
        // endpoints): the step is done when its task is; null is a call done synchronously.
        if (data != null && !data.isNull() && Upid.isUpid(data.asText())) {
            ProxmoxTask.of(client, data.asText()).awaitSuccess();
        }
        return data;
    }
}
