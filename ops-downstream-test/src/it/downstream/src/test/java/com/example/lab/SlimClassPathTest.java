package com.example.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A tool that talks to Proxmox VE through ops-pve ships a small class path: no SSH stack (sshj, BouncyCastle), no
 * native layer (jnr), and under 8 MiB in all. The class path is Maven's runtime one for this project
 * (target/runtime-classpath.txt, written by maven-dependency-plugin), which depends on ops-pve alone.
 */
class SlimClassPathTest {
    private static final long LIMIT = 8L * 1024 * 1024;

    @Test
    void opsPvesRuntimeClassPathHasNoSshOrNativeStackAndStaysUnderEightMiB() throws IOException {
        List<Path> jars = Stream.of(Files.readString(Path.of("target/runtime-classpath.txt")).strip().split(File.pathSeparator))
                .map(Path::of).toList();
        long total = 0;
        for (Path jar : jars) {
            total += Files.size(jar);
        }
        List<String> heavy = jars.stream().map(j -> j.getFileName().toString())
                .filter(n -> n.startsWith("sshj-") || n.startsWith("bcprov-") || n.startsWith("bcpkix-") || n.startsWith("jnr-")
                        || n.startsWith("jffi-"))
                .toList();

        assertEquals(List.of(), heavy, "SSH or native jars on ops-pve's runtime class path");
        assertTrue(total < LIMIT, "ops-pve's runtime class path is " + total + " bytes, over 8 MiB: " + jars);
        System.out.printf("ops-pve runtime class path: %d jars, %.2f MiB%n", jars.size(), total / 1048576.0);
    }
}
