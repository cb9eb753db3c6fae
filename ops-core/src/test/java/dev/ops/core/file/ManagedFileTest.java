package dev.ops.core.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.host.LocalHost;
import dev.ops.core.secret.Secret;
import dev.ops.core.testing.RealComponents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ManagedFileTest {
    private final Ops ops = Ops.inMemory();
    private final LocalHost host = LocalHost.create();

    @TempDir
    Path dir;

    @Test
    void aSymlinkIsRefusedAndLeftAsALink() throws Exception {
        Path target = Files.writeString(dir.resolve("real"), "real\n");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);

        assertThatThrownBy(() -> ManagedFile.on(host, ops).path(link.toString()).content("x\n").present().apply())
                .isInstanceOf(ConflictException.class).hasMessageContaining("is a symbolic link to " + target);
        assertThatThrownBy(() -> ManagedFile.on(host, ops).path(link.toString()).absent().plan())
                .isInstanceOf(ConflictException.class);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("real\n");
    }

    @Test
    void followingASymlinkManagesItsTargetAndRollbackNeverFlattensTheLink() throws Exception {
        Path target = Files.writeString(dir.resolve("real"), "real\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);

        Applied<String> done = ManagedFile.on(host, ops).path(link.toString()).followSymlinks().content("new\n").present().apply();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new\n");
        assertThat(done.plan().steps().get(0).description()).contains("(-> " + target + ")");

        done.rollback();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("real\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS))).isEqualTo("rw-r-----");
    }

    @Test
    void bytesThatAreNotUtf8AreKeptAndRestoredExactly() throws Exception {
        byte[] latin1 = "caf\u00e9 = 1\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("conf"), latin1);
        byte[] next = "caf\u00e9 = 2\n".getBytes(StandardCharsets.ISO_8859_1);

        Applied<String> done = ManagedFile.on(host, ops).path(file.toString()).content(next).present().apply();
        assertThat(Files.readAllBytes(file)).isEqualTo(next);
        assertThat(ManagedFile.on(host, ops).path(file.toString()).content(next).present().plan().isEmpty()).isTrue();

        done.rollback();
        assertThat(Files.readAllBytes(file)).isEqualTo(latin1);
    }

    @Test
    void theModeIsKeptWhenNoneIsAskedForAndANewFileGets0644() throws Exception {
        Path file = Files.writeString(dir.resolve("secret.conf"), "a\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        Applied<String> done = ManagedFile.on(host, ops).path(file.toString()).content("b\n").present().apply();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        done.rollback();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        Path fresh = dir.resolve("fresh");
        ManagedFile.on(host, ops).path(fresh.toString()).content("c\n").present().apply();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-r--r--");
    }

    @Test
    void theOwnerAndGroupAreKeptAcrossApplyAndRollbackAndARemovedFileGetsThemBack() throws Exception {
        RealComponents.root();
        Path file = Files.writeString(dir.resolve("owned"), "a\n");
        Files.setAttribute(file, "unix:uid", 65534);
        Files.setAttribute(file, "unix:gid", 65534);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        Applied<String> written = ManagedFile.on(host, ops).path(file.toString()).content("b\n").present().apply();
        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(65534);
        written.rollback();
        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(65534);
        assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(65534);

        Applied<String> removed = ManagedFile.on(host, ops).path(file.toString()).absent().apply();
        assertThat(file).doesNotExist();
        removed.rollback();
        assertThat(Files.readString(file)).isEqualTo("a\n");
        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(65534);
        assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(65534);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void aclsAndExtendedAttributesOfTheReplacedFileAreKept() throws Exception {
        RealComponents.program("setfacl");
        Path file = Files.writeString(dir.resolve("shared"), "a\n");
        new ProcessBuilder("setfacl", "-m", "u:65534:r", file.toString()).inheritIO().start().waitFor();
        String before = acl(file);
        assertThat(before).contains("user:65534:r--");

        Applied<String> done = ManagedFile.on(host, ops).path(file.toString()).content("b\n").present().apply();
        assertThat(acl(file)).isEqualTo(before);
        done.rollback();
        assertThat(acl(file)).isEqualTo(before);
        assertThat(Files.readString(file)).isEqualTo("a\n");
    }

    private static String acl(Path file) throws Exception {
        Process p = new ProcessBuilder("getfacl", "-c", "-n", "--absolute-names", file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void aNulInThePathIsReportedAgainstThePath() {
        assertThatThrownBy(() -> ManagedFile.on(host, ops).path("/tmp/a\0b").content("x").present().plan())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("path"));
    }

    @Test
    void aSecretSpanningLinesIsMaskedInTheDiff() {
        Secret key = Secret.of("-----BEGIN KEY-----\nAAAAsecretkeymaterial\n-----END KEY-----");
        Plan plan = ManagedFile.on(host, ops).path(dir.resolve("key").toString()).content(key.reveal() + "\n").present().plan();

        assertThat(plan.render()).doesNotContain("secretkeymaterial").contains("***");
        assertThat(plan.toJson()).doesNotContain("secretkeymaterial");
    }
}
