package dev.ops.lab.testing;

import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The test site pointed at a running fake: its endpoint and pinned certificate, and an environment holding the token. */
public final class FakeSites {
    private FakeSites() {}

    /**
     * A copy of site1 in {@code dir} whose endpoint is {@code pve}. Its host {@code web} is put on
     * loopback port 1, where nothing listens: a command that reaches for the site's hosts reaches
     * nothing off this machine.
     */
    public static Path pointedAt(Path dir, PveFakeServer pve) {
        Sites.copy(dir);
        Sites.edit(dir, "site.yml", "endpoint: https://pve1.lab:8006", "endpoint: " + pve.baseUri() + "\n  fingerprint: " + pve.fingerprint());
        Sites.edit(dir, "inventory.yml", "address: 10.10.1.101", "address: 127.0.0.1\n    port: 1");
        return dir;
    }

    /** An environment with the fake's token under the site's secret names, Doppler off. */
    public static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PM_TOKEN_ID", Fakes.TOKEN_USER + "!" + Fakes.TOKEN_ID);
        env.put("PM_TOKEN_SECRET", Fakes.TOKEN_SECRET);
        env.put("DOPPLER", "0");
        return env;
    }
}
