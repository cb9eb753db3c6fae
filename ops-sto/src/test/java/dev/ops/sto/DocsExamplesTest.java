package dev.ops.sto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.PolicyDeniedException;
import dev.ops.core.file.ManagedFile;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.policy.Policy;
import dev.ops.core.retention.RetentionItem;
import dev.ops.core.retention.RetentionPlan;
import dev.ops.core.retention.RetentionPolicy;
import dev.ops.core.testing.RealComponents;
import dev.ops.sto.block.BlockDevices;
import dev.ops.sto.block.BlockQueue;
import dev.ops.sto.btrfs.Btrfs;
import dev.ops.sto.lvm.Lvm;
import dev.ops.sto.lvm.MergeOutcome;
import dev.ops.sto.nfs.ExportsSyntaxException;
import dev.ops.sto.nfs.NfsClient;
import dev.ops.sto.nfs.NfsExport;
import dev.ops.sto.nfs.NfsExports;
import dev.ops.sto.safety.SafetySnapshot;
import dev.ops.sto.safety.Volume;
import dev.ops.sto.send.Replication;
import dev.ops.sto.send.SendProgress;
import dev.ops.sto.send.SendResult;
import dev.ops.sto.smb.SmbConfigException;
import dev.ops.sto.smb.SmbShares;
import dev.ops.sto.support.LoopBtrfs;
import dev.ops.sto.support.ZfsFuse;
import dev.ops.sto.zfs.NewerSnapshotsException;
import dev.ops.sto.zfs.Zfs;
import dev.ops.sto.zfs.ZfsDataset;
import dev.ops.sto.zfs.ZfsProperty;
import dev.ops.testkit.host.ScriptedHost;
import dev.ops.testkit.sandbox.SandboxHost;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/sto.md quotes this class's tagged regions word for word, and each of them runs here: on real
 * file systems where the suite can make them (ZFS through {@link ZfsFuse}, Btrfs on a {@link LoopBtrfs},
 * /etc/exports and smb.conf with the real exportfs and testparm in a {@link SandboxHost}), and against a
 * {@link ScriptedHost} where a real one cannot exist here: LVM logical volumes (device-mapper), OpenZFS's
 * {@code zfs send -nP} size estimate (zfs-fuse lacks it) and a block device's queue (sysfs is the
 * machine's own). The real ones skip without root or the tools, and fail instead under OPS_REQUIRE_REAL=1.
 */
