package dev.ops.bench.support;

import dev.ops.core.testing.Sshd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ansible} ad-hoc against the benchmark's sshd servers (or localhost) the same way
 * every time: a generated inventory, forks = number of hosts, pipelining, host-key checking against
 * the servers' known_hosts, Ansible's default ControlPersist ssh_args, and a fresh control-path,
 * home and temp directory per run so that no run reuses the master connections of another.
 */
public final class Ansible {
    private final Path work;
    private final Sshd sshd;
    private int runs;

    public Ansible(Path work, Sshd sshd) {
        this.work = work;
        this.sshd = sshd;
    }

    /** Runs {@code ansible fleet -m module [-a args]} on all servers; returns the wall time in seconds. */
    public double fleet(String module, String args) throws Exception {
        return run(false, module, args);
    }

    /** Runs {@code ansible localhost -c local -m module}; returns the wall time in seconds. */
    public double local(String module) throws Exception {
        return run(true, module, null);
    }

    private double run(boolean local, String module, String args) throws Exception {
        int n = sshd.ports().size();
        // Short: ssh's ControlPath (a Unix socket path, at most 107 bytes) lives under it.
        Path dir = Files.createDirectory(work.resolve("a" + runs++));
        Path inventory = dir.resolve("hosts.ini");
        StringBuilder inv = new StringBuilder();
        if (local) {
            inv.append("localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n");
        } else {
            inv.append("[fleet]\n");
            for (int i = 0; i < n; i++) {
                inv.append(String.format("node-%02d ansible_host=%s ansible_port=%d%n", i, Sshd.HOST, sshd.ports().get(i)));
            }
            inv.append("[fleet:vars]\nansible_user=root\nansible_ssh_private_key_file=").append(sshd.clientKey())
                    .append("\nansible_python_interpreter=/usr/bin/python3\n");
        }
        Files.writeString(inventory, inv.toString());
        Path cfg = dir.resolve("ansible.cfg");
        Files.writeString(cfg, String.join("\n",
                "[defaults]",
                "forks = " + n,
                "host_key_checking = True",
                "gathering = explicit",
                "retry_files_enabled = False",
                "[ssh_connection]",
                "pipelining = True",
                // ansible's own default ssh_args, plus the servers' known_hosts file
                "ssh_args = -C -o ControlMaster=auto -o ControlPersist=60s -o UserKnownHostsFile=" + sshd.knownHosts()
                        + " -o GlobalKnownHostsFile=/dev/null",
                ""));
        List<String> argv = new ArrayList<>(local
                ? List.of("ansible", "localhost", "-i", inventory.toString(), "-c", "local", "-m", module, "-o")
                : List.of("ansible", "fleet", "-i", inventory.toString(), "-m", module, "-f", String.valueOf(n), "-o"));
        if (args != null) {
            argv.addAll(List.of("-a", args));
        }
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("ANSIBLE_CONFIG", cfg.toString());
        env.put("ANSIBLE_HOME", dir.resolve("home").toString());
        env.put("ANSIBLE_LOCAL_TEMP", dir.resolve("tmp").toString());
        env.put("ANSIBLE_SSH_CONTROL_PATH_DIR", dir.resolve("cp").toString());
        env.put("ANSIBLE_NOCOLOR", "1");
        env.put("HOME", dir.toString());
        long t0 = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(300, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long ok = out.lines().filter(l -> l.contains("| SUCCESS") || l.contains("| CHANGED")).count();
        if (!done || p.exitValue() != 0 || ok != (local ? 1 : n)) {
            throw new IllegalStateException("ansible -m " + module + (local ? " (local)" : "") + " failed (" + ok + " ok):\n"
                    + out.substring(0, Math.min(out.length(), 3000)));
        }
        return seconds;
    }
}
