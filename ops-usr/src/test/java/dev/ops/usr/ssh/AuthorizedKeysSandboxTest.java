package dev.ops.usr.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.testkit.sandbox.SandboxHost;
import dev.ops.usr.error.UnreadableLineException;
import dev.ops.usr.testing.Sandboxes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** authorized_keys files written for a real user inside a sandbox, checked with stat and ssh-keygen. */
@Timeout(60)
class AuthorizedKeysSandboxTest {
    private static final String FILE = "/home/alice/.ssh/authorized_keys";
    private SandboxHost sandbox;
    private AuthorizedKeys keys;

    @BeforeEach
    void start() {
        sandbox = Sandboxes.start("useradd", "ssh-keygen", "stat");
        sandbox.check(Command.of("useradd", "-m", "alice"));
        keys = AuthorizedKeys.on(sandbox, Ops.inMemory());
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private String stat(String path) {
        return sandbox.output("stat", "-c", "%a %U:%G", path).strip();
    }

    @Test
    void addsAKeyWithTheFileOwnedByTheUserAt0600AndTheDirectoryAt0700() {
        Applied<List<AuthorizedKey>> done = keys.user("alice").key("no-pty,command=\"echo a,b\" " + Fixtures.ED25519).present().apply();

        assertThat(stat("/home/alice/.ssh")).isEqualTo("700 alice:alice");
        assertThat(stat(FILE)).isEqualTo("600 alice:alice");
        assertThat(sandbox.output("ssh-keygen", "-lf", FILE).strip()).isEqualTo(Fixtures.ED25519_DESCRIBED);
        assertThat(done.value()).extracting(AuthorizedKey::comment).containsExactly("alice@laptop");
        assertThat(keys.user("alice").list()).isEqualTo(done.value());
        assertThat(LocalHost.create().run("test", "-e", "/home/alice").ok()).isFalse();
    }

    @Test
    void addingAKeyThatIsThereAlreadyPlansNothing() {
        keys.user("alice").key(Fixtures.ED25519).present().apply();

        assertThat(keys.user("alice").key(Fixtures.ED25519).present().plan().steps()).isEmpty();
    }

    @Test
    void otherLinesStayAndAChangedOptionReplacesTheLineInPlace() {
        sandbox.check(Command.builder().addArgv("sh", "-c", "mkdir -m 700 /home/alice/.ssh && printf '%s\\n' '# keep me' \"$1\" \"$2\" > "
                + FILE + " && chown -R alice:alice /home/alice/.ssh && chmod 600 " + FILE, "sh", Fixtures.ED25519, Fixtures.RSA).build());

        keys.user("alice").key("restrict " + Fixtures.ED25519).present().apply();

        assertThat(sandbox.readText(FILE).orElseThrow()).isEqualTo("# keep me\nrestrict " + Fixtures.ED25519 + "\n" + Fixtures.RSA + "\n");
    }

    @Test
    void removingAKeyAndRollingBackRestoresTheFileExactly() {
        keys.user("alice").keys(Fixtures.ED25519, Fixtures.RSA).present().apply();
        String before = sandbox.readText(FILE).orElseThrow();

        Applied<List<AuthorizedKey>> removed = keys.user("alice").key(Fixtures.RSA).absent().apply();
        assertThat(removed.value()).extracting(AuthorizedKey::type).containsExactly(SshKeyType.ED25519);
        assertThat(keys.user("alice").key(Fixtures.RSA).absent().plan().isEmpty()).isTrue();

        removed.rollback();
        assertThat(sandbox.readText(FILE).orElseThrow()).isEqualTo(before);
        assertThat(stat(FILE)).isEqualTo("600 alice:alice");
    }

    @Test
    void rollbackOfTheFirstKeyRemovesTheFileAndTheDirectory() {
        Applied<List<AuthorizedKey>> done = keys.user("alice").key(Fixtures.ED25519).present().apply();

        done.rollback();

        assertThat(sandbox.run("test", "-e", "/home/alice/.ssh").ok()).isFalse();
    }

    @Test
    void exclusiveRemovesEveryOtherKey() {
        keys.user("alice").keys(Fixtures.ED25519, Fixtures.RSA).present().apply();

        keys.user("alice").key(Fixtures.RSA).exclusive().present().apply();

        assertThat(sandbox.readText(FILE).orElseThrow()).isEqualTo(Fixtures.RSA + "\n");
    }

    @Test
    void wrongModesAndOwnersAreFixedEvenWhenTheKeysAreThere() {
        keys.user("alice").key(Fixtures.ED25519).present().apply();
        sandbox.check(Command.of("chmod", "0755", "/home/alice/.ssh"));
        sandbox.check(Command.of("chown", "root:root", FILE));

        keys.user("alice").key(Fixtures.ED25519).present().apply();

        assertThat(stat("/home/alice/.ssh")).isEqualTo("700 alice:alice");
        assertThat(stat(FILE)).isEqualTo("600 alice:alice");
    }

    @Test
    void aSymlinkedAuthorizedKeysFileIsNotWrittenThrough() {
        sandbox.check(Command.builder().addArgv("sh", "-c", "mkdir -m 700 /home/alice/.ssh && ln -s /etc/shadow " + FILE).build());

        assertThatThrownBy(() -> keys.user("alice").key(Fixtures.ED25519).present().plan())
                .isInstanceOf(ConflictException.class).hasMessageContaining("symbolic link");
    }

    @Test
    void malformedKeysAreRefusedAtPlanTimeWithEveryReason() {
        assertThatThrownBy(() -> keys.user("alice").keys("ssh-rsa " + Fixtures.ED25519_B64, "ssh-ed25519 !!!!").present().apply())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.field())
                        .containsExactly("keys[0].blob", "keys[1].base64"));
        assertThat(sandbox.run("test", "-e", "/home/alice/.ssh").ok()).isFalse();
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThatThrownBy(() -> keys.user("nobody-here").key(Fixtures.ED25519).present().plan()).isInstanceOf(NotFoundException.class);
    }

    private void writeFile(byte[] content, String mode, String owner) {
        sandbox.check(Command.builder().addArgv("sh", "-c", "mkdir -p -m 700 /home/alice/.ssh && chown alice:alice /home/alice/.ssh && cat > "
                + FILE + " && chown " + owner + " " + FILE + " && chmod " + mode + " " + FILE).stdin(content).build());
    }

    @Test
    void absentRemovesTheKeyWhateverOpenSshOptionsItHas() {
        StringBuilder text = new StringBuilder("# keys\n");
        AuthorizedKeysFileTest.OPENSSH_OPTIONS.forEach(o -> text.append(o).append(' ').append(Fixtures.ED25519).append('\n'));
        text.append(Fixtures.RSA).append('\n');
        writeFile(text.toString().getBytes(StandardCharsets.UTF_8), "600", "alice:alice");
        assertThat(sandbox.output("ssh-keygen", "-lf", FILE).lines().count()).isEqualTo(AuthorizedKeysFileTest.OPENSSH_OPTIONS.size() + 1);

        keys.user("alice").key(Fixtures.ED25519).absent().apply();

        assertThat(sandbox.readText(FILE).orElseThrow()).isEqualTo("# keys\n" + Fixtures.RSA + "\n");
        assertThat(sandbox.output("ssh-keygen", "-lf", FILE).strip()).endsWith("bob (RSA)").doesNotContain("ED25519");
    }

    @Test
    void exclusiveRemovesAKeyWithTouchRequired() {
        writeFile(("touch-required " + Fixtures.ED25519 + "\n" + Fixtures.RSA + "\n").getBytes(StandardCharsets.UTF_8), "600", "alice:alice");

        assertThat(keys.user("alice").key(Fixtures.RSA).exclusive().present().plan().steps()).hasSize(1);
        keys.user("alice").key(Fixtures.RSA).exclusive().present().apply();

        assertThat(sandbox.readText(FILE).orElseThrow()).isEqualTo(Fixtures.RSA + "\n");
    }

    @Test
    void removalsRefuseAFileWithALineOpsCannotReadAndNameTheLine() {
        writeFile(("# ok\n" + Fixtures.RSA + "\nssh-mldsa44-ed25519@openssh.com AAAA future\n").getBytes(StandardCharsets.UTF_8), "600", "alice:alice");

        for (var change : List.of(keys.user("alice").key(Fixtures.RSA).absent(), keys.user("alice").key(Fixtures.ED25519).exclusive().present())) {
            assertThatThrownBy(change::plan).isInstanceOfSatisfying(UnreadableLineException.class, e -> {
                assertThat(e.path()).isEqualTo(FILE);
                assertThat(e.lineNumbers()).containsExactly(3);
                assertThat(e.getMessage()).contains(FILE + ":3");
            });
        }
        assertThat(keys.user("alice").key(Fixtures.ED25519).present().plan().steps()).hasSize(1);
    }

    @Test
    void anEditKeepsOtherLinesByteForByteAndRollbackRestoresBytesModeOwnerAndGroup() {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes("# caf".getBytes(StandardCharsets.US_ASCII));
        content.write(0xE9);
        content.writeBytes(("\r\n" + Fixtures.RSA + "\r\n" + Fixtures.ED25519 + " caf").getBytes(StandardCharsets.US_ASCII));
        content.write(0xE9);
        content.writeBytes("\n".getBytes(StandardCharsets.US_ASCII));
        byte[] before = content.toByteArray();
        writeFile(before, "644", "root:alice");

        Applied<List<AuthorizedKey>> done = keys.user("alice").key(Fixtures.RSA).absent().apply();

        byte[] after = sandbox.readFile(FILE, true).orElseThrow();
        String expected = new String(before, StandardCharsets.ISO_8859_1).replace(Fixtures.RSA + "\r\n", "");
        assertThat(new String(after, StandardCharsets.ISO_8859_1)).isEqualTo(expected);
        assertThat(stat(FILE)).isEqualTo("600 alice:alice");

        done.rollback();

        assertThat(sandbox.readFile(FILE, true).orElseThrow()).isEqualTo(before);
        assertThat(stat(FILE)).isEqualTo("644 root:alice");
    }

    @Test
    void aUserNameWithNulIsRefusedAsTheUserField() {
        assertThatThrownBy(() -> keys.user("al\0ice").list())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("user"));
    }
}