@Timeout(240)
class DocsExamplesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> TAGS = List.of("zfs-snapshot", "zfs-rollback", "btrfs-rollback", "retention", "prune", "send-plan",
            "send", "safety-lvm", "tuning", "block", "nfs", "smb");

    @TempDir
    Path dir;
    private final Ops ops = Ops.inMemory();

    @Test
    void theDocQuotesTheExamplesWordForWord() throws IOException {
        String source = Files.readString(ROOT.resolve("ops-sto/src/test/java/dev/ops/sto/DocsExamplesTest.java"));
        String doc = Files.readString(ROOT.resolve("docs/sto.md"));
        for (String tag : TAGS) {
            String start = "// tag::" + tag + "[]\n";
            assertThat(source).as(tag).contains(start);
            String region = source.substring(source.indexOf(start) + start.length(), source.indexOf("// end::" + tag + "[]"));
            String indent = region.substring(0, region.length() - region.stripLeading().length());
            assertThat(doc).as(tag).contains(region.replaceAll("(?m)^" + indent, "").stripTrailing());
        }
    }

    @Test
    void zfsSnapshotBeforeRiskyWorkAndRollBackWithConsent() {
        try (ZfsFuse zfsFuse = ZfsFuse.start("tank")) {
            Host host = zfsFuse.host();
            Zfs.on(host, ops).dataset("tank/vm-101").present().apply();
            String config = zfsFuse.mountPoint("tank") + "/vm-101/app.conf";
            host.writeFile(config, "workers=4\n".getBytes(StandardCharsets.UTF_8), "0644", false);
            // tag::zfs-snapshot[]
            Zfs zfs = Zfs.on(host, ops);
            zfs.snapshot("tank/vm-101@pre-upgrade").present().apply();
            host.writeFile(config, "workers=64\n".getBytes(StandardCharsets.UTF_8), "0644", false);  // the risky work
            zfs.snapshot("tank/vm-101@after-upgrade").present().apply();
            // end::zfs-snapshot[]
            assertThatThrownBy(() -> zfs.snapshot("tank/vm-101@pre-upgrade").rollback().plan())
                    .isInstanceOfSatisfying(NewerSnapshotsException.class, e -> {
                        assertThat(e.newer()).containsExactly("tank/vm-101@after-upgrade");
                        assertThat(e.violationsOf("destroyingNewer")).hasSize(1);
                    });
            // tag::zfs-rollback[]
            Change<ZfsDataset> back = zfs.snapshot("tank/vm-101@pre-upgrade").destroyingNewer().rollback();
            Plan plan = back.plan();
            System.out.println(plan.render());  // zfs rollback -r tank/vm-101@pre-upgrade
                                                // note: -r destroys the newer snapshot tank/vm-101@after-upgrade
            back.apply(plan);                   // cannot be undone
            // end::zfs-rollback[]
            assertThat(plan.render()).contains("zfs rollback -r tank/vm-101@pre-upgrade").contains("note: -r destroys the newer snapshot tank/vm-101@after-upgrade")
                    .contains("(cannot be undone)");
            assertThat(host.readText(config)).hasValue("workers=4\n");
            assertThat(zfs.snapshotsOf("tank/vm-101").list()).extracting(ZfsDataset::name).containsExactly("tank/vm-101@pre-upgrade");
        }
    }

    @Test
    void btrfsSafetySnapshotAndOneRollback() {
        try (LoopBtrfs fs = LoopBtrfs.create(dir, "docs", 256)) {
            Host host = fs.host();
            String data = fs.path("data");
            String snapshots = fs.path(".snapshots");
            Btrfs.on(host, ops).subvolume(data).present().apply();
            host.check(Command.of("mkdir", snapshots));
            host.writeFile(data + "/app.conf", "workers=4\n".getBytes(StandardCharsets.UTF_8), "0644", false);
            // tag::btrfs-rollback[]
            Applied<String> tuned = SafetySnapshot.on(host, ops).of(Volume.btrfs(data, snapshots)).named("pre-tuning")
                    .around(ManagedFile.on(host, ops).path(data + "/app.conf").content("workers=64\n").present())
                    .apply();
            host.writeFile(data + "/cache.db", new byte[4096], "0644", false);  // more writes to the subvolume
            tuned.rollback();   // data is replaced by a writable snapshot of .snapshots/pre-tuning, which stays
            // end::btrfs-rollback[]
            assertThat(host.readText(data + "/app.conf")).hasValue("workers=4\n");
            assertThat(host.run(Command.of("test", "-e", data + "/cache.db")).ok()).isFalse();
            assertThat(Btrfs.on(host, ops).get(data)).hasValueSatisfying(s -> assertThat(s.readOnly()).isFalse());
            assertThat(Btrfs.on(host, ops).get(snapshots + "/pre-tuning")).hasValueSatisfying(s -> assertThat(s.readOnly()).isTrue());
        }
    }

    @Test
    void aRetentionPolicySaysWhichRuleKeepsEachSnapshot() {
        Instant now = Instant.parse("2026-03-10T12:00:00Z");
        List<RetentionItem> snapshots = new ArrayList<>();
        for (String t : List.of("2026-03-10T10:00", "2026-03-10T06:00", "2026-03-10T02:00", "2026-03-09T02:00", "2026-03-08T02:00",
                "2026-03-07T02:00", "2026-03-06T02:00", "2026-02-01T02:00")) {
            snapshots.add(RetentionItem.of("tank/vm-101@" + t.replace("-", "").replace(":", ""), Instant.parse(t + ":00Z")).inGroup("tank/vm-101"));
        }
        // tag::retention[]
        RetentionPolicy policy = RetentionPolicy.builder().zone("Europe/Berlin").keepLast(2).keepDaily(3).keepMonthly(2)
                .maxAgeDays(30)                    // the seed's max_age_days
                .maxSnapshotsPerGroup(4)           // the seed's max_snapshots_per_volume
                .minimumAge(Duration.ofHours(12))  // nothing younger goes, whatever the rules say
                .build();
        RetentionPlan plan = policy.plan(snapshots, now);
        System.out.println(plan.render());
        // end::retention[]
        assertThat(plan.render()).isEqualTo("""
                keep tank/vm-101:tank/vm-101@20260310T1000 (keep-last 2026-03-10T10:00:00Z)
                keep tank/vm-101:tank/vm-101@20260310T0600 (keep-last 2026-03-10T06:00:00Z)
                keep tank/vm-101:tank/vm-101@20260310T0200 (minimum age)
                keep tank/vm-101:tank/vm-101@20260309T0200 (keep-daily 2026/03/09)
                keep tank/vm-101:tank/vm-101@20260308T0200 (keep-daily 2026/03/08)
                remove tank/vm-101:tank/vm-101@20260307T0200 (max count)
                remove tank/vm-101:tank/vm-101@20260306T0200 (not selected)
                remove tank/vm-101:tank/vm-101@20260201T0200 (max age)""");
    }

    @Test
    void pruningSparesSafetySnapshotsAndAPolicyCanForbidDeletingByHand() {
        try (ZfsFuse zfsFuse = ZfsFuse.start("tank")) {
            Host host = zfsFuse.host();
            Zfs.on(host, ops).dataset("tank/vm-101").present().apply();
            Zfs.on(host, ops).snapshot("tank/vm-101@old").present().apply();
            // made within the same second as @new below, most likely: ZFS's own order tells which is older
            // tag::prune[]
            Ops guarded = ops.toBuilder().policy(Policy.builder().deny(StoPolicies.snapshotsDeletedOnlyByCleanup()).build()).build();
            Zfs zfs = Zfs.on(host, guarded);
            SafetySnapshot.on(host, guarded).of(Volume.zfs("tank/vm-101")).named("pre-tuning")
                    .around(zfs.dataset("tank/vm-101").set("atime", "off")).apply();
            zfs.snapshot("tank/vm-101@new").present().apply();
            RetentionPolicy keepNewest = RetentionPolicy.builder().zone("UTC").keepLast(1).build();
            Change<RetentionPlan> prune = zfs.snapshotsOf("tank/vm-101").prune(keepNewest);
            Plan plan = prune.plan();
            System.out.println(plan.render());
            prune.apply(plan);   // destroys @old; by hand, zfs.snapshot(...).absent() is now a PolicyDeniedException
            // end::prune[]
            assertThat(plan.render()).contains("destroy snapshot tank/vm-101@old (not selected)")
                    .contains("note: keep tank/vm-101:tank/vm-101@new (keep-last ")
                    .contains("note: keep tank/vm-101:tank/vm-101@pre-tuning (pinned: safety snapshot of 'sequence of 3 changes: safety snapshot pre-tuning");
            assertThat(zfs.snapshotsOf("tank/vm-101").list()).extracting(ZfsDataset::name)
                    .containsExactly("tank/vm-101@pre-tuning", "tank/vm-101@new");
            assertThatThrownBy(() -> zfs.snapshot("tank/vm-101@new").absent().plan()).isInstanceOf(PolicyDeniedException.class)
                    .hasMessageContaining("snapshots are deleted only by auto-cleanup");
        }
    }

    @Test
    void anIncrementalSendIsPlannedWithTheBytesItExpectsAndItsDestinationChecked() {
        ScriptedHost pve1 = OpenZfs.host("pve-01", Map.of("tank/vm-101", 0L), "tank/vm-101@yesterday", "tank/vm-101@today");
        ScriptedHost pve2 = OpenZfs.host("pve-02", Map.of("backup/vm-101", 0L), "backup/vm-101@yesterday");
        // tag::send-plan[]
        Change<SendResult> send = Replication.on(pve1, ops).zfs("tank/vm-101@today").incrementalFrom("tank/vm-101@yesterday")
                .to(pve2, "backup/vm-101").over("root@pve-02").send();
        System.out.println(send.plan().render());
        // end::send-plan[]
        assertThat(send.plan().render()).isEqualTo("""
                Plan: zfs send tank/vm-101@today (from tank/vm-101@yesterday) from pve-01 to backup/vm-101 on pve-02
                  1. send tank/vm-101@today incrementally from tank/vm-101@yesterday to pve-02:backup/vm-101 (1048576 bytes) [pve-01]
                       sudo -n bash -c 'set -o pipefail; zfs send -i tank/vm-101@yesterday tank/vm-101@today \
                | ssh -o BatchMode=yes root@pve-02 -- '"'"'zfs receive -s backup/vm-101'"'"''
                  note: expects to move 1048576 bytes
                """);
        ScriptedHost written = OpenZfs.host("pve-02", Map.of("backup/vm-101", 4096L), "backup/vm-101@yesterday");
        assertThatThrownBy(() -> Replication.on(pve1, ops).zfs("tank/vm-101@today").incrementalFrom("tank/vm-101@yesterday")
                .to(written, "backup/vm-101").over("root@pve-02").send().plan()).isInstanceOf(ConflictException.class)
                .hasMessage("pve-02:backup/vm-101: was modified since its most recent snapshot @yesterday (4096 bytes written; "
                        + "with atime=on reading counts); roll it back to @yesterday before the incremental receive");
    }

    @Test
    void anIncrementalSendReportsProgressAndRollsBack() {
        try (ZfsFuse zfsFuse = ZfsFuse.start("tank", "backup")) {
            Host host = zfsFuse.host();
            Zfs zfs = Zfs.on(host, ops);
            zfs.dataset("tank/vm-101").present().apply();
            String files = zfsFuse.mountPoint("tank") + "/vm-101";
            host.check(Command.of("sh", "-c", "head -c 262144 /dev/urandom > \"$1\"/a", "sh", files));
            zfs.snapshot("tank/vm-101@yesterday").present().apply();
            Replication.on(host, ops).zfs("tank/vm-101@yesterday").to(host, "backup/vm-101").send().apply();
            host.check(Command.of("sh", "-c", "head -c 65536 /dev/urandom > \"$1\"/b", "sh", files));
            zfs.snapshot("tank/vm-101@today").present().apply();
            // tag::send[]
            List<SendProgress> progress = new CopyOnWriteArrayList<>();
            Applied<SendResult> sent = Replication.on(host, ops).zfs("tank/vm-101@today").incrementalFrom("tank/vm-101@yesterday")
                    .to(host, "backup/vm-101").progress(progress::add).send().apply();
            SendProgress last = progress.get(progress.size() - 1);  // done(), with every byte of the stream
            sent.rollback();                                        // destroys backup/vm-101@today again
            // end::send[]
            long stream = dev.ops.core.text.AsciiNumbers.parseLong(host.check(Command.of("sh", "-c",
                    "zfs send -i tank/vm-101@yesterday tank/vm-101@today | wc -c")).stdoutText().strip());
            assertThat(last.done()).isTrue();
            assertThat(last.bytes()).isEqualTo(stream);
            assertThat(sent.value().incremental()).isTrue();
            assertThat(zfs.snapshotsOf("backup/vm-101").list()).extracting(ZfsDataset::name).containsExactly("backup/vm-101@yesterday");
        }
    }

    @Test
    void anLvmRootSnapshotMergesAtTheNextActivation() throws IOException {
        ScriptedHost pve = Lvm2.pve();
        String ceph = "deb http://download.proxmox.com/debian/ceph-squid trixie no-subscription\n";
        // tag::safety-lvm[]
        Plan plan = SafetySnapshot.on(pve, ops).of(Volume.lvm("pve/root", 8L << 30)).named("pre-upgrade")
                .check(Command.of("systemctl", "is-system-running"))
                .around(ManagedFile.on(pve, ops).path("/etc/apt/sources.list.d/ceph.list").content(ceph).asRoot().present())
                .plan();
        System.out.println(plan.render());
        Applied<MergeOutcome> merge = Lvm.on(pve, ops).snapshot("pve/root-pre-upgrade").rollback().apply();
        merge.value().deferred();   // true: pve/root is mounted, the merge starts at its next activation
        // end::safety-lvm[]
        assertThat(plan.render()).contains("lvcreate -y -s -L 8589934592b -n pre-upgrade pve/root").contains("check: systemctl is-system-running")
                .contains("on failure or rollback, pve/pre-upgrade is merged back into pve/root at its next activation (it is in use now, "
                        + "e.g. a mounted root: reboot to finish)");
        assertThat(plan.steps()).extracting(s -> s.action().render()).anySatisfy(a -> assertThat(a).contains("/etc/apt/sources.list.d/ceph.list"));
        assertThat(merge.plan().notes()).contains("deferred: pve/root is in use, so the merge starts when it is next activated (after a reboot, for a root volume)");
        assertThat(merge.value().deferred()).isTrue();
        assertThat(pve.commandLines()).anySatisfy(l -> assertThat(l).endsWith("lvconvert -y --merge pve/root-pre-upgrade"));
    }

    @Test
    void performanceSettingsAreChangesWithRollback() {
        try (ZfsFuse zfsFuse = ZfsFuse.start("tank")) {
            Host host = zfsFuse.host();
            Zfs.on(host, ops).dataset("tank/db").present().apply();
            // tag::tuning[]
            Zfs zfs = Zfs.on(host, ops);
            List<Applied<ZfsProperty>> tuned = List.of(zfs.dataset("tank/db").set("recordsize", "16K").apply(),
                    zfs.dataset("tank/db").set("compression", "on").apply(),
                    zfs.dataset("tank/db").set("atime", "off").apply(),
                    zfs.dataset("tank/db").set("primarycache", "metadata").apply());
            tuned.reversed().forEach(Applied::rollback);   // each back to what was there (here: inherited defaults)
            Plan zvol = zfs.volume("tank/vm-102-disk-0", 32L << 30).property("volblocksize", "16K").present().plan();
            // end::tuning[]
            assertThat(zvol.render()).contains("zfs create -V 34359738368 -o volblocksize=16K tank/vm-102-disk-0");
            assertThat(host.output("zfs", "get", "-H", "-p", "-o", "value,source", "recordsize,compression,atime,primarycache", "tank/db"))
                    .isEqualTo("131072\tdefault\noff\tdefault\non\tdefault\nall\tdefault\n");
        }
    }

    @Test
    void blockDeviceSchedulerAndReadAhead() {
        ScriptedHost pve = Sysfs.host("pve-01", "sdb", "none [mq-deadline] kyber bfq", 128);
        // tag::block[]
        BlockDevices.Device sdb = BlockDevices.on(pve, ops).device("sdb");
        Applied<BlockQueue> scheduler = sdb.scheduler("bfq").apply();   // live only: a udev rule persists it
        Applied<BlockQueue> readAhead = sdb.readAheadKb(4096).apply();
        readAhead.rollback();                                           // 128 KiB again
        scheduler.rollback();                                           // mq-deadline again
        // end::block[]
        assertThat(scheduler.value().scheduler()).isEqualTo("bfq");
        assertThat(readAhead.value().readAheadKb()).isEqualTo(4096);
        assertThat(scheduler.plan().notes()).contains("live only: a udev rule persists it across reboots");
        assertThat(sdb.get()).isEqualTo(new BlockQueue("sdb", "mq-deadline", List.of("none", "mq-deadline", "kyber", "bfq"), 128));
    }

    @Test
    void anNfsExportAndTheSpaceBeforeTheParenthesis() {
        RealComponents.root();
        RealComponents.assume(SandboxHost.isSupported(), "unshare and nsenter (private namespaces)");
        RealComponents.program("exportfs");
        try (SandboxHost host = SandboxHost.start()) {
            host.check(Command.of("mkdir", "-p", "/srv/backup"));
            host.writeFile("/etc/exports", new byte[0], "0644", true);
            // tag::nfs[]
            NfsExports nfs = NfsExports.on(host, ops);
            Applied<Optional<NfsExport>> exported = nfs.export("/srv/backup")
                    .to(NfsClient.of("192.168.2.0/24", "rw", "sync", "no_subtree_check")).present().apply();
            nfs.get("/srv/backup");  // the export as /etc/exports holds it; nfs.active() asks exportfs -v
            exported.rollback();     // /etc/exports back byte for byte, then exportfs -ra again
            // end::nfs[]
            assertThat(exported.value()).hasValueSatisfying(e -> assertThat(e.render()).isEqualTo("/srv/backup 192.168.2.0/24(rw,sync,no_subtree_check)"));
            assertThat(exported.plan().steps().get(0).undo().orElseThrow().render()).contains("exportfs -ra");
            assertThat(nfs.get("/srv/backup")).isEmpty();
            assertThatThrownBy(() -> NfsExports.parse("/etc/exports", "/srv/iso 192.168.2.0/24 (ro)\n"))
                    .isInstanceOfSatisfying(ExportsSyntaxException.class, e -> assertThat(e.getMessage()).isEqualTo("invalid exports file /etc/exports: "
                            + "clients: line 1: a space before '(ro)' exports /srv/iso to the world with those options; write the client and its "
                            + "options without a space, e.g. host(ro)"));
            assertThat(host.readText("/etc/exports")).hasValue("");
        }
    }

    @Test
    void anSmbShareCheckedByTestparm() {
        RealComponents.root();
        RealComponents.assume(SandboxHost.isSupported(), "unshare and nsenter (private namespaces)");
        RealComponents.program("testparm");
        RealComponents.program("smbcontrol");
        try (SandboxHost host = SandboxHost.start()) {
            host.check(Command.of("mkdir", "-p", "/srv/backup", "/tmp/smb"));
            host.writeFile("/tmp/smb/smb.conf", "[global]\n   workgroup = LAB\n   pid directory = /tmp/smb\n".getBytes(StandardCharsets.UTF_8), "0644", false);
            SmbShares smb = SmbShares.on(host, ops).configFile("/tmp/smb/smb.conf");
            // tag::smb[]
            var share = smb.share("backup").present(s -> s.path("/srv/backup").readOnly(false).addValidUsers("alice")).apply();
            share.rollback();
            // end::smb[]
            assertThatThrownBy(() -> smb.share("iso").present(s -> s.path("/srv/iso").putParameters("read only", "maybe")).plan())
                    .isInstanceOfSatisfying(SmbConfigException.class, e -> assertThat(e.getMessage()).contains("value is not boolean"));
            assertThat(smb.get("backup")).isEmpty();
            assertThat(smb.get("iso")).isEmpty();
        }
    }

    /** Hosts with OpenZFS 2.2's CLI holding the given file systems (with their {@code written} bytes) and snapshots, oldest first. */
    private static final class OpenZfs {
        static ScriptedHost host(String name, Map<String, Long> written, String... snapshots) {
            ScriptedHost host = ScriptedHost.named(name);
            host.when(c -> c.argv().get(0).equals("sh") && c.argv().get(2).startsWith("v=$(zfs version"), "capabilities")
                    .reply("zfs-2.2.7-pve1\nparsable\nholds\n");
            host.on("zfs", "send", "-n", "-P").reply("incremental\ttank/vm-101@yesterday\ttank/vm-101@today\t1048576\nsize\t1048576\n");
            host.on("zfs", "list").answer(c -> {
                String asked = c.argv().getLast();
                StringBuilder out = new StringBuilder();
                if (written.containsKey(asked) || List.of(snapshots).contains(asked)) {
                    out.append(line(asked));
                }
                if (c.argv().contains("-r")) {
                    List.of(snapshots).stream().filter(s -> s.startsWith(asked + "@")).forEach(s -> out.append(line(s)));
                }
                return out.isEmpty() ? result(name, c, 1, "", "cannot open '" + asked + "': dataset does not exist\n") : result(name, c, 0, out.toString(), "");
            });
            host.on("zfs", "get").answer(c -> {
                String property = c.argv().get(c.argv().size() - 2);
                String dataset = c.argv().getLast();
                String value = property.equals("written") ? Long.toString(written.getOrDefault(dataset, 0L)) : "-";
                return result(name, c, 0, dataset + "\t" + property + "\t" + value + "\t-\n", "");
            });
            return host;
        }

        private static String line(String n) {
            boolean snapshot = n.contains("@");
            long created = 1_773_000_000L + (n.endsWith("today") ? 86_400 : 0);
            return String.join("\t", n, snapshot ? "snapshot" : "filesystem", "0", snapshot ? "-" : "1048576", "1048576",
                    Long.toString(created), snapshot ? "-" : "/" + n) + "\n";
        }
    }

    /** A Proxmox VE host's LVM as lvs reports it (src/test/resources/lvm/lvs-pve.json: pve/root mounted), run as root. */
    private static final class Lvm2 {
        static ScriptedHost pve() throws IOException {
            String lvs;
            try (InputStream in = DocsExamplesTest.class.getResourceAsStream("/lvm/lvs-pve.json")) {
                lvs = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return ScriptedHost.named("pve-01")
                    .when(c -> c.render().contains("uid=$(id -u)"), "privilege probe").reply("uid=0\n")
                    .on("env", "LVM_SUPPRESS_FD_WARNINGS=1", "lvs").reply(lvs)
                    .on("env", "LVM_SUPPRESS_FD_WARNINGS=1", "lvconvert").reply("")
                    .when(c -> c.argv().stream().anyMatch(a -> a.startsWith("if [ -L")), "no such file")
                    .exit(3, "");
        }
    }

    /** A host whose one block device's queue settings live in memory, read and written as sysfs's files are. */
    private static final class Sysfs {
        static ScriptedHost host(String name, String device, String schedulers, long readAheadKb) {
            String[] state = {schedulers, Long.toString(readAheadKb)};
            return ScriptedHost.named(name)
                    .when(c -> c.render().contains("uid=$(id -u)"), "privilege probe").reply("uid=0\n")
                    .when(c -> c.argv().get(0).equals("sh") && c.argv().get(2).startsWith("d=/sys") && c.argv().get(4).equals(device), "read")
                    .answer(c -> result(name, c, 0, state[0] + "\n" + state[1] + "\n", ""))
                    .when(c -> c.argv().get(0).equals("sh") && c.argv().get(2).startsWith("printf") && c.argv().get(4).equals(device), "write")
                    .answer(c -> {
                        String value = c.argv().get(5);
                        if (c.argv().get(6).equals("scheduler")) {
                            state[0] = state[0].replaceAll("[\\[\\]]", "").replaceAll("\\b" + value + "\\b", "[" + value + "]");
                        } else {
                            state[1] = value;
                        }
                        return result(name, c, 0, "", "");
                    });
        }
    }

    private static CommandResult result(String host, Command c, int exit, String out, String err) {
        return CommandResult.of(host, c, exit, out.getBytes(StandardCharsets.UTF_8), err.getBytes(StandardCharsets.UTF_8), Duration.ZERO, false);
    }
}
