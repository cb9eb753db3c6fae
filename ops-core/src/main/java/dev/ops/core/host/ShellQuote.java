package dev.ops.core.host;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Quotes arguments for a POSIX shell, so that an argv list survives the trip through {@code sh -c}. */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {}

    /** One argument, quoted only when it has to be. */
    public static String quote(String arg) {
        if (!arg.isEmpty() && SAFE.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\"'\"'") + "'";
    }

    /** An argv list joined into one shell command line. */
    public static String join(List<String> argv) {
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
