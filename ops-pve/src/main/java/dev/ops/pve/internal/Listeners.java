package dev.ops.pve.internal;

import dev.ops.pve.PveListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells a client's {@link PveListener}s, so that one that throws changes nothing about the call. */
public final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(PveListener.class);

    private Listeners() {}

    /** Calls {@code call} on each listener in turn; a listener that throws is logged and skipped. */
    public static void tell(List<PveListener> listeners, Consumer<PveListener> call) {
        for (PveListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("PVE listener {} failed; the call goes on", l, e);
            }
        }
    }
}
