package dev.ops.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security suite of ops-core: secrets with quotes, backslashes, newlines and non-ASCII text go
 * through every core change that can carry one, and no sink may show them in any form: plan text
 * and JSON, log lines of every level (a real slf4j backend at TRACE), audit records and log lines,
 * journal and audit files of the state store, exception messages and stack traces.
 */
@Timeout(180)
class SecretSinksTest {
    static final List<String> SECRETS = List.of(
            "q\"uo'te-s3cret",
            "back\\slash\\\\s3cret",
            "multi\nline s3cret\n",
            "ünïcødé-🔑-s3cret",
            "tab\tand $dollar `tick` s3cret");

    @TempDir
    Path dir;

    @Test
    void noSecretReachesAnyRenderingLogAuditRecordJournalFileOrException() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path log = dir.resolve("child.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace", "-Dorg.slf4j.simpleLogger.logFile=System.err",
                SecretScenario.class.getName(), state.toString(), work.toString(), out.toString()));
        cmd.addAll(SECRETS);
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(150, TimeUnit.SECONDS)).as("scenario finished").isTrue();
        assertThat(child.exitValue()).as("scenario exit code; its output:\n%s", Files.readString(log)).isZero();

        Map<Path, byte[]> sinks = new LinkedHashMap<>();
        sinks.put(log, Files.readAllBytes(log));
        for (Path root : List.of(state, out)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    sinks.put(f, Files.readAllBytes(f));
                }
            }
        }
        assertThat(sinks.keySet()).as("sinks written").anyMatch(p -> p.toString().contains("journal"))
                .anyMatch(p -> p.toString().contains("audit")).anyMatch(p -> p.getFileName().toString().startsWith("failing-command"));
        assertThat(new String(sinks.get(out.resolve("failing-command-1.txt")), StandardCharsets.UTF_8)).contains("rejected ***");
        assertThat(new String(sinks.get(log), StandardCharsets.UTF_8)).contains("DEBUG").contains("ops.audit");

        List<String> leaks = new ArrayList<>();
        for (String secret : SECRETS) {
            for (String form : formsOf(secret)) {
                byte[] needle = form.getBytes(StandardCharsets.UTF_8);
                sinks.forEach((file, bytes) -> {
                    if (indexOf(bytes, needle) >= 0) {
                        leaks.add(file + " shows " + printable(form));
                    }
                });
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** The secret as it would appear raw, JSON-escaped, URL-encoded, or inside base64 at any alignment. */
    static List<String> formsOf(String secret) {
        List<String> forms = new ArrayList<>();
        forms.add(secret.strip());
        forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(secret.strip())));
        forms.add(URLEncoder.encode(secret.strip(), StandardCharsets.UTF_8));
        byte[] raw = secret.getBytes(StandardCharsets.UTF_8);
        for (int pad = 0; pad < 3; pad++) {
            byte[] padded = new byte[pad + raw.length];
            System.arraycopy(raw, 0, padded, pad, raw.length);
            String b64 = Base64.getEncoder().encodeToString(padded);
            // Drop the characters that depend on the bytes around the secret.
            int from = (pad == 0 ? 0 : 4);
            int to = b64.length() - 4;
            if (to - from >= 8) {
                forms.add(b64.substring(from, to));
            }
        }
        return forms;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String printable(String s) {
        return s.replace("\n", "\\n").replace("\t", "\\t");
    }

}
