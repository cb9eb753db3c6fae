package dev.ops.pbs;

import dev.ops.core.secret.Secret;
import dev.ops.testkit.pbs.PbsFakeServer;

/** A client of a PBS fake, pinned to its certificate and authenticated by its token. */
final class PbsFixture {
    private PbsFixture() {}

    static PbsClient client(PbsFakeServer pbs) {
        return PbsClient.builder().baseUrl(pbs.baseUrl()).apiToken("root@pam", "ops", Secret.of(pbs.tokenSecret()))
                .pinnedCertificate(pbs.fingerprint()).name("pbs-test").build();
    }
}
