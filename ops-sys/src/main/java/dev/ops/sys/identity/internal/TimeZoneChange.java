package dev.ops.sys.identity.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Action;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.file.FileSnapshot;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.text.RawText;
import dev.ops.sys.facts.internal.FactsScript;
import dev.ops.sys.identity.UnknownTimeZoneException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Relinks /etc/localtime and rewrites /etc/timezone; built by {@link dev.ops.sys.identity.TimeZone}. */
public final class TimeZoneChange extends HostChange<String, Void> {
    private static final String ZONEINFO = "/usr/share/zoneinfo/";
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*");
    /** Replaces /etc/localtime with a symlink atomically (symlink beside it, then rename over it). */
    private static final String RELINK = "set -e; ln -sfn \"$1\" /etc/.ops-localtime; mv -Tf /etc/.ops-localtime /etc/localtime";
    private static final String PROBE = "[ -f \"$1\" ] || exit 3; [ \"$(head -c 4 \"$1\")\" = TZif ] || exit 4";

    private final String zone;

    private TimeZoneChange(Host host, Ops ops, String zone) {
        super(host, ops);
        this.zone = zone;
    }

    /** The change that sets the time zone of {@code host} to {@code zone}; yields the zone the host then says. */
    public static Change<String> of(Host host, Ops ops, String zone) {
        return new TimeZoneChange(host, ops, zone);
    }

    /** The zone name the host says now (the zone /etc/localtime links to, else /etc/timezone); empty when it does not say. */
    public static Optional<String> current(Host host) {
        CommandResult link = host.run("readlink", "/etc/localtime");
        String zone = link.ok() ? FactsScript.zoneFromLink(link.stdoutText().strip()) : "";
        String said = zone.isEmpty() ? host.readText("/etc/timezone").orElse("").strip() : zone;
        return said.isEmpty() ? Optional.empty() : Optional.of(said);
    }

    /** Whether {@code zone} is shaped like a tz database name (no {@code ..}, no leading slash). */
    public static boolean wellFormed(String zone) {
        return zone != null && ZONE.matcher(zone).matches() && zone.length() <= 255;
    }

    @Override
    public String description() {
        return "time zone " + zone + " on " + host.name();
    }

    @Override
    protected Planned<Void> planSteps() {
        if (!wellFormed(zone)) {
            throw new UnknownTimeZoneException(host.name(), String.valueOf(zone), "not a tz database name (like Europe/Berlin)");
        }
        String target = ZONEINFO + zone;
        CommandResult probe = host.run("sh", "-c", PROBE, "sh", target);
        if (probe.exitCode() == 3 || probe.exitCode() == 4) {
            throw new UnknownTimeZoneException(host.name(), zone, probe.exitCode() == 3 ? "no " + target : target + " is not a TZif file");
        }
        probe.orThrow();
        List<Step> steps = new ArrayList<>();
        CommandResult link = host.run("readlink", "/etc/localtime");
        String oldTarget = link.ok() ? link.stdoutText().strip() : null;
        if (!target.equals(oldTarget)) {
            Action undo;
            if (oldTarget != null) {
                undo = relink(oldTarget);
            } else {
                // a regular file (a copied zone): rollback puts its bytes back with its mode and owner
                undo = FileWriteAction.restore(host.name(), FileSnapshot.read(host, "/etc/localtime", true), true).replacingLink();
            }
            steps.add(Step.of("link /etc/localtime to " + target + (oldTarget != null ? " (was " + oldTarget + ")" : ""), relink(target), undo));
        }
        FileSnapshot timezone = FileSnapshot.read(host, "/etc/timezone", true);
        Optional<String> oldZone = timezone.content().map(RawText::decode);
        if (oldZone.isPresent() && !oldZone.get().strip().equals(zone)) {
            byte[] content = RawText.encode(zone + (RawText.usesCrlf(oldZone.get()) ? "\r\n" : "\n"));
            steps.add(Step.of("write /etc/timezone", FileWriteAction.write(host.name(), timezone, content, true,
                    "- " + RawText.printable(oldZone.get().strip()) + "\n+ " + zone),
                    FileWriteAction.restore(host.name(), timezone, true)));
        }
        return Planned.of(steps);
    }

    private CommandAction relink(String target) {
        return CommandAction.of(host.name(), Command.of("sh", "-c", RELINK, "sh", target).asRoot());
    }

    @Override
    protected String result(Void context) {
        return current(host).orElse("");
    }
}
