package dev.ops.lab.runway;

import dev.ops.core.error.OpsException;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.secret.source.SecretSource;
import dev.ops.lab.Lab;
import dev.ops.lab.site.Site;
import dev.ops.lab.site.SiteHost;
import dev.ops.lab.site.SiteNode;
import dev.ops.pve.preflight.Preflight;
import dev.ops.pve.preflight.PreflightReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The L0 runway: required settings and secrets present, credentials usable, the endpoint reachable
 * (with the pinned certificate), every node of the site online in the cluster, the VM storage usable
 * on every node, the token's privileges sufficient for replication and the guest layers (through
 * ops-pve's preflight), and, given a way to reach them ({@link #hosts}), the tools the host layers call
 * present on every host. Lists every failure; changes nothing.
 *
 * <pre>{@code
 * RunwayReport r = Runway.of(site, SecretSources.processEnvironment()).run();
 * System.out.println(r.render());
 * }</pre>
 */
public final class Runway {
    /** The privileges the layers and replication need, by ACL path, in the order the report lists them. */
    static final List<Map.Entry<String, List<String>>> PRIVILEGES = List.of(
            Map.entry("/vms", List.of("VM.Allocate", "VM.Clone", "VM.Config.Network", "VM.Config.Cloudinit", "VM.Audit", "VM.PowerMgmt")),
            Map.entry("/", List.of("Sys.Audit")));

    /** The tools layers L3 and L4 call on the site's hosts. */
    static final List<String> HOST_TOOLS = List.of("apt-get", "dpkg-query", "sysctl", "useradd", "visudo", "systemctl");

    private final Site site;
    private final SecretSource secrets;
    private final Lab lab;
    private final Function<SiteHost, Host> hosts;

    private Runway(Site site, SecretSource secrets, Lab lab, Function<SiteHost, Host> hosts) {
        this.site = site;
        this.secrets = secrets;
        this.lab = lab;
        this.hosts = hosts;
    }

    /** The runway of {@code site}, its secrets read from the site's sources over {@code environment}. */
    public static Runway of(Site site, Map<String, String> environment) {
        return new Runway(site, Lab.secrets(site, environment), null, null);
    }

    /** The runway of a lab whose client is already made (the secrets checks are then skipped). */
    public static Runway of(Lab lab) {
        return new Runway(lab.site(), null, lab, null);
    }

    /**
     * This runway, also checking that every host of the site is reachable through {@code connect} and
     * has the tools layers L3 and L4 call ({@link #HOST_TOOLS}); without it the hosts are not checked.
     */
    public Runway hosts(Function<SiteHost, Host> connect) {
        return new Runway(site, secrets, lab, Objects.requireNonNull(connect, "connect"));
    }

    /** Runs every check. */
    public RunwayReport run() {
        List<RunwayCheck> checks = new ArrayList<>();
        if (hosts != null) {
            site.hosts().forEach(h -> checks.add(toolsOn(h)));
        }
        checks.add(new RunwayCheck("setting proxmox.endpoint", true, site.endpoint().url()));
        checks.add(new RunwayCheck("setting cluster.primary", true, site.primaryNode()));
        checks.add(new RunwayCheck("setting storages.vm", site.storages().containsKey("vm"),
                site.storages().containsKey("vm") ? site.storage("vm") : "no storage is given the role 'vm' (storages: vm: <id>)"));
        Lab connected = lab;
        if (connected == null) {
            boolean allSecrets = true;
            for (String name : List.of(site.endpoint().tokenId().name(), site.endpoint().tokenSecret().name())) {
                RunwayCheck c = secretCheck(name);
                checks.add(c);
                allSecrets &= c.ok();
            }
            if (!allSecrets) {
                checks.add(new RunwayCheck("cluster", false, "not checked: the credentials are missing"));
                return new RunwayReport(checks);
            }
            try {
                connected = Lab.connect(site, secrets);
            } catch (OpsException e) {
                checks.add(new RunwayCheck("client", false, e.getMessage()));
                return new RunwayReport(checks);
            }
        }
        Preflight preflight = connected.client().preflight();
        for (SiteNode n : site.nodes()) {
            preflight = preflight.node(n.name()).storage(n.name(), site.storage(site.replication().storage()), "images");
        }
        for (Map.Entry<String, List<String>> e : PRIVILEGES) {
            for (String p : e.getValue()) {
                preflight = preflight.privilege(e.getKey(), p);
            }
        }
        PreflightReport report = preflight.run();
        report.passed().forEach(p -> checks.add(new RunwayCheck(p, true, "")));
        report.problems().forEach(p -> checks.add(new RunwayCheck(p.subject(), false, p.message())));
        return new RunwayReport(checks);
    }

    private RunwayCheck toolsOn(SiteHost h) {
        String subject = "host " + h.name() + " tools";
        try {
            Host host = hosts.apply(h);
            String script = "for t in " + String.join(" ", HOST_TOOLS) + "; do command -v \"$t\" >/dev/null 2>&1 || echo \"$t\"; done";
            CommandResult r = host.run(Command.of("sh", "-c", script));
            if (r.exitCode() != 0) {
                return new RunwayCheck(subject, false, "the check exited " + r.exitCode() + ": " + r.stderrText().strip());
            }
            List<String> missing = r.stdoutText().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            return new RunwayCheck(subject, missing.isEmpty(), missing.isEmpty() ? String.join(", ", HOST_TOOLS)
                    : "missing: " + String.join(", ", missing));
        } catch (OpsException e) {
            return new RunwayCheck(subject, false, e.getMessage());
        }
    }

    private RunwayCheck secretCheck(String name) {
        try {
            Optional<?> found = secrets.find(name);
            return new RunwayCheck("secret " + name, found.isPresent(), found.isPresent() ? "present" : "not in any source (" + secrets.describe() + ")");
        } catch (OpsException e) {
            return new RunwayCheck("secret " + name, false, e.getMessage());
        }
    }
}
