package dev.ops.srv.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.host.LocalHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runtime changes written into the configuration file too, checked by the real {@code haproxy -c}, kept across a restart. */
@Timeout(60)
class HaproxyConfigRealTest {
    private final Ops ops = Ops.inMemory();
    @TempDir
    Path dir;
    private HaproxyLab lab;

    @AfterEach
    void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aPersistedWeightAndMaintenanceSurviveARestartAndRollbackRestoresTheExactBytes() throws Exception {
        lab = new HaproxyLab(dir, List.of("web-1", "web-2", "web-3"), Map.of());
        byte[] before = Files.readAllBytes(lab.config);
        HaproxyConfig config = HaproxyConfig.on(LocalHost.create(), ops).path(lab.config.toString());
        HaproxyRuntime.Servers servers = lab.runtime.servers(ops).persistedIn(config);

        Applied<ServerStat> weighted = servers.server("web", "web-2").weight(50).apply();
        Applied<ServerStat> maint = servers.server("web", "web-3").maint().apply();

        assertThat(weighted.value().weight()).isEqualTo(50);
        assertThat(maint.value().status()).isEqualTo("MAINT");
        assertThat(Files.readString(lab.config)).contains("server web-2 127.0.0.1:" + lab.port("web-2") + " weight 50 check")
                .containsPattern("server web-3 .* disabled");
        lab.restartHaproxy();
        assertThat(lab.runtime.server("web", "web-2").orElseThrow().weight()).isEqualTo(50);
        assertThat(lab.runtime.server("web", "web-3").orElseThrow().status()).isEqualTo("MAINT");

        maint.rollback();
        weighted.rollback();
        assertThat(Files.readAllBytes(lab.config)).isEqualTo(before);
        assertThat(lab.runtime.server("web", "web-2").orElseThrow().weight()).isEqualTo(100);
        assertThat(lab.runtime.server("web", "web-3").orElseThrow().status()).isNotEqualTo("MAINT");
        HaproxyLab.await(() -> lab.runtime.server("web", "web-3").orElseThrow().status().equals("UP"), java.time.Duration.ofSeconds(5));
    }

    @Test
    void aConfigurationThatHaproxyRefusesIsNotWrittenAndTheRuntimeIsNotTouched() throws Exception {
        lab = new HaproxyLab(dir, List.of("web-1", "web-2"), Map.of());
        // a line haproxy -c refuses, put there by hand: any rewrite of this file must be refused too
        Files.writeString(lab.config, Files.readString(lab.config) + "    bogus-keyword yes\n");
        byte[] before = Files.readAllBytes(lab.config);

        assertThatThrownBy(() -> lab.runtime.servers(ops).persistedIn(HaproxyConfig.on(LocalHost.create(), ops).path(lab.config.toString()))
                .server("web", "web-2").weight(10).apply()).isInstanceOf(HaproxyConfigException.class).hasMessageContaining("bogus-keyword");

        assertThat(Files.readAllBytes(lab.config)).isEqualTo(before);
        assertThat(lab.runtime.server("web", "web-2").orElseThrow().weight()).isEqualTo(100);
    }
}
