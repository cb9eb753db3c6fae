package dev.ops.core.host;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.ops.core.error.Violations;
import dev.ops.core.secret.Redactor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A command to run on a {@link Host}: an argv list (never a string split on spaces), optional
 * standard input, environment, working directory, timeout and whether to escalate with sudo.
 *
 * <pre>{@code
 * Command c = Command.of("ip", "-json", "link", "show");
 * Command d = Command.builder().addArgv("tee", "/etc/motd").stdin("hello\n").sudo(true).build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCommand.class)
@JsonDeserialize(as = ImmutableCommand.class)
public abstract class Command {
    /** The timeout when none is set. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private static final java.util.regex.Pattern ENV_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The program and its arguments. */
    public abstract List<String> argv();

    /** Bytes fed to standard input; empty means standard input is closed at once. */
    @Value.Default
    public byte[] stdin() {
        return new byte[0];
    }

    /** Extra environment variables. */
    public abstract Map<String, String> env();

    /** The working directory; the host's default when empty. */
    public abstract Optional<String> workDir();

    /** How long the command may run before it (and every process it started) is killed. */
    @Value.Default
    public Duration timeout() {
        return DEFAULT_TIMEOUT;
    }

    /** Whether to run as root ({@code sudo -n} when the host's user is not root already). */
    @Value.Default
    public boolean sudo() {
        return false;
    }

    /** Output beyond this many bytes per stream is read and dropped; the result says it was truncated. */
    @Value.Default
    public long maxOutputBytes() {
        return 256L * 1024 * 1024;
    }

    /** Literal values (passwords in arguments, say) masked wherever the command is shown. */
    public abstract Set<String> sensitive();

    /** A command from its argv. */
    public static Command of(String... argv) {
        return builder().addArgv(argv).build();
    }

    /** A command from its argv. */
    public static Command of(List<String> argv) {
        return builder().addAllArgv(argv).build();
    }

    /** A shell script run with {@code sh -c}. */
    public static Command shell(String script) {
        return of("sh", "-c", script);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy changed by {@code edit}. */
    public Command with(Consumer<Builder> edit) {
        Builder b = toBuilder();
        edit.accept(b);
        return b.build();
    }

    public Builder toBuilder() {
        return builder().from(this);
    }

    /** The same command with sudo escalation. */
    public Command asRoot() {
        return with(b -> b.sudo(true));
    }

    /** The same command with another timeout. */
    public Command withTimeout(Duration timeout) {
        return with(b -> b.timeout(timeout));
    }

    /** The command line as a shell would read it, secrets masked. */
    @JsonIgnore
    public String render() {
        String line = (sudo() ? "sudo -n " : "") + ShellQuote.join(argv());
        for (String s : sensitive()) {
            if (!s.isEmpty()) {
                line = line.replace(ShellQuote.quote(s), Redactor.MASK).replace(s, Redactor.MASK);
            }
        }
        return Redactor.global().redact(line);
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("command");
        v.check(!argv().isEmpty(), "argv", "must name a program");
        v.check(argv().isEmpty() || !argv().get(0).isBlank(), "argv[0]", "must not be blank");
        v.check(argv().stream().noneMatch(a -> a.indexOf('\0') >= 0), "argv", "must not contain NUL characters");
        v.check(!timeout().isNegative() && !timeout().isZero(), "timeout", "must be positive");
        v.check(maxOutputBytes() > 0, "maxOutputBytes", "must be positive");
        env().forEach((name, value) -> {
            v.check(ENV_NAME.matcher(name).matches(), "env", "name '" + name + "' is not a variable name ([A-Za-z_][A-Za-z0-9_]*)");
            v.check(value.indexOf('\0') < 0, "env", "value of " + name + " must not contain NUL characters");
        });
        v.check(workDir().map(d -> d.indexOf('\0') < 0).orElse(true), "workDir", "must not contain NUL characters");
        v.throwIfAny();
    }

    @Override
    public String toString() {
        return "Command[" + render() + "]";
    }

    /** Builds a {@link Command}. */
    public static final class Builder extends ImmutableCommand.Builder {
        /** Standard input as UTF-8 text. */
        public Builder stdin(String text) {
            stdin(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return this;
        }
    }
}
