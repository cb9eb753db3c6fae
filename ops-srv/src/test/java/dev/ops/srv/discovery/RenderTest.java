package dev.ops.srv.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.srv.discovery.internal.Render;
import dev.ops.srv.haproxy.internal.HaproxyConfigText;
import dev.ops.srv.health.HealthStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What is rendered from the registry: only healthy instances, sorted, the rest of a configuration kept. */
class RenderTest {
    private static final List<ServiceInstance> INSTANCES = List.of(
            ServiceInstance.builder().service("api").id("api-2").address("10.0.0.12").port(8080).health(HealthStatus.HEALTHY).build(),
            ServiceInstance.builder().service("api").id("api-1").address("10.0.0.11").port(8080).health(HealthStatus.HEALTHY).build(),
            ServiceInstance.builder().service("api").id("api-3").address("10.0.0.13").port(8080).health(HealthStatus.UNHEALTHY).build(),
            ServiceInstance.builder().service("db").id("db-1").address("10.0.0.21").port(5432).build());

    @Test
    void theHostsFileNamesEachHealthyInstanceUnderItsServiceAndItsOwnName() {
        assertThat(Render.hosts(INSTANCES, "svc.lab")).isEqualTo("""
                # written by ops-srv from the service registry; edits are overwritten
                10.0.0.11 api.svc.lab api-1.api.svc.lab
                10.0.0.12 api.svc.lab api-2.api.svc.lab
                """);
    }

    @Test
    void aBackendsServerLinesAreReplacedWhereTheyWereAndTheRestIsKept() {
        String cfg = """
                backend api
                    balance roundrobin
                    server old 10.0.0.1:80 check
                    http-request set-header X-Api 1
                backend db
                    server db-1 10.0.0.21:5432
                """;

        String out = HaproxyConfigText.replaceServers(cfg, "api", Render.servers(INSTANCES, "api", "check inter 1s"));

        assertThat(out).isEqualTo("""
                backend api
                    balance roundrobin
                    server api-1 10.0.0.11:8080 check inter 1s
                    server api-2 10.0.0.12:8080 check inter 1s
                    http-request set-header X-Api 1
                backend db
                    server db-1 10.0.0.21:5432
                """);
    }

    @Test
    void aBackendWithoutServersGetsThemAtTheEndOfItsSection() {
        String out = HaproxyConfigText.replaceServers("backend api\n    balance roundrobin\n\nfrontend fe\n", "api",
                Render.servers(INSTANCES, "api", "check"));

        assertThat(out).isEqualTo("backend api\n    balance roundrobin\n    server api-1 10.0.0.11:8080 check\n"
                + "    server api-2 10.0.0.12:8080 check\n\nfrontend fe\n");
    }

    @Test
    void anNginxUpstreamListsHealthyInstancesOrADownPlaceholder() {
        assertThat(Render.nginxUpstream(INSTANCES, "api", "api", "max_fails=2")).isEqualTo("""
                # written by ops-srv from the service registry; edits are overwritten
                upstream api {
                    server 10.0.0.11:8080 max_fails=2;
                    server 10.0.0.12:8080 max_fails=2;
                }
                """);
        assertThat(Render.nginxUpstream(INSTANCES, "web", "web", "")).contains("    server 127.0.0.1:1 down;");
    }
}
