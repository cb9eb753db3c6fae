package dev.ops.core.secret;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Masks secret values in text. The global instance knows every live {@link Secret} (a secret is
 * forgotten once nothing refers to it any more), values registered for the life of the JVM, and
 * patterns for well-known credential shapes (Proxmox API tokens, ticket cookies, passwords given
 * as {@code password=...}).
 *
 * <p>A secret is also recognised in the forms it takes when text is encoded: JSON-escaped,
 * URL-encoded and quoted for a POSIX shell. Redaction costs time in proportion to the text and to
 * the number of distinct secret lengths, not to the number of secrets: each length's candidate
 * substrings are looked up by a rolling hash.
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final Redactor GLOBAL = new Redactor();
    private static final int MIN_SECRET_LENGTH = 3;
    private static final long BASE = 0x100000001B3L;
    private static final int FILTER_BITS = 1 << 20;
    private static final List<Pattern> PATTERNS = List.of(
            // PVEAPIToken=user@realm!tokenid=SECRET
            Pattern.compile("(PVEAPIToken=[^=\\s]+=)[^\\s,\"']+"),
            // PBSAPIToken=user@realm!tokenid:SECRET
            Pattern.compile("(PBSAPIToken=[^:\\s]+:)[^\\s,\"']+"),
            Pattern.compile("((?:PVE|PBS)AuthCookie=)[^;\\s\"']+"),
            Pattern.compile("((?:CSRFPreventionToken)[:=]\\s*)[^\\s,\"';]+"),
            Pattern.compile("((?i)(?<![a-z])(?:password|passwd|secret|token)\"?\\s*[=:]\\s*\"?)[^\\s,\"'&]+"));

    private final Object lock = new Object();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    /** Each registered form with how many live registrations hold it. Guarded by {@link #lock}. */
    private final Map<String, Integer> counts = new HashMap<>();
    /** Every form by its hash key (length mixed in); read without the lock. */
    private final Map<Long, String[]> byKey = new ConcurrentHashMap<>();
    /** Registrations tied to an owner; a reference object must stay reachable itself to be enqueued. Guarded by {@link #lock}. */
    private final Set<Registration> registrations = new HashSet<>();
    /** Distinct lengths of registered forms, longest first, with how many forms have each. */
    private volatile int[] lengths = new int[0];
    private final Map<Integer, Integer> lengthCounts = new HashMap<>();
    /** A Bloom-like prefilter over hash keys, so that most positions need no map lookup. */
    private final long[] filter = new long[FILTER_BITS / 64];
    private volatile long[] powers = {1};

    Redactor() {}

    /** The JVM-wide redactor used by ops for every rendering. */
    public static Redactor global() {
        return GLOBAL;
    }

    /** Adds a value to mask for the rest of this JVM's life. Values shorter than three characters are not masked. */
    public void register(String secret) {
        register(null, secret);
    }

    /**
     * Adds a value to mask for as long as {@code owner} is reachable (forever when it is null).
     * Values shorter than three characters are not masked.
     */
    public void register(Object owner, String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            return;
        }
        Set<String> forms = formsOf(secret);
        synchronized (lock) {
            expunge();
            forms.forEach(this::add);
            if (owner != null) {
                registrations.add(new Registration(owner, forms, collected));
            }
        }
    }

    /** How many distinct values (with their encoded forms) are masked now; for tests and diagnostics. */
    int liveForms() {
        synchronized (lock) {
            expunge();
            return counts.size();
        }
    }

    /** Returns {@code text} with every known secret and credential pattern masked. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = maskSecrets(text);
        for (Pattern p : PATTERNS) {
            out = p.matcher(out).replaceAll("$1" + MASK);
        }
        return out;
    }

    /** Whether {@code text} holds a known secret or a well-known credential shape. */
    public boolean containsSecret(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        if (findSecret(text, 0, prefixHashes(text)) >= 0) {
            return true;
        }
        for (Pattern p : PATTERNS) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    private String maskSecrets(String text) {
        if (lengths.length == 0) {
            return text;
        }
        long[] prefix = prefixHashes(text);
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            int found = matchAt(text, i, prefix);
            if (found > 0) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, i).append(MASK);
                i += found;
                copied = i;
            } else {
                i++;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private int findSecret(String text, int from, long[] prefix) {
        if (lengths.length == 0) {
            return -1;
        }
        for (int i = from; i < text.length(); i++) {
            if (matchAt(text, i, prefix) > 0) {
                return i;
            }
        }
        return -1;
    }

    /** The length of the longest registered form that starts at {@code i}, or 0. */
    private int matchAt(String text, int i, long[] prefix) {
        int[] ls = lengths;
        long[] pow = powers;
        for (int length : ls) {
            if (i + length > text.length() || length >= pow.length) {
                continue;
            }
            long key = key(prefix[i + length] - prefix[i] * pow[length], length);
            if (!mayContain(key)) {
                continue;
            }
            String[] candidates = byKey.get(key);
            if (candidates != null) {
                for (String c : candidates) {
                    if (text.regionMatches(i, c, 0, length)) {
                        return length;
                    }
                }
            }
        }
        return 0;
    }

    private static long[] prefixHashes(String text) {
        long[] prefix = new long[text.length() + 1];
        for (int i = 0; i < text.length(); i++) {
            prefix[i + 1] = prefix[i] * BASE + text.charAt(i);
        }
        return prefix;
    }

    private static long hashOf(String s) {
        long h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = h * BASE + s.charAt(i);
        }
        return h;
    }

    private static long key(long hash, int length) {
        long k = hash ^ (length * 0x9E3779B97F4A7C15L);
        return k ^ (k >>> 29);
    }

    private boolean mayContain(long key) {
        int bit = (int) (key & (FILTER_BITS - 1));
        return (filter[bit >>> 6] & (1L << bit)) != 0;
    }

    private void add(String form) {
        if (counts.merge(form, 1, Integer::sum) > 1) {
            return;
        }
        int length = form.length();
        growPowers(length);
        long key = key(hashOf(form), length);
        int bit = (int) (key & (FILTER_BITS - 1));
        filter[bit >>> 6] |= 1L << bit;
        byKey.merge(key, new String[] {form}, Redactor::concat);
        if (lengthCounts.merge(length, 1, Integer::sum) == 1) {
            lengths = sortedLengths();
        }
    }

    private void remove(String form) {
        Integer left = counts.get(form);
        if (left == null) {
            return;
        }
        if (left > 1) {
            counts.put(form, left - 1);
            return;
        }
        counts.remove(form);
        long key = key(hashOf(form), form.length());
        byKey.computeIfPresent(key, (k, forms) -> {
            String[] kept = Arrays.stream(forms).filter(f -> !f.equals(form)).toArray(String[]::new);
            return kept.length == 0 ? null : kept;
        });
        if (lengthCounts.merge(form.length(), -1, Integer::sum) == 0) {
            lengthCounts.remove(form.length());
            lengths = sortedLengths();
        }
    }

    private int[] sortedLengths() {
        return lengthCounts.keySet().stream().sorted((a, b) -> b - a).mapToInt(Integer::intValue).toArray();
    }

    private void expunge() {
        for (Object ref = collected.poll(); ref != null; ref = collected.poll()) {
            Registration gone = (Registration) ref;
            registrations.remove(gone);
            gone.forms.forEach(this::remove);
        }
    }

    private void growPowers(int length) {
        long[] pow = powers;
        if (length < pow.length) {
            return;
        }
        long[] next = Arrays.copyOf(pow, Math.max(length + 1, pow.length * 2));
        for (int i = pow.length; i < next.length; i++) {
            next[i] = next[i - 1] * BASE;
        }
        powers = next;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The value and the forms it takes inside JSON strings, URLs and shell-quoted arguments. */
    private static Set<String> formsOf(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(secret)));
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
        forms.add(secret.replace("'", "'\"'\"'"));
        forms.removeIf(f -> f.length() < MIN_SECRET_LENGTH);
        return forms;
    }

    /** Ties the forms of one registration to the lifetime of its owner. */
    private static final class Registration extends WeakReference<Object> {
        private final Set<String> forms;

        Registration(Object owner, Set<String> forms, ReferenceQueue<Object> queue) {
            super(owner, queue);
            this.forms = forms;
        }
    }
}
