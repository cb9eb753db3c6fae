package dev.ops.core.journal;

import dev.ops.core.text.AsciiNumbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stops what a dead apply's step left running on this machine, from what {@code /proc} says. */
final class LocalProcessGroups {
    private static final Logger LOG = LoggerFactory.getLogger(LocalProcessGroups.class);

    private LocalProcessGroups() {}

    /** What {@code /proc/PID/stat} says of a process: its state letter and process group. */
    record Stat(char state, long processGroup) {
        boolean alive() {
            return state != 'Z' && state != 'X';
        }
    }

    /**
     * Kills {@code p} (its whole process group when it leads one) with SIGKILL and waits up to
     * {@code wait} for every member to be gone; returns the pids still alive then (none on success).
     */
    static List<Long> stop(StepProcess p, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Long> members = members(p);
        if (!members.isEmpty()) {
            LOG.info("stopping {} left running by an interrupted step: pids {}", p, members);
        }
        while (!members.isEmpty()) {
            for (long pid : members) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            if (System.nanoTime() > deadline) {
                return members;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return members;
            }
            members = members(p);
        }
        return List.of();
    }

    /** The live processes that belong to {@code p}: its group's members, or the process and its descendants. */
    static List<Long> members(StepProcess p) {
        Optional<ProcessHandle> leader = ProcessHandle.of(p.pid());
        boolean leaderIsOurs = leader.isPresent() && leader.get().info().startInstant().map(s -> s.equals(p.started())).orElse(false);
        boolean pidReused = leader.isPresent() && stat(p.pid()).map(Stat::alive).orElse(false) && !leaderIsOurs;
        List<Long> out = new ArrayList<>();
        if (p.processGroup() > 0) {
            // The kernel hands out no pid in use as a process group id, so a reused leader pid means our group is empty.
            if (pidReused) {
                return out;
            }
            ProcessHandle.allProcesses().forEach(h -> stat(h.pid())
                    .filter(s -> s.alive() && s.processGroup() == p.processGroup()).ifPresent(s -> out.add(h.pid())));
            return out;
        }
        if (leaderIsOurs && stat(p.pid()).map(Stat::alive).orElse(false)) {
            out.add(p.pid());
            leader.get().descendants().forEach(d -> out.add(d.pid()));
        }
        return out;
    }

    /** Reads {@code /proc/PID/stat}; empty when the process is gone. */
    static Optional<Stat> stat(long pid) {
        String text;
        try {
            text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return Optional.empty();
        }
        // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so read after the last ')'.
        int close = text.lastIndexOf(')');
        if (close < 0 || close + 2 >= text.length()) {
            return Optional.empty();
        }
        String[] fields = text.substring(close + 2).split(" ");
        if (fields.length < 3 || fields[0].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Stat(fields[0].charAt(0), AsciiNumbers.parseLong(fields[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
