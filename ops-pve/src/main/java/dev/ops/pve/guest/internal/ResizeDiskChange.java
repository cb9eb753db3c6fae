package dev.ops.pve.guest.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grows a guest's disk ({@code PUT .../resize}) to an absolute size ({@code 40G}) or by an amount
 * ({@code +8G}). Proxmox never shrinks a disk, so a smaller size is refused at plan, and the step
 * cannot be undone. PVE 7 and newer answer with a task, older ones resize synchronously: both are
 * awaited.
 */
final class ResizeDiskChange extends GuestChange<GuestConfig, Void> {
    private static final Pattern SIZE = Pattern.compile("(\\+)?(\\d+(?:\\.\\d+)?)([KMGT]?)");
    private static final Pattern CONFIGURED = Pattern.compile("(?:^|,)size=(\\d+(?:\\.\\d+)?)([KMGT]?)(?:,|$)");

    private final String disk;
    private final String size;

    ResizeDiskChange(Ops ops, PveClient client, Guest guest, String disk, String size) {
        super(ops, client, guest);
        this.disk = disk;
        this.size = size;
    }

    @Override
    protected String what() {
        return "resize " + disk + " of " + guest + " to " + size;
    }

    @Override
    protected void validate(Violations v) {
        v.check(disk != null && disk.matches("(ide|sata|scsi|virtio|efidisk|tpmstate)\\d+|rootfs|mp\\d+"), "disk",
                "'" + disk + "' is not a disk or volume key");
        v.check(size != null && SIZE.matcher(size).matches(), "size",
                "'" + size + "' is not a size: an absolute size (40G) or a growth (+8G), in K, M, G or T (bytes without a unit)");
    }

    @Override
    protected Planned<Void> planSteps() {
        String value = config().values().get(disk);
        if (value == null) {
            throw new NotFoundException(guest + " " + disk, "has no such disk");
        }
        Matcher now = CONFIGURED.matcher(value);
        if (!now.find()) {
            throw new NotFoundException(guest + " " + disk, "shows no size= in its configuration ('" + value + "'), so it cannot be resized");
        }
        long current = bytes(now.group(1), now.group(2));
        Matcher m = SIZE.matcher(size);
        m.matches();
        long given = bytes(m.group(2), m.group(3));
        long target = m.group(1) != null ? current + given : given;
        if (target == current) {
            return Planned.<Void>none(null).withNote(disk + " is " + human(current) + " already");
        }
        if (target < current) {
            Violations v = Violations.of(what());
            v.add("size", "would shrink " + disk + " from " + human(current) + " to " + human(target) + "; Proxmox does not shrink disks");
            v.throwIfAny();
        }
        return Planned.of(List.of(Step.irreversible("grow " + disk + " of " + guest + " from " + human(current) + " to " + human(target),
                task("PUT", template("/resize"), params(Map.of("disk", disk, "size", size))))))
                .withNote(disk + ": " + human(current) + " -> " + human(target) + " (cannot be undone: Proxmox does not shrink disks)");
    }

    private static long bytes(String number, String unit) {
        int shift = switch (unit) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        if (number.contains(".")) {
            return new BigDecimal(number).multiply(BigDecimal.valueOf(1L << shift)).longValue();
        }
        return AsciiNumbers.parseLong(number) << shift;
    }

    private static String human(long bytes) {
        String units = "KMGT";
        for (int i = units.length() - 1; i >= 0; i--) {
            long unit = 1L << (10 * (i + 1));
            if (bytes % unit == 0) {
                return (bytes / unit) + units.substring(i, i + 1);
            }
        }
        return bytes + "B";
    }

    @Override
    protected GuestConfig result(Void none) {
        return config();
    }
}
