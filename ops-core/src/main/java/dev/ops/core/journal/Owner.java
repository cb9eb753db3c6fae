package dev.ops.core.journal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Optional;

/** The process that runs an apply: machine, pid and the pid's start time (pids get reused). */
public record Owner(String machine, long pid, Instant processStart) {
    private static final class Self {
        static final String MACHINE = machineName();
        static final Owner CURRENT = new Owner(MACHINE, ProcessHandle.current().pid(),
                ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH));
    }

    /** This JVM. */
    public static Owner current() {
        return Self.CURRENT;
    }

    /** Whether the owner runs on this machine, where its pid can be checked. */
    @JsonIgnore
    public boolean isLocal() {
        return machine.equals(Self.MACHINE);
    }

    /** Whether the owner is this JVM. */
    @JsonIgnore
    public boolean isCurrent() {
        return equals(Self.CURRENT);
    }

    /** Whether that process is still alive; only answerable for this machine (else assumed alive). */
    @JsonIgnore
    public boolean isAlive() {
        if (!isLocal()) {
            return true;
        }
        if (isCurrent()) {
            return true;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        return p.isPresent() && p.get().isAlive()
                && p.get().info().startInstant().map(s -> s.equals(processStart)).orElse(true);
    }

    @Override
    public String toString() {
        return "pid " + pid + " on " + machine + " (started " + processStart + ")";
    }

    private static String machineName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
