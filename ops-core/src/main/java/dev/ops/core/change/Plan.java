package dev.ops.core.change;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ops.core.json.internal.Json;
import dev.ops.core.secret.Redactor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The dry-run of a {@link Change}: the exact steps that applying it would take, computed from the
 * current state, with nothing changed. An empty plan means the target is already in the desired
 * state. A plan is a value to read, render and check; it cannot be applied by itself.
 */
public final class Plan {
    private final String change;
    private final List<Step> steps;
    private final List<String> notes;
    private final Instant createdAt;

    private Plan(String change, List<Step> steps, List<String> notes, Instant createdAt) {
        this.change = Objects.requireNonNull(change, "change");
        this.steps = List.copyOf(steps);
        this.notes = List.copyOf(notes);
        this.createdAt = createdAt;
    }

    /** A plan for the change described as {@code change}. */
    public static Plan of(String change, List<Step> steps, List<String> notes, Instant createdAt) {
        return new Plan(change, steps, notes, createdAt);
    }

    /** What the change is, in words (e.g. {@code user alice present on web-1}). */
    public String change() {
        return change;
    }

    public List<Step> steps() {
        return steps;
    }

    /** Warnings and remarks for the operator, e.g. which steps cannot be undone. */
    public List<String> notes() {
        return notes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Whether applying would change nothing. */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * The plan as numbered lines for a terminal; secrets masked. A plan that acts on several hosts
     * or endpoints lists the steps under each target (in the order targets first appear), keeping
     * every step's number in the order the steps run.
     */
    public String render() {
        StringBuilder out = new StringBuilder("Plan: ").append(change).append('\n');
        if (steps.isEmpty()) {
            out.append("  (no changes: already in the desired state)\n");
        }
        java.util.Map<String, List<Integer>> byTarget = new java.util.LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            byTarget.computeIfAbsent(steps.get(i).target(), t -> new java.util.ArrayList<>()).add(i);
        }
        boolean grouped = byTarget.size() > 1;
        String indent = grouped ? "    " : "  ";
        byTarget.forEach((target, indexes) -> {
            if (grouped) {
                out.append("  on ").append(target).append(":\n");
            }
            for (int i : indexes) {
                Step s = steps.get(i);
                out.append(String.format("%s%d. %s%s%s%n", indent, i + 1, s.description(), grouped ? "" : " [" + s.target() + "]",
                        s.undo().isPresent() ? "" : " (cannot be undone)"));
                for (String line : s.action().render().split("\n", -1)) {
                    out.append(indent).append("     ").append(line).append('\n');
                }
            }
        });
        notes.forEach(n -> out.append("  note: ").append(n).append('\n'));
        return Redactor.global().redact(out.toString());
    }

    /**
     * The plan as JSON: change, steps with their action and undo renderings, notes; secrets masked.
     * Every text is redacted before it is JSON-encoded, so that a secret holding quotes or
     * backslashes is masked too (escaping would otherwise hide it from the redactor).
     */
    public String toJson() {
        Redactor r = Redactor.global();
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("change", r.redact(change));
        root.put("createdAt", createdAt.toString());
        ArrayNode arr = root.putArray("steps");
        for (Step s : steps) {
            ObjectNode n = arr.addObject();
            n.put("description", r.redact(s.description()));
            n.put("target", r.redact(s.target()));
            n.put("action", r.redact(s.action().render()));
            n.put("actionType", s.action().getClass().getSimpleName());
            if (s.undo().isPresent()) {
                n.put("undo", r.redact(s.undo().get().render()));
            } else {
                n.putNull("undo");
            }
        }
        ArrayNode notesNode = root.putArray("notes");
        notes.forEach(note -> notesNode.add(r.redact(note)));
        return Json.writePretty(root);
    }

    @Override
    public String toString() {
        return render();
    }
}
