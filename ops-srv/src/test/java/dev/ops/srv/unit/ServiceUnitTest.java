package dev.ops.srv.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceUnitTest {

    private static ServiceUnit.Builder web() {
        return ServiceUnit.builder().description("web frontend").addExecStart("/usr/local/bin/web", "--greeting", "hello world", "$HOME");
    }

    @Test
    void rendersEverySectionInFixedOrderWithQuotedArguments() {
        ServiceUnit unit = web()
                .addAfter("network-online.target").addWants("network-online.target")
                .startLimitBurst(3).startLimitInterval(Duration.ofSeconds(60))
                .putEnvironment("B", "two words").putEnvironment("A", "1")
                .restart(RestartPolicy.ON_FAILURE).restartSec(Duration.ofMillis(1500))
                .watchdogSec(Duration.ofSeconds(30)).programNotifies(true).type(ServiceType.NOTIFY)
                .limitNofile(65536L).memoryMax(536870912L).cpuQuotaPercent(150).tasksMax(64L)
                .noNewPrivileges(true).privateTmp(true).protectSystem(ProtectSystem.STRICT).protectHome(ProtectHome.YES)
                .addReadWritePaths("/var/lib/web")
                .addWantedBy("multi-user.target")
                .build();

        assertThat(unit.render()).isEqualTo("""
                # Written by ops; changes here are overwritten.

                [Unit]
                Description=web frontend
                After=network-online.target
                Wants=network-online.target
                StartLimitBurst=3
                StartLimitIntervalSec=60s

                [Service]
                Type=notify
                ExecStart=/usr/local/bin/web --greeting "hello world" $$HOME
                Environment=A=1
                Environment="B=two words"
                Restart=on-failure
                RestartSec=1500ms
                WatchdogSec=30s
                LimitNOFILE=65536
                MemoryMax=536870912
                CPUQuota=150%
                TasksMax=64
                NoNewPrivileges=yes
                PrivateTmp=yes
                ProtectSystem=strict
                ProtectHome=yes
                ReadWritePaths=/var/lib/web

                [Install]
                WantedBy=multi-user.target
                """);
    }

    @Test
    void equalValuesRenderEqualBytesWhateverTheBuildOrder() {
        ServiceUnit a = web().putEnvironment("A", "1").putEnvironment("B", "2").build();
        ServiceUnit b = web().putEnvironment("B", "2").putEnvironment("A", "1").build();

        assertThat(a.render()).isEqualTo(b.render());
    }

    @Test
    void everyBadFieldIsReportedAtOnceByName() {
        assertThatThrownBy(() -> ServiceUnit.builder().description("two\nlines").addExecStart("bin/web")
                .restartSec(Duration.ofSeconds(-1)).addWantedBy("multi user.target").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violationsOf("description")).isNotEmpty();
                    assertThat(e.violationsOf("execStart")).singleElement().asString().contains("absolute path");
                    assertThat(e.violationsOf("restartSec")).isNotEmpty();
                    assertThat(e.violationsOf("wantedBy")).singleElement().asString().contains("not a unit name");
                });
    }

    @Test
    void unitNamesRefuseSpacesPathSeparatorsAndUnknownSuffixes() {
        assertThat(UnitNames.valid("web.service")).isTrue();
        assertThat(UnitNames.valid("getty@tty1.service")).isTrue();
        assertThat(UnitNames.valid("web app.service")).isFalse();
        assertThat(UnitNames.valid("../web.service")).isFalse();
        assertThat(UnitNames.valid("etc/web.service")).isFalse();
        assertThat(UnitNames.valid("web")).isFalse();
        assertThat(UnitNames.valid(".service")).isFalse();
    }

    @Test
    void aStartLimitThatCanNeverTripIsALintError() {
        ServiceUnit unit = web().restart(RestartPolicy.ALWAYS).restartSec(Duration.ofSeconds(5)).build();

        assertThat(unit.lint()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(LintFinding.Severity.ERROR);
            assertThat(f.field()).isEqualTo("startLimitInterval");
            assertThat(f.message()).contains("RestartSec 5s × (StartLimitBurst 5 − 1) = 20s exceeds StartLimitIntervalSec 10s");
        });
    }

    @Test
    void aStartLimitWindowWideEnoughToTripIsClean() {
        ServiceUnit unit = web().restart(RestartPolicy.ALWAYS).restartSec(Duration.ofSeconds(5)).startLimitInterval(Duration.ofSeconds(60)).build();

        assertThat(unit.lint()).isEmpty();
    }

    @Test
    void notifyWithoutANotifyingProgramIsAWarning() {
        assertThat(web().type(ServiceType.NOTIFY).build().lint()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(LintFinding.Severity.WARNING);
            assertThat(f.field()).isEqualTo("type");
        });
        assertThat(web().type(ServiceType.NOTIFY).programNotifies(true).build().lint()).isEmpty();
    }

    @Test
    void hardeningThatBlocksAPathTheServiceWritesIsALintError() {
        ServiceUnit blocked = web().protectSystem(ProtectSystem.STRICT).addWritesTo("/var/lib/web/data").build();
        ServiceUnit allowed = blocked.toBuilder().addReadWritePaths("/var/lib/web").build();

        assertThat(blocked.lint()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("writesTo");
            assertThat(f.message()).contains("/var/lib/web/data").contains("ProtectSystem=strict");
        });
        assertThat(allowed.lint()).isEmpty();
    }

    @Test
    void dropInsRenderTheirSectionsInOrder() {
        DropIn d = DropIn.builder().name("50-limits.conf").service("MemoryMax", "512M").unit("StartLimitBurst", "10").build();

        assertThat(d.render()).isEqualTo("""
                # Written by ops; changes here are overwritten.

                [Unit]
                StartLimitBurst=10

                [Service]
                MemoryMax=512M
                """);
    }

    @Test
    void aDropInNamesItsBadFields() {
        assertThatThrownBy(() -> DropIn.builder().name("../x.conf").addSettings(new UnitSetting("Servic", "memory max", "1")).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violationsOf("name")).isNotEmpty();
                    assertThat(e.violationsOf("settings")).hasSize(2);
                });
    }

    @Test
    void rendersPreCommandsEnvironmentFilesAndTheFurtherHardeningOptions() {
        ServiceUnit unit = web().addExecStartPre(java.util.List.of("/usr/local/bin/web", "--check-config"))
                .addEnvironmentFiles("/etc/default/web").timeoutStartSec(Duration.ofSeconds(30))
                .privateDevices(true).protectKernel(true).addRestrictAddressFamilies("AF_INET", "AF_INET6", "AF_UNIX")
                .addCapabilityBoundingSet("CAP_NET_BIND_SERVICE").addAmbientCapabilities("CAP_NET_BIND_SERVICE").addStateDirectories("web")
                .build();

        assertThat(unit.render()).contains("""
                [Service]
                Type=simple
                ExecStartPre=/usr/local/bin/web --check-config
                ExecStart=/usr/local/bin/web --greeting "hello world" $$HOME
                EnvironmentFile=/etc/default/web
                Restart=no
                TimeoutStartSec=30s
                PrivateDevices=yes
                ProtectKernelTunables=yes
                ProtectKernelModules=yes
                ProtectControlGroups=yes
                RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX
                CapabilityBoundingSet=CAP_NET_BIND_SERVICE
                AmbientCapabilities=CAP_NET_BIND_SERVICE
                StateDirectory=web
                """);
    }

    @Test
    void aStateDirectoryStaysWritableUnderStrictProtection() {
        ServiceUnit unit = web().protectSystem(ProtectSystem.STRICT).addStateDirectories("web").addWritesTo("/var/lib/web/db").build();

        assertThat(unit.lint()).isEmpty();
    }

    @Test
    void badCapabilitiesFamiliesAndStateDirectoriesNameTheirFields() {
        assertThatThrownBy(() -> web().addCapabilityBoundingSet("NET_ADMIN").addRestrictAddressFamilies("inet")
                .addStateDirectories("/var/lib/web").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violationsOf("capabilityBoundingSet")).isNotEmpty();
                    assertThat(e.violationsOf("restrictAddressFamilies")).isNotEmpty();
                    assertThat(e.violationsOf("stateDirectories")).isNotEmpty();
                });
    }
}
