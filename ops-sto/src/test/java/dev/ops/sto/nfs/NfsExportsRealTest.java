package dev.ops.sto.nfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.host.Command;
import dev.ops.core.testing.RealComponents;
import dev.ops.testkit.sandbox.SandboxHost;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exports written to a real /etc/exports (a copy-on-write overlay in a sandbox) and applied with the
 * real {@code exportfs -ra}; the kernel's table is read with {@code exportfs -v} only where nfsd is
 * loaded (a kernel feature; without it exportfs keeps its table in /var/lib/nfs, inside the overlay).
 */
@Timeout(60)
class NfsExportsRealTest {
    private SandboxHost host;
    private NfsExports nfs;

    @BeforeEach
    void sandbox() {
        RealComponents.root();
        RealComponents.assume(SandboxHost.isSupported(), "unshare and nsenter (private namespaces)");
        RealComponents.program("exportfs");
        host = SandboxHost.start();
        host.check(Command.of("mkdir", "-p", "/srv/ops-share", "/srv/ops share 2"));
        nfs = NfsExports.on(host, Ops.inMemory());
    }

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void anExportIsWrittenExportedAndRolledBackToTheExactFile() {
        host.writeFile("/etc/exports", "# kept as it is\n/srv/ops-share 10.9.9.9(ro)\n".getBytes(), "0644", true);
        var change = nfs.export("/srv/ops-share").to(NfsClient.of("127.0.0.1", "rw", "sync", "no_subtree_check"))
                .to(NfsClient.of("127.0.0.2", "ro", "no_subtree_check")).present();
        var plan = change.plan();
        assertThat(plan.toString()).contains("-/srv/ops-share 10.9.9.9(ro)").contains("+/srv/ops-share 127.0.0.1(rw,sync,no_subtree_check)");
        var done = change.apply();
        assertThat(done.value()).hasValueSatisfying(e -> assertThat(e.clients()).hasSize(2));
        assertThat(host.readText("/etc/exports")).contains("# kept as it is\n/srv/ops-share 127.0.0.1(rw,sync,no_subtree_check) 127.0.0.2(ro,no_subtree_check)\n");
        assertThat(change.plan().isEmpty()).isTrue();
        done.rollback();
        assertThat(host.readText("/etc/exports")).contains("# kept as it is\n/srv/ops-share 10.9.9.9(ro)\n");
    }

    @Test
    void aPathWithASpaceGoesToADropInFileAndAbsentRemovesIt() {
        var done = nfs.export("/srv/ops share 2").in("/etc/exports.d/ops.exports").to(NfsClient.of("127.0.0.1", "ro", "no_subtree_check")).present().apply();
        assertThat(host.readText("/etc/exports.d/ops.exports")).contains("\"/srv/ops share 2\" 127.0.0.1(ro,no_subtree_check)\n");
        assertThat(nfs.get("/srv/ops share 2")).isPresent();
        assertThat(nfs.export("/srv/ops share 2").in("/etc/exports.d/ops.exports").absent().apply().value()).isEqualTo(Optional.empty());
        assertThat(nfs.get("/srv/ops share 2")).isEmpty();
        done.rollback();
    }

    @Test
    void aFileWithASpaceBeforeAParenthesisIsNotTouched() {
        host.writeFile("/etc/exports", "/srv/ops-share host (rw)\n".getBytes(), "0644", true);
        assertThatThrownBy(() -> nfs.export("/srv/other").to(NfsClient.of("127.0.0.1", "ro")).present().plan())
                .isInstanceOf(ExportsSyntaxException.class);
        assertThat(host.readText("/etc/exports")).contains("/srv/ops-share host (rw)\n");
    }
}
