package dev.ops.net.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.net.Netns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** For generated sequences of live changes in one namespace: apply all, roll back newest first, and the links are as before. */
class ApplyRollbackPropertiesTest {
    private static Netns ns;

    @BeforeContainer
    static void namespace() {
        ns = Netns.create();
        Network net = Network.on(ns.host(), Ops.inMemory());
        net.veth("base0").peer("base1").present().apply();
        net.bridge("basebr").ports("base0").up().present().apply();
        net.address("basebr", "10.55.0.1/24").present().apply();
    }

    @AfterContainer
    static void deleteNamespace() {
        if (ns != null) {
            ns.close();
        }
    }

    record Op(int kind, int mtu, boolean flag) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(1280, 9000), Arbitraries.of(true, false))
                .as(Op::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 15)
    void rollbackRestoresTheLinks(@ForAll("ops") List<Op> ops) {
        Network net = Network.on(ns.host(), Ops.inMemory());
        String before = snapshot(net);
        List<Applied<?>> done = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            String name = "g" + i;
            done.add(switch (op.kind()) {
                case 0 -> net.veth(name).peer(name + "p").mtu(op.mtu()).present().apply();
                case 1 -> net.bridge(name).present().apply();
                case 2 -> net.link("base1").mtu(op.mtu()).present().apply();
                case 3 -> op.flag() ? net.link("base1").up().present().apply() : net.link("base1").down().present().apply();
                case 4 -> net.address("base1", "10.56." + i + ".1/24").present().apply();
                case 5 -> net.bridge("basebr").absent().apply();
                default -> net.link("base0").noMaster().present().apply();
            });
        }
        for (int i = done.size() - 1; i >= 0; i--) {
            done.get(i).rollback();
        }
        assertThat(snapshot(net)).isEqualTo(before);
    }

    /** The links with the properties rollback must restore (indexes and MACs of recreated links may differ). */
    private static String snapshot(Network net) {
        StringBuilder sb = new StringBuilder();
        net.links().stream().sorted(Comparator.comparing(Link::name)).forEach(l -> sb.append(l.name()).append(' ')
                .append(l.kind().orElse("-")).append(" mtu=").append(l.mtu()).append(" up=").append(l.isUp())
                .append(" master=").append(l.master().orElse("-")).append('\n'));
        net.addresses().stream().filter(a -> !a.scope().equals("link"))
                .map(a -> a.link() + " " + a.cidr()).sorted().forEach(a -> sb.append(a).append('\n'));
        return sb.toString();
    }
}
