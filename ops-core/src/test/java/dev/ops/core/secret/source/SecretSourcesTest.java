package dev.ops.core.secret.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.error.CommandFailedException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.UnsafePermissionsException;
import dev.ops.core.file.ManagedFile;
import dev.ops.core.host.LocalHost;
import dev.ops.core.secret.Secret;
import dev.ops.core.store.FileStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Secret sources read from the environment, owner-only files, a command and Doppler's CLI, and never show a value. */
@Timeout(30)
class SecretSourcesTest {
    private static final String DOPPLER_JSON = "{\"PM_TOKEN_SECRET\":\"dop-4f1e9a-token-secret\",\"PVE_NODE\":\"pve1\",\"EMPTY\":\"\"}";

    @Test
    void theEnvironmentSourceReadsTheGivenEnvironment() {
        SecretSource env = SecretSources.environment(Map.of("PM_TOKEN_SECRET", "env-secret-1"));

        assertThat(env.find("PM_TOKEN_SECRET")).map(Secret::reveal).contains("env-secret-1");
        assertThat(env.find("OTHER")).isEmpty();
    }

    @Test
    void aFileOnlyItsOwnerCanReadIsASecret(@TempDir Path dir) throws IOException {
        write(dir.resolve("PM_TOKEN_SECRET"), "file-secret-1\n", "rw-------");

        assertThat(SecretSources.files(dir).find("PM_TOKEN_SECRET")).map(Secret::reveal).contains("file-secret-1");
        assertThat(SecretSources.files(dir).find("MISSING")).isEmpty();
    }

    @Test
    void aFileOthersCanReadIsRefused(@TempDir Path dir) throws IOException {
        write(dir.resolve("PM_TOKEN_SECRET"), "file-secret-2", "rw-r--r--");

        assertThatThrownBy(() -> SecretSources.files(dir).find("PM_TOKEN_SECRET")).isInstanceOf(UnsafePermissionsException.class)
                .hasMessageContaining("chmod 600").hasMessageNotContaining("file-secret-2");
    }

    @Test
    void aCommandsOutputIsTheSecret(@TempDir Path dir) throws IOException {
        Path bin = fakeBin(dir, "vault-read", "#!/bin/sh\necho \"cmd-secret-for-$1\"\n");

        SecretSource cmd = SecretSources.command(List.of("vault-read", "{name}"), Map.of("PATH", bin.toString()));

        assertThat(cmd.find("TOKEN")).map(Secret::reveal).contains("cmd-secret-for-TOKEN");
    }

    @Test
    void aFailingCommandIsTypedAndItsStderrRedacted(@TempDir Path dir) throws IOException {
        Secret known = Secret.of("leaked-in-stderr-9x");
        Path bin = fakeBin(dir, "vault-read", "#!/bin/sh\necho \"denied; had " + known.reveal() + "\" >&2\nexit 3\n");

        assertThatThrownBy(() -> SecretSources.command(List.of("vault-read", "{name}"), Map.of("PATH", bin.toString())).find("X"))
                .isInstanceOfSatisfying(CommandFailedException.class, e -> assertThat(e.exitCode()).isEqualTo(3))
                .hasMessageNotContaining(known.reveal());
    }

    @Test
    void dopplerIsAskedThroughItsCliOnThePathGiven(@TempDir Path dir) throws IOException {
        Path args = dir.resolve("args");
        Path bin = fakeDoppler(dir, args, 0);
        Doppler doppler = Doppler.builder().project("lab").config("site1").environment(Map.of("PATH", bin.toString())).build();

        assertThat(doppler.find("PM_TOKEN_SECRET")).map(Secret::reveal).contains("dop-4f1e9a-token-secret");
        assertThat(doppler.find("EMPTY")).isEmpty();
        assertThat(doppler.find("PVE_NODE")).map(Secret::reveal).contains("pve1");
        assertThat(Files.readString(args).strip())
                .isEqualTo("secrets download --no-file --format json --project lab --config site1");
        assertThat(Files.readAllLines(args)).hasSize(1); // downloaded once
    }

    @Test
    void dopplerZeroTurnsDopplerOff(@TempDir Path dir) throws IOException {
        Path args = dir.resolve("args");
        Path bin = fakeDoppler(dir, args, 0);
        Doppler doppler = Doppler.builder().project("lab").config("site1").environment(Map.of("PATH", bin.toString(), "DOPPLER", "0")).build();

        assertThat(doppler.find("PM_TOKEN_SECRET")).isEmpty();
        assertThat(args).doesNotExist();
        assertThat(doppler.describe()).contains("off: DOPPLER=0");
    }

    @Test
    void aChainAsksInOrderAndNamesEverySourceWhenNoneHasIt(@TempDir Path dir) throws IOException {
        Path bin = fakeDoppler(dir, dir.resolve("args"), 0);
        Map<String, String> env = new HashMap<>(Map.of("PATH", bin.toString(), "PM_TOKEN_SECRET", "from-env-first"));
        SecretChain chain = SecretChain.of(SecretSources.environment(env),
                Doppler.builder().project("lab").config("site1").environment(env).build());

        assertThat(chain.require("PM_TOKEN_SECRET").reveal()).isEqualTo("from-env-first");
        assertThat(chain.require("PVE_NODE").reveal()).isEqualTo("pve1");
        assertThatThrownBy(() -> chain.require("NOPE")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("env, then doppler lab/site1");
    }

    @Test
    void aFailingDopplerIsACommandFailure(@TempDir Path dir) throws IOException {
        Path bin = fakeDoppler(dir, dir.resolve("args"), 1);
        Doppler doppler = Doppler.builder().project("lab").config("site1").environment(Map.of("PATH", bin.toString())).build();

        assertThatThrownBy(() -> doppler.find("X")).isInstanceOf(CommandFailedException.class).hasMessageContaining("Invalid Auth token");
    }

    @Test
    void aSecretFromDopplerNeverReachesAPlanOrTheJournal(@TempDir Path dir) throws IOException {
        Path bin = fakeDoppler(dir, dir.resolve("args"), 0);
        Secret token = Doppler.builder().project("lab").config("site1").environment(Map.of("PATH", bin.toString())).build()
                .find("PM_TOKEN_SECRET").orElseThrow();
        Path target = dir.resolve("pve.conf");
        try (FileStateStore store = FileStateStore.open(dir.resolve("store"))) {
            Ops ops = Ops.builder().store(store).build();
            var change = ManagedFile.on(LocalHost.create(), ops).path(target.toString()).content("token=" + token.reveal() + "\n").mode("0600").present();

            assertThat(change.plan().render()).doesNotContain(token.reveal());
            assertThat(change.plan().toJson()).doesNotContain(token.reveal());
            Applied<String> done = change.apply();
            assertThat(Files.readString(target)).contains(token.reveal());
            done.rollback();
        }
        try (Stream<Path> files = Files.walk(dir.resolve("store"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(token.reveal());
            }
        }
    }

    private static Path fakeDoppler(Path dir, Path argsFile, int exit) throws IOException {
        String body = exit == 0
                ? "echo \"$*\" >> '" + argsFile + "'\nprintf '%s\\n' '" + DOPPLER_JSON + "'\n"
                : "echo 'Doppler Error: Invalid Auth token' >&2\nexit " + exit + "\n";
        return fakeBin(dir, "doppler", "#!/bin/sh\n" + body);
    }

    private static Path fakeBin(Path dir, String name, String script) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        write(bin.resolve(name), script, "rwx------");
        return bin;
    }

    private static void write(Path file, String text, String perms) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
    }
}
