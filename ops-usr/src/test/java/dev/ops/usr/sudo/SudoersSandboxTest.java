package dev.ops.usr.sudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.error.CommandFailedException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.testkit.sandbox.SandboxHost;
import dev.ops.usr.testing.Sandboxes;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Drop-ins installed with the real visudo and read back with the real sudo inside a sandbox. */
@Timeout(60)
class SudoersSandboxTest {
    private static final String FILE = "/etc/sudoers.d/ops-deploy";
    private SandboxHost sandbox;
    private Sudoers sudoers;

    @BeforeEach
    void start() {
        sandbox = Sandboxes.start("visudo", "sudo", "useradd");
        sandbox.check(Command.of("useradd", "-M", "deploy"));
        sudoers = Sudoers.on(sandbox, Ops.inMemory());
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private Change<SudoersDropIn> deployRule() {
        return sudoers.dropIn("ops-deploy")
                .defaults(SudoDefault.forUsers("!requiretty", "deploy"))
                .rule(r -> r.users("deploy").runAsUsers("root").noPassword(true).commands("/usr/bin/systemctl restart app", "/usr/bin/echo a,b"))
                .present();
    }

    @Test
    void installsAValidatedDropInThatSudoReads() {
        deployRule().apply();

        assertThat(sandbox.output("stat", "-c", "%a %U:%G", FILE).strip()).isEqualTo("440 root:root");
        assertThat(sandbox.run("visudo", "-c").ok()).isTrue();
        assertThat(sandbox.output("sudo", "-l", "-U", "deploy")).contains("(root) NOPASSWD: /usr/bin/systemctl restart app, /usr/bin/echo a\\,b");
        assertThat(sandbox.output("ls", "-a", "/etc/sudoers.d")).doesNotContain(".ops-");
        assertThat(LocalHost.create().run("test", "-e", FILE).ok()).isFalse();
    }

    @Test
    void theSameDropInAgainPlansNothing() {
        Applied<SudoersDropIn> done = deployRule().apply();

        assertThat(sudoers.get("ops-deploy")).contains(done.value());

        assertThat(deployRule().plan().isEmpty()).isTrue();
    }

    @Test
    void thePlanShowsTheExactLinesAdded() {
        String rendered = deployRule().plan().render();

        assertThat(rendered).contains("+ Defaults:deploy !requiretty")
                .contains("+ deploy ALL=(root) NOPASSWD: /usr/bin/systemctl restart app, /usr/bin/echo a\\,b");
        assertThat(sandbox.run("test", "-e", FILE).ok()).isFalse();
    }

    @Test
    void aDropInVisudoRefusesIsNeverInstalled() {
        var change = sudoers.dropIn("ops-deploy").defaults(SudoDefault.global("no_such_sudo_setting")).rule(r -> r.users("deploy").commands("ALL"))
                .present();

        assertThatThrownBy(change::plan).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.violationsOf("defaults[0]")).singleElement().asString().contains("visudo -cf refused"));
        assertThatThrownBy(change::apply).isInstanceOf(ValidationException.class);
        assertThat(sandbox.run("test", "-e", FILE).ok()).isFalse();
        assertThat(sandbox.run("visudo", "-c").ok()).isTrue();
    }

    @Test
    void aDropInThatBreaksTheWholeConfigurationIsTakenBackOut() {
        // valid alone, but redefining an alias already defined in another drop-in fails the whole configuration
        sandbox.writeFile("/etc/sudoers.d/other", "Cmnd_Alias APP = /bin/true\n".getBytes(), "0440", false);
        var change = sudoers.dropIn("ops-deploy").rule(r -> r.users("deploy").commands("ALL")).present();
        change.plan();
        sandbox.writeFile("/etc/sudoers.d/zz-broken", "deploy ALL=(root NOPASSWD: ALL\n".getBytes(), "0440", false);

        assertThatThrownBy(change::apply).isInstanceOf(CommandFailedException.class).hasMessageContaining("previous state was put back");
        assertThat(sandbox.run("test", "-e", FILE).ok()).isFalse();
    }

    @Test
    void replacingAndRemovingRollBackToTheOldFile() {
        deployRule().apply();
        String original = sandbox.readText(FILE).orElseThrow();

        Applied<SudoersDropIn> replaced = sudoers.dropIn("ops-deploy").rule(r -> r.users("deploy").commands("/bin/ls")).present().apply();
        assertThat(sandbox.output("sudo", "-l", "-U", "deploy")).contains("/bin/ls");
        replaced.rollback();
        assertThat(sandbox.readText(FILE).orElseThrow()).isEqualTo(original);

        Applied<Optional<SudoersDropIn>> removed = sudoers.dropIn("ops-deploy").absent().apply();
        assertThat(sandbox.run("test", "-e", FILE).ok()).isFalse();
        removed.rollback();
        assertThat(sandbox.readText(FILE).orElseThrow()).isEqualTo(original);
        assertThat(sandbox.output("stat", "-c", "%a", FILE).strip()).isEqualTo("440");
    }

    @Test
    void removingADropInThatIsNotThereChangesNothing() {
        assertThat(sudoers.dropIn("ops-none").absent().apply().changed()).isFalse();
    }

    @Test
    void aDropInNameWithADotIsRefusedAtPlanTime() {
        assertThatThrownBy(() -> sudoers.dropIn("ops.deploy").rule(r -> r.users("deploy").commands("ALL")).present().plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("ignores");
    }
}
