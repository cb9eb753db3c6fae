package dev.ops.pbs;

import dev.ops.core.testing.ApiBaseline;
import org.junit.jupiter.api.Test;

/** The public API of ops-pbs is the checked-in baseline: a change to it is deliberate and shows in review. */
class ApiBaselineTest {

    @Test
    void thePublicApiIsTheCheckedInBaseline() throws Exception {
        ApiBaseline.check();
    }
}
