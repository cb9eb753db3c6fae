package dev.ops.core.secret;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Masks secret values in text. The global instance knows every {@link Secret} created in this
 * JVM, plus patterns for well-known credential shapes (Proxmox API tokens, ticket cookies,
 * passwords given as {@code password=...}).
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final Redactor GLOBAL = new Redactor();
    private static final int MIN_SECRET_LENGTH = 3;
    private static final List<Pattern> PATTERNS = List.of(
            // PVEAPIToken=user@realm!tokenid=SECRET
            Pattern.compile("(PVEAPIToken=[^=\\s]+=)[^\\s,\"']+"),
            // PBSAPIToken=user@realm!tokenid:SECRET
            Pattern.compile("(PBSAPIToken=[^:\\s]+:)[^\\s,\"']+"),
            Pattern.compile("((?:PVE|PBS)AuthCookie=)[^;\\s\"']+"),
            Pattern.compile("((?:CSRFPreventionToken)[:=]\\s*)[^\\s,\"';]+"),
            Pattern.compile("((?i)(?<![a-z])(?:password|passwd|secret|token)\"?\\s*[=:]\\s*\"?)[^\\s,\"'&]+"));

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /** The JVM-wide redactor used by ops for every rendering. */
    public static Redactor global() {
        return GLOBAL;
    }

    /** Adds a value to mask from now on. Values shorter than three characters are not masked. */
    public void register(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH && !secrets.contains(secret)) {
            secrets.add(secret);
            secrets.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    /** Returns {@code text} with every known secret and credential pattern masked. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        for (Pattern p : PATTERNS) {
            out = p.matcher(out).replaceAll("$1" + MASK);
        }
        return out;
    }
}
