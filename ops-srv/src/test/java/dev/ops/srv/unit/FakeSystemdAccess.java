package dev.ops.srv.unit;

import dev.ops.core.host.Host;
import java.util.List;

/** {@link FakeSystemd} for tests outside this package. */
public final class FakeSystemdAccess {
    private final FakeSystemd systemd;

    private FakeSystemdAccess(FakeSystemd systemd) {
        this.systemd = systemd;
    }

    /** A scripted systemd knowing {@code unit} in {@code activeState}. */
    public static FakeSystemdAccess withUnit(String unit, String activeState) {
        return new FakeSystemdAccess(new FakeSystemd().unit(unit, activeState, "enabled"));
    }

    public Host host() {
        return systemd.host;
    }

    public List<String> lines() {
        return systemd.systemctlLines();
    }

    public String activeState(String unit) {
        return systemd.active.get(unit);
    }
}
