package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A VM's QEMU guest agent as PVE relays it ({@code /nodes/{node}/qemu/{vmid}/agent/...}): ping, info,
 * OS info, host name, network interfaces, file read and write (a file system per guest), and exec
 * with exec-status (a few commands acted out: {@code cat}, {@code echo}, {@code hostname}, {@code rm},
 * {@code true}, {@code false}; others are not found). The agent answers only when the VM has
 * {@code agent: 1} and runs, with PVE's error texts otherwise.
 */
final class AgentHandlers extends HandlerSection {
    private static final String BASE = "/nodes/{node}/qemu/{vmid}/agent";

    AgentHandlers(Cluster cluster, Views views) {
        super(cluster, views);
    }

    @Override
    void routes() {
        on("POST", BASE + "/ping", c -> {
            agent(c);
            return map("result", map());
        });
        on("GET", BASE + "/info", c -> {
            agent(c);
            List<Object> commands = new ArrayList<>();
            for (String name : List.of("guest-ping", "guest-info", "guest-get-osinfo", "guest-get-host-name",
                    "guest-network-get-interfaces", "guest-file-open", "guest-file-read", "guest-file-write", "guest-exec",
                    "guest-exec-status")) {
                commands.add(map("name", name, "enabled", true, "success-response", true));
            }
            return map("result", map("version", "7.2.19", "supported_commands", commands));
        });
        on("GET", BASE + "/get-osinfo", c -> {
            agent(c);
            return map("result", map("id", "debian", "name", "Debian GNU/Linux", "pretty-name", "Debian GNU/Linux 12 (bookworm)",
                    "version", "12 (bookworm)", "version-id", "12", "kernel-release", "6.1.0-37-amd64",
                    "kernel-version", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.140-1", "machine", "x86_64"));
        });
        on("GET", BASE + "/get-host-name", c -> map("result", map("host-name", hostName(agent(c)))));
        on("GET", BASE + "/network-get-interfaces", c -> {
            Guest g = agent(c);
            List<Object> ifaces = new ArrayList<>();
            ifaces.add(map("name", "lo", "hardware-address", "00:00:00:00:00:00", "ip-addresses",
                    List.of(map("ip-address-type", "ipv4", "ip-address", "127.0.0.1", "prefix", 8))));
            String mac = g.config.getOrDefault("net0", "").replaceAll("^[a-z0-9]+=([0-9A-Fa-f:]{17}).*$", "$1");
            ifaces.add(map("name", "eth0", "hardware-address", mac.toLowerCase(Locale.ROOT), "ip-addresses",
                    List.of(map("ip-address-type", "ipv4", "ip-address", "192.0.2." + (100 + g.vmid % 100), "prefix", 24))));
            return map("result", ifaces);
        });
        on("GET", BASE + "/file-read", c -> {
            Guest g = agent(c);
            String file = c.req("file");
            byte[] content = g.agentFiles.get(file);
            if (content == null) {
                throw ApiError.die("Agent error: Failed to open file '" + file + "': No such file or directory");
            }
            int offset = Math.min(c.integer("offset", 0), content.length);
            int count = Math.min(c.integer("count", 16 * 1024 * 1024), content.length - offset);
            byte[] part = java.util.Arrays.copyOfRange(content, offset, offset + count);
            Map<String, Object> out = map("content", c.flag("decode", true) ? new String(part, StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(part));
            if (offset + count < content.length) {
                out.put("truncated", 1);
            }
            return out;
        });
        on("POST", BASE + "/file-write", c -> {
            Guest g = agent(c);
            String content = c.req("content");
            g.agentFiles.put(c.req("file"), c.flag("encode", true) ? content.getBytes(StandardCharsets.UTF_8)
                    : Base64.getDecoder().decode(content));
            return null;
        });
        on("POST", BASE + "/exec", c -> {
            Guest g = agent(c);
            List<String> command = List.of(c.req("command").split("\n"));
            int pid = 1000 + g.agentExecs.size();
            g.agentExecs.put(pid, run(g, command, c.get("input-data")));
            return map("pid", pid);
        });
        on("GET", BASE + "/exec-status", c -> {
            Guest g = agent(c);
            String[] done = g.agentExecs.get(c.integer("pid"));
            if (done == null) {
                throw ApiError.die("Agent error: Invalid parameter 'pid'");
            }
            Map<String, Object> out = map("exited", 1, "exitcode", AsciiNumbers.parseInt(done[0]));
            if (!done[1].isEmpty()) {
                out.put("out-data", done[1]);
            }
            if (!done[2].isEmpty()) {
                out.put("err-data", done[2]);
            }
            return out;
        });
    }

    /** The guest, when its agent answers: configured ({@code agent: 1}) and the VM running. */
    private Guest agent(Call c) {
        Guest g = cluster.guest(c.node(), "qemu", c.integer("vmid"));
        if (!g.config.getOrDefault("agent", "0").matches("(enabled=)?1.*")) {
            throw ApiError.die("No QEMU guest agent configured");
        }
        if (!"running".equals(g.status)) {
            throw ApiError.die("VM " + g.vmid + " is not running");
        }
        return g;
    }

    private static String hostName(Guest g) {
        return g.config.getOrDefault("name", "vm" + g.vmid);
    }

    /** Acts out a command: exit code, stdout, stderr. */
    private static String[] run(Guest g, List<String> command, String input) {
        String program = command.get(0);
        List<String> args = command.subList(1, command.size());
        return switch (program) {
            case "true" -> new String[] {"0", "", ""};
            case "false" -> new String[] {"1", "", ""};
            case "hostname" -> new String[] {"0", hostName(g) + "\n", ""};
            case "rm" -> {
                args.stream().filter(a -> !a.startsWith("-")).forEach(g.agentFiles::remove);
                yield new String[] {"0", "", ""};
            }
            case "echo" -> new String[] {"0", String.join(" ", args) + "\n", ""};
            case "cat" -> {
                if (args.isEmpty()) {
                    yield new String[] {"0", input == null ? "" : input, ""};
                }
                StringBuilder out = new StringBuilder();
                for (String f : args) {
                    byte[] b = g.agentFiles.get(f);
                    if (b == null) {
                        yield new String[] {"1", out.toString(), "cat: " + f + ": No such file or directory\n"};
                    }
                    out.append(new String(b, StandardCharsets.UTF_8));
                }
                yield new String[] {"0", out.toString(), ""};
            }
            default -> new String[] {"127", "", program + ": command not found\n"};
        };
    }
}
