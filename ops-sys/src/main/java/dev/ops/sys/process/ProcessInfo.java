package dev.ops.sys.process;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One process, from /proc/PID/stat, /proc/PID/status and /proc/PID/cmdline.
 *
 * @param pid the process id
 * @param ppid the parent's id
 * @param name the command name ({@code comm}, at most 15 characters)
 * @param state the state letter ({@code R}, {@code S}, {@code D}, {@code Z}, {@code T}...)
 * @param uid the real user id
 * @param user the user name for {@code uid} from /etc/passwd, or the number when it has none
 * @param gid the real group id
 * @param processGroup the process group id
 * @param session the session id
 * @param threads the number of threads
 * @param nice the nice value
 * @param cpuTime user plus system CPU time
 * @param startedAt when it started (boot time plus its start ticks)
 * @param vsizeBytes virtual memory size
 * @param rssBytes resident set size
 * @param commandLine the argument vector; empty for kernel threads and zombies
 */
public record ProcessInfo(long pid, long ppid, String name, char state, int uid, String user, int gid, long processGroup, long session,
        int threads, int nice, Duration cpuTime, Instant startedAt, long vsizeBytes, long rssBytes, List<String> commandLine) {

    public ProcessInfo {
        commandLine = List.copyOf(commandLine);
    }

    /** Whether this is a kernel thread (no command line, child of kthreadd or kthreadd itself). */
    public boolean kernelThread() {
        return commandLine.isEmpty() && (ppid == 2 || pid == 2);
    }
}
