package dev.ops.sys.pkg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.sys.pkg.PackageOperation;
import dev.ops.sys.pkg.PackageOperation.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PackagePlanPropertiesTest {

    /** What dpkg would hold after the operations: name -> version. */
    private static Map<String, String> applyTo(Map<String, String> model, List<PackageOperation> ops) {
        Map<String, String> out = new TreeMap<>(model);
        for (PackageOperation o : ops) {
            switch (o.kind()) {
                case INSTALL, REPLACE -> out.put(o.name(), o.version());
                case REMOVE -> out.remove(o.name());
            }
        }
        return out;
    }

    /** Builds a transaction consistent with {@code model} from generated choices. */
    private static List<PackageOperation> transaction(Map<String, String> model, List<Integer> choices) {
        List<PackageOperation> ops = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            String name = "p" + i;
            int c = choices.get(i);
            if (!model.containsKey(name)) {
                if (c % 2 == 0) {
                    ops.add(new PackageOperation(Kind.INSTALL, name, "1." + c, "", c % 3 == 0));
                }
            } else if (c % 3 == 0) {
                ops.add(new PackageOperation(Kind.REMOVE, name, model.get(name), "", true));
            } else if (c % 3 == 1) {
                ops.add(new PackageOperation(Kind.REPLACE, name, "2." + c, model.get(name), false));
            }
        }
        return ops;
    }

    @Property
    void theUndoOfATransactionReturnsDpkgToWhereItWas(@ForAll @Size(max = 12) List<@IntRange(min = 0, max = 99) Integer> installed,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 99) Integer> choices) {
        Map<String, String> model = new TreeMap<>();
        for (int i = 0; i < installed.size(); i++) {
            if (installed.get(i) % 2 == 0) {
                model.put("p" + i, "0." + installed.get(i));
            }
        }
        List<PackageOperation> tx = transaction(model, choices);

        List<PackageOperation> undo = tx.stream().map(PackageChange::inverse).toList();

        assertThat(applyTo(applyTo(model, tx), undo)).isEqualTo(model);
    }

    @Property
    void theAptCommandNamesEveryOperationWithItsExactVersion(@ForAll @Size(max = 12) List<@IntRange(min = 0, max = 99) Integer> choices) {
        Map<String, String> model = new TreeMap<>(Map.of("p0", "0.1", "p3", "0.2", "p5", "0.3"));
        List<PackageOperation> tx = transaction(model, choices);
        if (tx.isEmpty()) {
            return;
        }

        List<String> argv = PackageChange.commandFor(tx);
        List<String> targets = argv.subList(argv.indexOf("--") + 1, argv.size());

        boolean onlyRemovals = tx.stream().allMatch(o -> o.kind() == Kind.REMOVE);
        assertThat(argv).contains(onlyRemovals ? "remove" : "install");
        assertThat(targets).containsExactlyElementsOf(tx.stream()
                .map(o -> o.kind() == Kind.REMOVE ? (onlyRemovals ? o.name() : o.name() + "-") : o.name() + "=" + o.version()).toList());
    }
}
