package dev.ops.core.journal;

import java.time.Instant;
import java.util.Optional;

/** The process that runs an apply: machine, pid and the pid's start time (pids get reused). */
public record Owner(String machine, long pid, Instant processStart) {

    /** This JVM. */
    public static Owner current() {
        ProcessHandle self = ProcessHandle.current();
        return new Owner(machineName(), self.pid(), self.info().startInstant().orElse(Instant.EPOCH));
    }

    /** Whether the owner runs on this machine, where its pid can be checked. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isLocal() {
        return machine.equals(machineName());
    }

    /** Whether that process is still alive; only answerable for this machine (else assumed alive). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isAlive() {
        if (!machine.equals(machineName())) {
            return true;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        return p.isPresent() && p.get().isAlive()
                && p.get().info().startInstant().map(s -> s.equals(processStart)).orElse(true);
    }

    private static String machineName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
