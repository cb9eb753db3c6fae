package dev.ops.srv.rollout;

import dev.ops.core.error.Violations;

/** Checks every rollout's common settings. */
final class Specs {
    private Specs() {}

    static void checkCommon(RolloutSpec spec, Violations v) {
        v.check(spec.backend().matches("[A-Za-z0-9_.:-]+"), "backend", "'" + spec.backend() + "' is not a proxy name");
        v.check(spec.gateTimeout().toMillis() >= 1, "gateTimeout", "must be at least 1 ms, not " + spec.gateTimeout());
        v.check(!spec.drainTimeout().isNegative(), "drainTimeout", "must not be negative");
    }
}
