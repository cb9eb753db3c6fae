package dev.ops.srv.unit.internal;

import dev.ops.core.text.AsciiNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.core.json.internal.Json;
import dev.ops.srv.unit.LogEntry;
import dev.ops.srv.unit.LogPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A unit's journal read with {@code journalctl -o json}, one JSON object a line. */
public final class Journal {
    // -n keeps the newest N for a first read; after a cursor, head keeps the oldest N so that paging goes forward
    private static final String READ = "u=$1; n=$2; c=$3; if [ -z \"$c\" ]; then exec journalctl --no-pager -o json -u \"$u\" -n \"$n\"; "
            + "else journalctl --no-pager -o json -u \"$u\" --after-cursor=\"$c\" | head -n \"$n\"; fi";

    private Journal() {}

    /** Up to {@code max} entries of {@code unit}: the newest when {@code after} is empty, else the oldest after that cursor. */
    public static LogPage read(Host host, String unit, Optional<String> after, int max) {
        String text = host.check(Command.of("sh", "-c", READ, "sh", unit, Integer.toString(max), after.orElse(""))).stdoutText();
        return new LogPage(parse(text), after);
    }

    /** Entries from {@code journalctl -o json} output; lines that are not JSON objects are skipped. */
    public static List<LogEntry> parse(String text) {
        List<LogEntry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode n;
            try {
                n = Json.mapper().readTree(line);
            } catch (IOException e) {
                continue;
            }
            long micros = parseLong(n.path("__REALTIME_TIMESTAMP").asText());
            Instant time = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
            String priority = n.path("PRIORITY").asText("");
            out.add(new LogEntry(n.path("__CURSOR").asText(""), time, priority.isEmpty() ? 6 : (int) parseLong(priority), message(n.get("MESSAGE")),
                    parseLong(n.path("_PID").asText())));
        }
        return out;
    }

    /** journald writes a message that is not valid UTF-8 as an array of byte values, and a missing or too large one as null. */
    private static String message(JsonNode m) {
        if (m == null || m.isNull()) {
            return "";
        }
        if (m.isArray()) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            m.forEach(x -> b.write(x.asInt()));
            return b.toString(StandardCharsets.UTF_8);
        }
        return m.asText();
    }

    private static long parseLong(String s) {
        try {
            return s.isEmpty() ? 0 : AsciiNumbers.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
