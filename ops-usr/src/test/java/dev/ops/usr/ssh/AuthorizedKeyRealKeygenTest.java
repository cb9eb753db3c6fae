package dev.ops.usr.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.core.testing.RealComponents;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Fingerprints, sizes and type labels checked against the real {@code ssh-keygen -lf}, for every key type OpenSSH accepts. */
@Timeout(60)
class AuthorizedKeyRealKeygenTest {
    @TempDir
    static Path dir;
    static final List<String> lines = new ArrayList<>();
    static final LocalHost local = LocalHost.create();
    /** OpenSSH 10 dropped DSA; where ssh-keygen cannot make DSA keys, the DSA types are checked by the unit tests only. */
    static boolean dsa;

    @BeforeAll
    static void generate() throws Exception {
        RealComponents.program("ssh-keygen");
        keygen("rsa", "-b", "2048");
        keygen("rsa3072", "-t", "rsa", "-b", "3072");
        dsa = local.run("ssh-keygen", "-q", "-N", "", "-C", "key dsa", "-t", "dsa", "-f", dir.resolve("dsa").toString()).ok();
        keygen("p256", "-t", "ecdsa", "-b", "256");
        keygen("p384", "-t", "ecdsa", "-b", "384");
        keygen("p521", "-t", "ecdsa", "-b", "521");
        keygen("ed", "-t", "ed25519");
        keygen("ca", "-t", "ed25519");
        // Security keys need hardware to generate; their public blobs are built from a software key's public part.
        byte[] edBlob = blobOf("ed");
        write("sked", "sk-ssh-ed25519@openssh.com", concat(str("sk-ssh-ed25519@openssh.com"), slice(edBlob, 4 + "ssh-ed25519".length()), str("ssh:")), "sk ed");
        byte[] p256 = blobOf("p256");
        write("skp256", "sk-ecdsa-sha2-nistp256@openssh.com",
                concat(str("sk-ecdsa-sha2-nistp256@openssh.com"), slice(p256, 4 + "ecdsa-sha2-nistp256".length()), str("ssh:")), "sk ecdsa");
        for (String k : List.of("rsa", "dsa", "p256", "p384", "p521", "ed", "sked", "skp256").stream().filter(k -> dsa || !k.equals("dsa")).toList()) {
            local.check(Command.of("ssh-keygen", "-q", "-s", dir.resolve("ca").toString(), "-I", "id-" + k, "-n", "alice",
                    dir.resolve(k + ".pub").toString()));
            lines.add(Files.readString(dir.resolve(k + "-cert.pub")).strip());
        }
        for (String k : List.of("rsa", "rsa3072", "dsa", "p256", "p384", "p521", "ed", "sked", "skp256").stream().filter(k -> dsa || !k.equals("dsa")).toList()) {
            lines.add(Files.readString(dir.resolve(k + ".pub")).strip());
        }
        lines.add("command=\"echo a,b\",no-pty,from=\"10.0.0.0/8\" " + Files.readString(dir.resolve("ed.pub")).strip());
    }

    private static void keygen(String name, String... args) {
        List<String> argv = new ArrayList<>(List.of("ssh-keygen", "-q", "-N", "", "-C", "key " + name, "-f", dir.resolve(name).toString()));
        argv.addAll(List.of(args));
        local.check(Command.of(argv));
    }

    private static byte[] blobOf(String name) throws Exception {
        return Base64.getDecoder().decode(Files.readString(dir.resolve(name + ".pub")).split(" ")[1]);
    }

    private static void write(String name, String type, byte[] blob, String comment) throws Exception {
        Files.writeString(dir.resolve(name + ".pub"), type + " " + Base64.getEncoder().encodeToString(blob) + " " + comment + "\n");
    }

    private static byte[] str(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return concat(new byte[] {0, 0, (byte) (b.length >> 8), (byte) b.length}, b);
    }

    private static byte[] slice(byte[] b, int from) {
        return java.util.Arrays.copyOfRange(b, from, b.length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void everyTypeOpenSshAcceptsIsCovered() {
        List<SshKeyType> seen = lines.stream().map(l -> AuthorizedKey.parse(l).type()).distinct().toList();

        List<SshKeyType> expected = java.util.Arrays.stream(SshKeyType.values())
                .filter(t -> dsa || t.family() != SshKeyType.Family.DSS).toList();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void describeMatchesSshKeygenLineForLine() throws Exception {
        Path file = dir.resolve("authorized_keys");
        Files.writeString(file, String.join("\n", lines) + "\n");

        List<String> expected = local.output("ssh-keygen", "-lf", file.toString()).lines().toList();

        assertThat(lines.stream().map(l -> AuthorizedKey.parse(l).describe()).toList()).containsExactlyElementsOf(expected);
    }

    @Test
    void eachLineRendersBackToItself() {
        for (String l : lines) {
            assertThat(AuthorizedKey.parse(l).render()).isEqualTo(l);
        }
    }
}
