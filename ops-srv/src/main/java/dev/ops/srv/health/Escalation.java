package dev.ops.srv.health;

import java.time.Instant;
import java.util.Objects;

/**
 * A check a {@link Healer} gave up on: it flapped past the limit, so a person is needed. Kept in the
 * state store until {@link Healer#resolve} clears it, so that no other healer heals it meanwhile.
 *
 * @param check the check's name
 * @param at when the healer gave up
 * @param reason why, in words
 */
public record Escalation(String check, Instant at, String reason) {
    public Escalation {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }
}
