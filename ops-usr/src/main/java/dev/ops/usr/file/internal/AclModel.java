package dev.ops.usr.file.internal;

import dev.ops.usr.file.AclEntry;
import dev.ops.usr.file.AclEntry.Tag;
import dev.ops.usr.file.FileAccess;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the state a path ends in, the way chown, chmod and setfacl would leave it, in this order:
 * owner and group; mode (user::, other::, and the mask where there is one, else group::, plus the
 * special bits); clearing the extended ACL ({@code setfacl -b}); removals ({@code setfacl -x});
 * additions ({@code setfacl -m}, which recalculates the mask unless one is given). Default entries
 * apply to directories only.
 */
public final class AclModel {
    private AclModel() {}

    /** The state {@code before} ends in once {@code d} is applied; {@code directory} says whether the path is a directory. */
    public static FileAccess apply(FileAccess before, Desired d, boolean directory) {
        long uid = d.uid() != null ? d.uid() : before.uid();
        long gid = d.gid() != null ? d.gid() : before.gid();
        String flags = before.flags();
        List<AclEntry> e = new ArrayList<>(before.entries());
        Integer mode = directory && d.directoryMode() != null ? d.directoryMode() : d.mode();
        if (mode != null) {
            flags = ((mode & 04000) != 0 ? "s" : "-") + ((mode & 02000) != 0 ? "s" : "-") + ((mode & 01000) != 0 ? "t" : "-");
            put(e, base(false, Tag.USER, (mode >> 6) & 7));
            put(e, base(false, Tag.OTHER, mode & 7));
            boolean hasMask = find(e, base(false, Tag.MASK, 0)) != null;
            put(e, base(false, hasMask ? Tag.MASK : Tag.GROUP, (mode >> 3) & 7));
        }
        if (d.clearAcl()) {
            // setfacl -b keeps of the owning group's entry only what the mask let through
            AclEntry mask = find(e, base(false, Tag.MASK, 0));
            if (mask != null) {
                AclEntry g = find(e, base(false, Tag.GROUP, 0));
                put(e, base(false, Tag.GROUP, g.bits() & mask.bits()));
            }
            e.removeIf(x -> x.isDefault() || x.isNamed() || x.tag() == Tag.MASK);
        }
        boolean accessTouched = false;
        boolean defaultTouched = false;
        for (AclEntry r : d.remove()) {
            if (r.isDefault() && !directory) {
                continue;
            }
            // setfacl -x recalculates the mask even when the entry was not there
            e.removeIf(x -> x.sameSlot(r));
            accessTouched |= !r.isDefault();
            defaultTouched |= r.isDefault();
        }
        boolean explicitMask = false;
        boolean explicitDefaultMask = false;
        for (AclEntry s : d.set()) {
            if (s.isDefault() && !directory) {
                continue;
            }
            put(e, s);
            if (s.tag() == Tag.MASK) {
                explicitMask |= !s.isDefault();
                explicitDefaultMask |= s.isDefault();
            }
            accessTouched |= !s.isDefault();
            defaultTouched |= s.isDefault();
        }
        if (e.stream().anyMatch(AclEntry::isDefault)) {
            // setfacl completes a default ACL from the access ACL's base entries as they are after this call
            for (Tag t : List.of(Tag.USER, Tag.GROUP, Tag.OTHER)) {
                if (find(e, base(true, t, 0)) == null) {
                    e.add(new AclEntry(true, t, "", find(e, base(false, t, 0)).permissions()));
                }
            }
        }
        if (accessTouched && !explicitMask) {
            recalculateMask(e, false);
        }
        if (defaultTouched && !explicitDefaultMask) {
            recalculateMask(e, true);
        }
        return new FileAccess(before.path(), uid, gid, flags, e);
    }

    private static void recalculateMask(List<AclEntry> e, boolean def) {
        boolean hasNamed = e.stream().anyMatch(x -> x.isDefault() == def && x.isNamed());
        boolean hasMask = e.stream().anyMatch(x -> x.isDefault() == def && x.tag() == Tag.MASK);
        boolean any = e.stream().anyMatch(x -> x.isDefault() == def);
        if (!any || !hasNamed && !hasMask) {
            return;
        }
        int bits = 0;
        for (AclEntry x : e) {
            if (x.isDefault() == def && (x.tag() == Tag.GROUP || x.tag() == Tag.USER && x.isNamed())) {
                bits |= x.bits();
            }
        }
        put(e, base(def, Tag.MASK, bits));
    }

    private static AclEntry base(boolean def, Tag tag, int bits) {
        return new AclEntry(def, tag, "", ((bits & 4) != 0 ? "r" : "-") + ((bits & 2) != 0 ? "w" : "-") + ((bits & 1) != 0 ? "x" : "-"));
    }

    private static AclEntry find(List<AclEntry> e, AclEntry slot) {
        return e.stream().filter(x -> x.sameSlot(slot)).findFirst().orElse(null);
    }

    private static void put(List<AclEntry> e, AclEntry entry) {
        for (int i = 0; i < e.size(); i++) {
            if (e.get(i).sameSlot(entry)) {
                e.set(i, entry);
                return;
            }
        }
        e.add(entry);
    }
}
