package dev.ops.lab.testing;

import dev.ops.core.Ops;
import dev.ops.core.policy.Approver;
import dev.ops.lab.Lab;
import dev.ops.lab.policy.SitePolicy;
import dev.ops.lab.site.Site;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;

/**
 * What most lab tests start from: the test site, the fake cluster ({@link LabFakes}), a lab over both,
 * and in-memory {@code Ops} with the site's policy and an approver that approves. Closing it stops the
 * fake, which fails on any request the real API would have refused.
 */
public record LabFixture(Site site, PveFakeServer pve, Lab lab, Ops ops) implements AutoCloseable {

    /** A fresh fixture. */
    public static LabFixture start() {
        return start(LabFakes.cluster());
    }

    /** A fresh fixture on the fake {@code cluster} builds. */
    public static LabFixture start(PveFakeServer.Builder cluster) {
        return start(Site.load(Sites.site1()), cluster);
    }

    /** A fresh fixture of {@code site} on the fake {@code cluster} builds. */
    public static LabFixture start(Site site, PveFakeServer.Builder cluster) {
        PveFakeServer pve = cluster.start();
        Lab lab = Lab.builder().site(site).client(Fakes.client(pve)).build();
        Ops ops = Ops.inMemory().toBuilder().policy(SitePolicy.of(site, plan -> Approver.Decision.approve())).build();
        return new LabFixture(site, pve, lab, ops);
    }

    @Override
    public void close() {
        pve.close();
    }
}
