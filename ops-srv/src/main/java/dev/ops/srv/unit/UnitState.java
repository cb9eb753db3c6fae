package dev.ops.srv.unit;

import dev.ops.core.text.AsciiNumbers;
import java.util.Map;
import java.util.Objects;

/**
 * A unit's state as {@code systemctl show} reports it.
 *
 * @param id the unit's name
 * @param loadState {@code loaded}, {@code not-found}, {@code masked}, ...
 * @param activeState {@code active}, {@code inactive}, {@code failed}, {@code activating}, ...
 * @param subState {@code running}, {@code dead}, {@code exited}, ...
 * @param unitFileState {@code enabled}, {@code disabled}, {@code static}, {@code masked}, or empty
 * @param mainPid the main process id, 0 when none
 * @param restarts how often systemd restarted it automatically ({@code NRestarts})
 * @param result {@code success} or why it last failed ({@code exit-code}, {@code signal}, {@code watchdog}, ...)
 */
public record UnitState(String id, String loadState, String activeState, String subState, String unitFileState, long mainPid,
        long restarts, String result) {

    /** The properties read, as {@code systemctl show --property=} takes them. */
    public static final String PROPERTIES = "Id,LoadState,ActiveState,SubState,UnitFileState,MainPID,NRestarts,Result";

    public UnitState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(loadState, "loadState");
        Objects.requireNonNull(activeState, "activeState");
        Objects.requireNonNull(subState, "subState");
        Objects.requireNonNull(unitFileState, "unitFileState");
        Objects.requireNonNull(result, "result");
    }

    /** The state in {@code Key=value} properties as {@code systemctl show} prints them; missing ones read as empty or 0. */
    public static UnitState of(Map<String, String> p) {
        return new UnitState(p.getOrDefault("Id", ""), p.getOrDefault("LoadState", ""), p.getOrDefault("ActiveState", ""),
                p.getOrDefault("SubState", ""), p.getOrDefault("UnitFileState", ""), number(p.get("MainPID")), number(p.get("NRestarts")),
                p.getOrDefault("Result", ""));
    }

    private static long number(String s) {
        if (s == null || s.isEmpty() || s.equals("[not set]")) {
            return 0;
        }
        try {
            return AsciiNumbers.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether the unit runs (or is starting or reloading). */
    public boolean isActive() {
        return activeState.equals("active") || activeState.equals("activating") || activeState.equals("reloading");
    }

    /** Whether the unit failed. */
    public boolean isFailed() {
        return activeState.equals("failed");
    }

    /** Whether the unit file exists for systemd. */
    public boolean exists() {
        return !loadState.equals("not-found");
    }
}
