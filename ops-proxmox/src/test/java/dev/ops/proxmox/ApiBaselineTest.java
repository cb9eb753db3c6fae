package dev.ops.proxmox;

import dev.ops.core.testing.ApiBaseline;
import org.junit.jupiter.api.Test;

/** The public API of ops-proxmox is the checked-in baseline: a change to it is deliberate and shows in review. */
class ApiBaselineTest {

    @Test
    void thePublicApiIsTheCheckedInBaseline() throws Exception {
        ApiBaseline.check();
    }
}
