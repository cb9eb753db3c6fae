package dev.ops.core.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.ops.core.error.CorruptRecordException;
import dev.ops.core.json.internal.Json;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads journal records strictly. A record that is not JSON, is written in a newer format, has
 * fields this version does not know (at the record's and the steps' level), names an action type
 * that is not known here, or lacks what recovery needs, is refused with a
 * {@link CorruptRecordException} naming its key and location: undoing from a record only half
 * understood could revert the wrong thing.
 */
final class ApplyRecords {
    private static final Set<String> RECORD_FIELDS = names(ApplyRecord.class);
    private static final Set<String> STEP_FIELDS = names(StepRecord.class);

    private ApplyRecords() {}

    static ApplyRecord read(String key, String location, String id, byte[] bytes) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new CorruptRecordException(key, location, "not JSON (truncated or damaged): " + firstLine(e), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new CorruptRecordException(key, location, "not a JSON object" + (bytes.length == 0 ? " (empty)" : ""));
        }
        JsonNode format = tree.get("format");
        if (format != null && !format.canConvertToInt()) {
            throw new CorruptRecordException(key, location, "format '" + format + "' is not a number");
        }
        int version = format == null ? 1 : format.asInt();
        if (version > ApplyRecord.FORMAT || version < 1) {
            throw new CorruptRecordException(key, location, "written in journal format " + version
                    + "; this version of ops reads formats 1 to " + ApplyRecord.FORMAT + " (recover it with the ops that wrote it)");
        }
        unknownFields(key, location, tree, RECORD_FIELDS, "");
        JsonNode steps = tree.get("steps");
        if (steps == null || !steps.isArray()) {
            throw new CorruptRecordException(key, location, "has no steps list");
        }
        for (int i = 0; i < steps.size(); i++) {
            if (!steps.get(i).isObject()) {
                throw new CorruptRecordException(key, location, "step " + i + " is not a JSON object");
            }
            unknownFields(key, location, steps.get(i), STEP_FIELDS, "step " + i + ": ");
        }
        ApplyRecord r;
        try {
            r = Json.mapper().treeToValue(tree, ApplyRecord.class);
        } catch (InvalidTypeIdException e) {
            throw new CorruptRecordException(key, location, "unknown action type '" + e.getTypeId() + "'", e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new CorruptRecordException(key, location, firstLine(e), e);
        }
        StringBuilder missing = new StringBuilder();
        need(missing, r.id(), "id");
        need(missing, r.change(), "change");
        need(missing, r.status(), "status");
        need(missing, r.createdAt(), "createdAt");
        need(missing, r.updatedAt(), "updatedAt");
        need(missing, r.owner(), "owner");
        if (r.owner() != null) {
            need(missing, r.owner().machine(), "owner.machine");
            need(missing, r.owner().processStart(), "owner.processStart");
        }
        for (int i = 0; i < r.steps().size(); i++) {
            StepRecord s = r.steps().get(i);
            need(missing, s.description(), "steps[" + i + "].description");
            need(missing, s.action(), "steps[" + i + "].action");
            need(missing, s.state(), "steps[" + i + "].state");
        }
        if (!missing.isEmpty()) {
            throw new CorruptRecordException(key, location, "lacks" + missing);
        }
        if (!r.id().equals(id)) {
            throw new CorruptRecordException(key, location, "holds apply id '" + r.id() + "', not '" + id + "' as its key says");
        }
        return r;
    }

    private static void unknownFields(String key, String location, JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new CorruptRecordException(key, location, where + "unknown field '" + name
                        + "' (written by a newer ops, or damaged); refusing to undo from a record only partly understood");
            }
        }
    }

    private static void need(StringBuilder missing, Object value, String field) {
        if (value == null) {
            missing.append(' ').append(field);
        }
    }

    private static String firstLine(Exception e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        m = m == null ? e.getClass().getSimpleName() : m;
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static Set<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());
    }
}
