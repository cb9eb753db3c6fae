package dev.ops.examples;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.host.Host;
import dev.ops.core.secret.Secret;
import dev.ops.net.MacAddress;
import dev.ops.net.ipam.Allocation;
import dev.ops.net.ipam.IpAllocator;
import dev.ops.net.ipam.IpamConfig;
import dev.ops.net.ipam.Pool;
import dev.ops.net.mac.MacAllocator;
import dev.ops.net.naming.NameAllocator;
import dev.ops.net.naming.NamingConvention;
import dev.ops.pve.PveClient;
import dev.ops.pve.cluster.ClusterResource;
import dev.ops.pve.cluster.ResourceType;
import dev.ops.pve.guest.Guest;
import dev.ops.sys.facts.Facts;
import dev.ops.sys.facts.HostFacts;
import dev.ops.testkit.pve.PveFakeServer;
import dev.ops.usr.account.User;
import dev.ops.usr.account.Users;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The examples of docs/guide.md; {@code GuideTest} keeps the two identical and runs them. */
public final class LabExamples {
    private LabExamples() {}

    /** Hands a new VM an address, a MAC and a name that no other process can get too. */
    public static String allocate(PrintStream out) {
        // tag::allocate[]
        Ops ops = Ops.inMemory();                         // Ops.builder().store(JdbcStateStore...) to share
        IpamConfig ipam = IpamConfig.fromYaml("""
                nodes:
                  node-02:
                    subnet: 192.168.2.0/24
                    gateway: 192.168.2.1
                    vms: 192.168.2.100-192.168.2.199
                    containers: 192.168.2.200-192.168.2.254
                """);
        Allocation ip = IpAllocator.on(ipam, ops).allocate("node-02", Pool.VM, "vm/210").apply().value();
        MacAddress mac = MacAllocator.on(ops).derived("node-02", "vm/210").apply().value();
        Applied<String> name = NameAllocator.on(NamingConvention.of("pve-{node}-{type}-{seq:02d}"), ops).next("node-02", "vm").apply();
        out.println(name.value() + " gets " + ip.address() + " via " + ip.gateway().orElseThrow() + ", MAC " + mac);
        // end::allocate[]
        return name.value() + " " + ip.address() + " " + mac;
    }

    /** Clones a template on a Proxmox VE cluster, as a change with a plan and a rollback (against the fake server). */
    public static Guest cloneOnProxmox(PrintStream out) {
        try (PveFakeServer pve = PveFakeServer.builder().node("pve-01").token("root@pam", "ops", "s3cret-token-value")
                .vm(9000, "pve-01", vm -> vm.set("name", "debian-tmpl").set("scsi0", "local-lvm:8")).start()) {
            // tag::pve[]
            PveClient client = PveClient.builder()
                    .baseUrl(pve.baseUri().toString())              // e.g. https://pve-01:8006
                    .apiToken("root@pam", "ops", Secret.of("s3cret-token-value"))
                    .pinnedCertificate(pve.fingerprint())           // Proxmox ships self-signed certificates
                    .build();
            Ops ops = Ops.inMemory();
            Guest template = client.node("pve-01").qemu().vm(9000);

            Change<Guest> clone = client.guests(ops).clone(template, r -> r.name("web-01").full(true));
            out.println(clone.plan().render());                // take the next free VMID (at apply), then the clone
            Applied<Guest> done = clone.apply();               // takes a VMID nobody else gets, clones, waits for the task
            out.println("cloned to " + done.value() + ": " + done.value().config().get("name").orElse("?"));
            done.rollback();                                   // destroys the clone again
            // end::pve[]
            client.close();
            return done.value();
        }
    }

    /** What a caller keeps of each node: its own type, bound straight from the answer. */
    public record NodeLoad(String node, String status, double maxcpu) {}

    /** Reads a cluster through typed models and through the caller's own type (against the fake server). */
    public static List<String> readTheCluster(PrintStream out) {
        try (PveFakeServer pve = PveFakeServer.builder().node("pve-01").node("pve-02").token("root@pam", "ops", "s3cret-token-value")
                .vm(100, "pve-01", vm -> vm.name("web").running()).container(200, "pve-02", ct -> ct.name("dns")).start();
                PveClient client = PveClient.builder().baseUrl(pve.baseUri().toString())
                        .apiToken("root@pam", "ops", Secret.of("s3cret-token-value")).pinnedCertificate(pve.fingerprint()).build()) {
            List<String> lines = new ArrayList<>();
            // tag::read[]
            for (ClusterResource r : client.cluster().resources(ResourceType.VM)) {
                lines.add(r.id() + " " + r.status().orElse("?") + " up " + r.usage().uptime().orElse(0) + "s"
                        + " on " + r.node().orElse("?"));       // fields ops does not type: r.field("...")
            }
            for (NodeLoad n : client.api().list("/nodes", Map.of(), NodeLoad.class)) {
                lines.add(n.node() + " " + n.status() + " " + (int) n.maxcpu() + " CPUs");
            }
            // end::read[]
            lines.forEach(out::println);
            return lines;
        }
    }

    /** Creates a user on a host and takes it back again. */
    public static User userRoundTrip(Host host, Ops ops, PrintStream out) {
        // tag::users[]
        HostFacts facts = Facts.of(host).gather();         // one round trip: OS, kernel, CPUs, memory, mounts...
        out.println(facts.host() + ": " + facts.os().prettyName() + ", " + facts.cpus().logical() + " CPUs");

        Change<User> alice = Users.on(host, ops).user("alice").uid(1050).shell("/bin/bash").present();
        out.println(alice.plan().render());                // useradd -u 1050 -s /bin/bash ... alice
        Applied<User> done = alice.apply();
        done.rollback();                                   // userdel, exactly what apply did
        // end::users[]
        return done.value();
    }
}
