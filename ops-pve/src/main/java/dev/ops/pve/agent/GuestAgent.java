package dev.ops.pve.agent;

import dev.ops.core.error.OpsException;
import dev.ops.core.error.OpsTimeoutException;
import dev.ops.core.error.Violations;
import dev.ops.proxmox.JsonValue;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.internal.GuestPaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The QEMU guest agent of one VM, through Proxmox ({@code /nodes/{node}/qemu/{vmid}/agent/...}):
 * reads, and {@link #exec} to run a command (the agent's way out, like {@code Host.run}: it changes
 * what the command changes, with no plan). Writing a file is a change:
 * {@code client.changes(ops).agentFileWrite(guest, path, content)}. An agent that is not configured
 * or not running fails with Proxmox's text ("No QEMU guest agent configured", "QEMU guest agent is
 * not running"), which is not retried.
 *
 * <pre>{@code
 * GuestAgent agent = GuestAgent.of(client, guest);
 * agent.ping();
 * System.out.println(agent.osInfo().prettyName() + " on " + agent.hostName());
 * ExecResult r = agent.exec(List.of("systemctl", "is-active", "nginx"), Duration.ofSeconds(30));
 * }</pre>
 */
public final class GuestAgent {
    private final PveClient client;
    private final Guest guest;

    private GuestAgent(PveClient client, Guest guest) {
        this.client = client;
        this.guest = guest;
    }

    /** The agent of {@code guest}, a VM (containers have none). */
    public static GuestAgent of(PveClient client, Guest guest) {
        Violations.of("guest agent").check(guest.type() == GuestType.QEMU, "guest", guest + " is a container; only VMs have a guest agent")
                .throwIfAny();
        return new GuestAgent(client, guest);
    }

    /** The VM. */
    public Guest guest() {
        return guest;
    }

    private String path(String what) {
        return "/nodes/{node}/qemu/{vmid}/agent/" + what;
    }

    /** Whether the agent answers; throws the typed error when it is not configured or the VM is not running. */
    public void ping() {
        client.api().post(path("ping"), GuestPaths.params(guest));
    }

    /** The guest's operating system. */
    public AgentOsInfo osInfo() {
        JsonValue r = client.api().get(path("get-osinfo"), GuestPaths.params(guest)).path("result");
        return new AgentOsInfo(text(r, "id"), text(r, "pretty-name"), text(r, "version"), text(r, "kernel-release"), text(r, "machine"));
    }

    /** The host name the guest gives itself. */
    public String hostName() {
        return client.api().get(path("get-host-name"), GuestPaths.params(guest)).path("result").path("host-name").asText();
    }

    /** The guest's network interfaces with their addresses. */
    public List<AgentInterface> networkInterfaces() {
        List<AgentInterface> out = new ArrayList<>();
        for (JsonValue i : client.api().get(path("network-get-interfaces"), GuestPaths.params(guest)).path("result").elements()) {
            List<String> addresses = new ArrayList<>();
            for (JsonValue a : i.path("ip-addresses").elements()) {
                addresses.add(a.path("ip-address").asText() + "/" + a.path("prefix").asInt());
            }
            out.add(new AgentInterface(i.path("name").asText(), i.path("hardware-address").asText(""), addresses));
        }
        return out;
    }

    /** A file inside the guest, as text (UTF-8), or empty when it does not exist. */
    public Optional<String> readFile(String file) {
        Violations.of("agent file read").check(file != null && file.startsWith("/"), "file", "'" + file + "' must be an absolute path")
                .throwIfAny();
        try {
            return Optional.of(client.api().get(path("file-read"), GuestPaths.params(guest, "file", file)).path("content").asText());
        } catch (OpsException e) {
            if (String.valueOf(e.getMessage()).contains("No such file or directory")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Runs {@code command} (program and arguments, no shell) in the guest and waits at most
     * {@code timeout} for it to exit; an {@link OpsTimeoutException} when it has not.
     */
    public ExecResult exec(List<String> command, Duration timeout) {
        Violations.of("agent exec").check(command != null && !command.isEmpty(), "command", "must name a program")
                .check(timeout != null && !timeout.isNegative() && !timeout.isZero(), "timeout", "must be positive").throwIfAny();
        int pid = client.api().post(path("exec"), GuestPaths.params(guest, "command", List.copyOf(command))).path("pid").asInt();
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = Duration.ofMillis(20);
        while (true) {
            JsonValue s = client.api().get(path("exec-status"), GuestPaths.params(guest, "pid", pid));
            if (s.path("exited").asBoolean()) {
                return new ExecResult(s.path("exitcode").asInt(), s.path("out-data").asText(""), s.path("err-data").asText(""),
                        s.path("out-truncated").asBoolean() || s.path("err-truncated").asBoolean());
            }
            if (System.nanoTime() > deadline) {
                throw new OpsTimeoutException(guest + " agent exec " + command.get(0), timeout, "still running");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpsException("interrupted while waiting for " + command.get(0) + " in " + guest, e);
            }
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : pause.multipliedBy(2);
        }
    }

    private static String text(JsonValue v, String key) {
        return v.path(key).asText("");
    }
}
