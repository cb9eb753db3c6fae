package dev.ops.sys.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ValidationException;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.sys.pkg.PackageOperation.Kind;
import dev.ops.sys.support.LocalAptRepo;
import dev.ops.sys.support.Sandboxes;
import dev.ops.testkit.sandbox.SandboxHost;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class PackagesTest {
    private static final LocalHost MACHINE = LocalHost.create();
    private static SandboxHost sandbox;
    private static String machineStatus;
    private final Ops ops = Ops.inMemory();

    /** One sandbox and repository for the class (building them takes seconds); each test starts with no ops-* package. */
    @BeforeAll
    static void start() {
        sandbox = Sandboxes.start("pkg-sbx");
        machineStatus = MACHINE.run("md5sum", "/var/lib/dpkg/status").stdoutText();
        LocalAptRepo.create(sandbox);
    }

    @AfterEach
    void reset() {
        sandbox.check(Command.shell("apt-mark unhold ops-app ops-lib ops-tool >/dev/null 2>&1; dpkg --purge ops-app ops-lib ops-tool >/dev/null 2>&1; "
                + "dpkg-query -W -f='${Status}\\n' ops-app ops-lib ops-tool 2>/dev/null | grep -q ' installed$' && exit 1; exit 0"));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
            assertThat(MACHINE.run("dpkg-query", "-W", "ops-app", "ops-lib", "ops-tool").exitCode()).isEqualTo(1);
            assertThat(MACHINE.run("md5sum", "/var/lib/dpkg/status").stdoutText()).isEqualTo(machineStatus);
        }
    }

    private String status(String name) {
        return LocalAptRepo.status(sandbox, name);
    }

    private boolean installed(String name) {
        return status(name).endsWith(" ok installed");
    }

    private void dpkgInstall(String... names) {
        StringBuilder s = new StringBuilder("dpkg -i");
        for (String n : names) {
            s.append(' ').append(LocalAptRepo.DIR).append('/').append(n).append("_1.0_all.deb");
        }
        sandbox.check(Command.shell(s.toString()));
    }

    @Test
    void installedMatchesDpkgQuery() {
        List<InstalledPackage> installed = Packages.on(sandbox, ops).list();

        String count = sandbox.output("sh", "-c", "dpkg-query -W -f='${Status}\\n' | grep -c ' installed$'").strip();
        assertThat(installed).hasSize(Integer.parseInt(count));
        assertThat(installed).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("dpkg");
            assertThat(p.version()).isEqualTo(sandbox.output("dpkg-query", "-W", "-f=${Version}", "dpkg"));
        });
    }

    @Test
    void queryOfAnUnknownPackageIsEmpty() {
        assertThat(Packages.on(sandbox, ops).get("ops-no-such-package")).isEmpty();
        dpkgInstall("ops-tool");
        assertThat(Packages.on(sandbox, ops).get("ops-tool")).hasValue(new InstalledPackage("ops-tool", "1.0", "all", "install", "installed"));
    }

    @Test
    void installPlanListsTheDependencyAndChangesNothing() {
        Plan plan = Packages.on(sandbox, ops).packages("ops-app").present().plan();

        assertThat(Packages.on(sandbox, ops).packages("ops-app").simulatePresent().operations()).containsExactly(
                new PackageOperation(Kind.INSTALL, "ops-lib", "1.0", "", false),
                new PackageOperation(Kind.INSTALL, "ops-app", "1.0", "", true));
        assertThat(plan.steps().get(0).action().render()).contains("apt-get install -y").endsWith("-- ops-lib=1.0 ops-app=1.0");
        assertThat(plan.steps().get(0).undo().orElseThrow().render()).contains("apt-get remove -y").endsWith("-- ops-lib ops-app");
        assertThat(installed("ops-app")).isFalse();
        assertThat(installed("ops-lib")).isFalse();
    }

    @Test
    void installThenRollbackRemovesWhatWasInstalled() {
        Applied<PackageTransaction> done = Packages.on(sandbox, ops).packages("ops-app").present().apply();

        assertThat(done.value().of(Kind.INSTALL)).extracting(PackageOperation::name).containsExactly("ops-lib", "ops-app");
        assertThat(installed("ops-app")).isTrue();
        assertThat(installed("ops-lib")).isTrue();
        assertThat(sandbox.output("apt-mark", "showauto")).contains("ops-lib").doesNotContain("ops-app");

        done.rollback();

        assertThat(installed("ops-app")).isFalse();
        assertThat(installed("ops-lib")).isFalse();
    }

    @Test
    void aRuntimeReopenedFromTheSameStoreRollsTheInstallBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path state) {
        Ops first = Ops.builder().store(dev.ops.core.store.FileStateStore.open(state)).build();
        String id = Packages.on(sandbox, first).packages("ops-app").present().apply().id().orElseThrow();

        Ops reopened = Ops.builder().store(dev.ops.core.store.FileStateStore.open(state)).build();
        reopened.rollback(id, dev.ops.core.change.Targets.of(sandbox)).run();

        assertThat(installed("ops-app")).isFalse();
        assertThat(installed("ops-lib")).isFalse();
    }

    @Test
    void anInstallByAUserWithoutRootIsRefusedBeforeAptRuns() {
        dev.ops.core.host.Host nobody = new dev.ops.core.host.Host() {
            @Override
            public String name() {
                return "pkg-sbx-nobody";
            }

            @Override
            public dev.ops.core.host.CommandResult run(Command command) {
                List<String> argv = new java.util.ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
                argv.addAll(command.argv());
                return sandbox.run(command.toBuilder().argv(argv).build());
            }
        };

        assertThat(Packages.on(nobody, ops).packages("ops-app").present().plan().steps()).isNotEmpty();
        assertThatThrownBy(() -> Packages.on(nobody, ops).packages("ops-app").present().apply()).isInstanceOf(dev.ops.core.error.PrivilegeException.class);
        assertThat(installed("ops-app")).isFalse();
    }

    @Test
    void installingWhatIsInstalledPlansNothing() {
        dpkgInstall("ops-tool");

        assertThat(Packages.on(sandbox, ops).packages("ops-tool").present().plan().isEmpty()).isTrue();
    }

    @Test
    void removePlanListsReverseDependenciesAndRollbackReinstallsThemAtTheirVersions() {
        dpkgInstall("ops-lib", "ops-app");

        Plan plan = Packages.on(sandbox, ops).packages("ops-lib").absent().plan();
        assertThat(plan.steps().get(0).action().render()).endsWith("apt-get remove -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold -- ops-app ops-lib");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("rollback reinstalls ops-app 1.0"));

        Applied<PackageTransaction> done = Packages.on(sandbox, ops).packages("ops-lib").absent().apply();
        assertThat(done.value().operations()).containsExactly(new PackageOperation(Kind.REMOVE, "ops-app", "1.0", "", false),
                new PackageOperation(Kind.REMOVE, "ops-lib", "1.0", "", true));
        assertThat(installed("ops-app")).isFalse();
        assertThat(installed("ops-lib")).isFalse();

        done.rollback();

        assertThat(installed("ops-app")).isTrue();
        assertThat(installed("ops-lib")).isTrue();
        assertThat(sandbox.output("dpkg-query", "-W", "-f=${Version}", "ops-app")).isEqualTo("1.0");
    }

    @Test
    void unknownPackagesAreATypedErrorNamingThem() {
        assertThatThrownBy(() -> Packages.on(sandbox, ops).packages("ops-tool", "ops-nope", "ops-app=9.9").present().apply())
                .isInstanceOfSatisfying(UnknownPackageException.class,
                        e -> assertThat(e.packages()).contains("ops-nope"));
        assertThatThrownBy(() -> Packages.on(sandbox, ops).packages("ops-app=9.9").present().plan())
                .isInstanceOfSatisfying(UnknownPackageException.class, e -> assertThat(e.packages()).containsExactly("ops-app=9.9"));

        assertThat(installed("ops-tool")).isFalse();
    }

    @Test
    void malformedNamesAreRefusedBeforeAptRuns() {
        assertThatThrownBy(() -> Packages.on(sandbox, ops).packages("Bad Name", "-o=x").present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).hasSize(2));
        assertThatThrownBy(() -> Packages.on(sandbox, ops).packages().absent().plan()).isInstanceOf(ValidationException.class);
    }

    @Test
    void aFrontendLockHeldWithFlockIsARetryableConflictAndNothingIsInstalled() throws Exception {
        Process holder = holdInSandbox("flock", "-x", "/var/lib/dpkg/lock-frontend", "-c", "echo locked; sleep 60");
        try {
            assertThatThrownBy(() -> Packages.on(sandbox, ops).packages("ops-app").present().apply())
                    .isInstanceOfSatisfying(PackageManagerLockedException.class, e -> assertThat(e.retryable()).isTrue())
                    .isInstanceOf(dev.ops.core.error.ConflictException.class);
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertThat(installed("ops-app")).isFalse();
        assertThat(installed("ops-lib")).isFalse();
    }

    @Test
    void aFrontendLockHeldTheWayDpkgHoldsItIsARetryableConflictNamingTheHolder() throws Exception {
        // dpkg and apt take POSIX (fcntl) locks, which flock(1) does not; perl can take one the same way.
        String perl = "use Fcntl; open(my $f, '>>', '/var/lib/dpkg/lock-frontend') or die $!; "
                + "my $s = pack('s s x4 q q i x4', F_WRLCK, 0, 0, 0, 0); fcntl($f, F_SETLK, $s) or die \"lock: $!\"; $| = 1; print \"locked\\n\"; sleep 60";
        Process holder = holdInSandbox("perl", "-e", perl);
        try {
            assertThatThrownBy(() -> Packages.on(sandbox, ops).packages("ops-app").present().apply())
                    .isInstanceOfSatisfying(PackageManagerLockedException.class, e -> {
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.holderPid()).isPresent();
                    });
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertThat(installed("ops-app")).isFalse();
    }

    @Test
    void holdThenRollbackUnholds() {
        dpkgInstall("ops-tool");

        Applied<List<InstalledPackage>> done = Packages.on(sandbox, ops).hold("ops-tool").present().apply();

        assertThat(done.value()).singleElement().satisfies(p -> assertThat(p.held()).isTrue());
        assertThat(sandbox.output("apt-mark", "showhold").strip()).isEqualTo("ops-tool");
        assertThat(Packages.on(sandbox, ops).hold("ops-tool").present().plan().isEmpty()).isTrue();

        done.rollback();

        assertThat(sandbox.output("apt-mark", "showhold").strip()).isEmpty();
    }

    @Test
    void unholdThenRollbackHoldsAgain() {
        dpkgInstall("ops-tool");
        sandbox.check(Command.of("apt-mark", "hold", "ops-tool"));

        Applied<List<InstalledPackage>> done = Packages.on(sandbox, ops).hold("ops-tool").absent().apply();
        assertThat(sandbox.output("apt-mark", "showhold").strip()).isEmpty();

        done.rollback();

        assertThat(sandbox.output("apt-mark", "showhold").strip()).isEqualTo("ops-tool");
    }

    @Test
    void holdingAnUnknownPackageIsATypedError() {
        assertThatThrownBy(() -> Packages.on(sandbox, ops).hold("ops-nope").present().apply())
                .isInstanceOfSatisfying(UnknownPackageException.class, e -> assertThat(e.packages()).containsExactly("ops-nope"));
    }

    @Test
    void holdingAPackageThatIsNotFullyInstalledFailsAtPlanAsNotFound() {
        sandbox.check(Command.of("dpkg", "--unpack", LocalAptRepo.DIR + "/ops-tool_1.0_all.deb"));

        assertThatThrownBy(() -> Packages.on(sandbox, ops).hold("ops-tool").present().plan())
                .isInstanceOfSatisfying(UnknownPackageException.class, e -> {
                    assertThat(e).isInstanceOf(dev.ops.core.error.NotFoundException.class);
                    assertThat(e.packages()).containsExactly("ops-tool");
                    assertThat(e.getMessage()).contains("not installed");
                });
        assertThat(sandbox.output("apt-mark", "showhold").strip()).isEmpty();
    }

    /** Starts a process inside the sandbox's namespaces that prints "locked" once it holds its lock. */
    private Process holdInSandbox(String... argv) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("nsenter", "--target", Long.toString(sandbox.holderPid()), "--mount", "--uts",
                "--ipc", "--net", "--"));
        cmd.addAll(List.of(argv));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertThat(line).as("lock holder output").isEqualTo("locked");
        return p;
    }
}
