package dev.ops.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ops.core.host.SshHost;
import dev.ops.core.testing.RealComponents;
import dev.ops.core.testing.Sshd;
import dev.ops.lab.testing.FakeSites;
import dev.ops.lab.testing.LabFakes;
import dev.ops.lab.testing.OpsRunner;
import dev.ops.lab.testing.Sites;
import dev.ops.testkit.pve.PveFakeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ops} command reaches the site's hosts over SSH as the site says (address, port, user,
 * key, known_hosts; host keys checked strictly): {@code ops plan l3} and {@code ops apply} converge a
 * real OpenSSH server's host on loopback, {@code ops plan l4} is refused until L3 has run, and
 * {@code ops runway} checks each host's tools, listing every failure. The sshd runs in a private
 * mount namespace ({@link Sshd}): the users L3 makes exist there only. The site's host asks for
 * nothing that would change this machine (a package it has, no kernel parameter).
 */
@Timeout(180)
class OpsCliHostLayersTest {
    private final PveFakeServer pve = LabFakes.cluster().start();
    @TempDir
    Path dir;
    private Sshd sshd;
    private Path site;
    private OpsRunner cli;

    @BeforeEach
    void start() throws Exception {
        RealComponents.root();
        RealComponents.program("sshd");
        RealComponents.program("ssh-keygen");
        RealComponents.program("unshare");
        List.of("useradd", "visudo", "dpkg-query").forEach(RealComponents::program);
        sshd = Sshd.builder().start();
        site = FakeSites.pointedAt(Files.createDirectories(dir.resolve("site1")), pve);
        Files.copy(sshd.clientKey(), site.resolve("id_ed25519"));
        Sites.edit(site, "inventory.yml", "address: 127.0.0.1\n    port: 1\n    user: ops", "address: " + sshd.host() + "\n    port: "
                + sshd.port() + "\n    user: root\n    key: id_ed25519\n    known_hosts: " + sshd.knownHosts());
        Sites.edit(site, "inventory.yml", "packages: [nginx]", "packages: [coreutils]");
        Sites.edit(site, "inventory.yml", "    sysctl:\n      net.ipv4.ip_forward: \"1\"\n", "");
        cli = new OpsRunner(site, FakeSites.environment());
    }

    @AfterEach
    void stop() {
        if (sshd != null) {
            sshd.close();
        }
        pve.close(); // strict: fails on any request the real API would refuse
    }

    private int ops(String... args) {
        return cli.run(args);
    }

    /** Runs {@code command} on the sshd's host as the test sees it (its own connection). */
    private int onHost(String command) {
        try (SshHost host = SshHost.builder().host(sshd.host()).port(sshd.port()).user("root").privateKey(sshd.clientKey())
                .knownHosts(sshd.knownHosts()).build()) {
            return host.run(dev.ops.core.host.Command.shell(command)).exitCode();
        }
    }

    private void planAndApply(String... plan) {
        Path saved = dir.resolve(plan[plan.length - 1] + ".json");
        String[] args = new String[plan.length + 3];
        args[0] = "plan";
        System.arraycopy(plan, 0, args, 1, plan.length);
        args[plan.length + 1] = "--out";
        args[plan.length + 2] = saved.toString();
        assertThat(ops(args)).as("%s%s", cli.out(), cli.err()).isZero();
        assertThat(ops("apply", saved.toString(), "--yes")).as("%s%s", cli.out(), cli.err()).isZero();
    }

    private static String journalId(String applyOutput) {
        Matcher m = Pattern.compile("roll back with: ops rollback (\\S+)").matcher(applyOutput);
        assertThat(m.find()).as(applyOutput).isTrue();
        return m.group(1);
    }

    @Test
    void layerThreeIsPlannedOverSshAppliedAndRolledBackAndLayerFourWaitsForIt() throws Exception {
        planAndApply("replicate", "9000", "--to", "pve2");
        planAndApply("l2");

        assertThat(ops("plan", "l4")).as("%s", cli.out()).isEqualTo(ExitCode.INVALID.code());
        assertThat(cli.err()).contains("inventory.yml:23 services.nginx: needs layer L3: host web has not been converged (ops plan l3)");

        Path l3 = dir.resolve("l3.json");
        assertThat(ops("plan", "l3", "--out", l3.toString())).as("%s%s", cli.out(), cli.err()).isZero();
        assertThat(cli.out()).contains("deploy").contains("lab-deploy").contains("saved: " + l3);
        assertThat(onHost("id deploy")).as("planning changes nothing").isNotZero();

        assertThat(ops("apply", l3.toString())).as("%s%s", cli.out(), cli.err()).isZero();
        String id = journalId(cli.out());
        assertThat(onHost("id -nG deploy | grep -qw adm")).isZero();
        assertThat(onHost("grep -q NOPASSWD /etc/sudoers.d/lab-deploy")).isZero();
        assertThat(onHost("grep -q deploy@lab /home/deploy/.ssh/authorized_keys")).isZero();

        assertThat(ops("rollback", id)).as("%s%s", cli.out(), cli.err()).isZero();
        assertThat(onHost("id deploy")).isNotZero();
        assertThat(onHost("test -e /etc/sudoers.d/lab-deploy")).isNotZero();
        assertThat(ops("plan", "l4")).as("the rollback took the convergence record away").isEqualTo(ExitCode.INVALID.code());
    }

    @Test
    void runwayChecksEachHostsToolsOverSshAndListsAHostKeyItDoesNotKnow() throws Exception {
        assertThat(ops("--json", "runway")).as("%s%s", cli.out(), cli.err()).isZero();
        JsonNode web = check(new ObjectMapper().readTree(cli.out()), "host web tools");
        assertThat(web.path("ok").asBoolean()).isTrue();
        assertThat(web.path("message").asText()).contains("apt-get", "visudo", "systemctl");

        Path empty = Files.writeString(dir.resolve("known_hosts_empty"), "");
        Sites.edit(site, "inventory.yml", "known_hosts: " + sshd.knownHosts(), "known_hosts: " + empty);

        assertThat(ops("--json", "runway")).as("strict host-key checking: an unknown key is a failure").isEqualTo(ExitCode.FAILED.code());
        JsonNode report = new ObjectMapper().readTree(cli.out());
        assertThat(check(report, "host web tools").path("ok").asBoolean()).isFalse();
        assertThat(check(report, "setting proxmox.endpoint").path("ok").asBoolean()).as("every other check still runs").isTrue();
    }

    private static JsonNode check(JsonNode report, String subject) {
        for (JsonNode c : report.path("checks")) {
            if (c.path("subject").asText().equals(subject)) {
                return c;
            }
        }
        throw new AssertionError("no check " + subject + " in " + report);
    }
}
