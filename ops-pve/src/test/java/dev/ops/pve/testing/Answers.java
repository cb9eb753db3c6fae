package dev.ops.pve.testing;

import dev.ops.proxmox.internal.ProxmoxJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads a Proxmox answer body the way the client does, for model tests. */
public final class Answers {
    private Answers() {}

    /** The answer's {@code data} as a list of {@code element}; null when the answer has none. */
    public static <T> List<T> list(Class<T> element, String body) throws IOException {
        return ProxmoxJson.<List<T>>data(ProxmoxJson.listOf(element)).read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The single element of the answer's {@code data} list. */
    public static <T> T one(Class<T> element, String body) throws IOException {
        List<T> all = list(element, body);
        if (all.size() != 1) {
            throw new AssertionError("expected one element, got " + all);
        }
        return all.get(0);
    }
}
