package dev.ops.proxmox.internal;

import dev.ops.proxmox.ProxmoxListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells a client's {@link ProxmoxListener}s, so that one that throws changes nothing about the call. */
public final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(ProxmoxListener.class);

    private Listeners() {}

    /** Calls {@code call} on each listener in turn; a listener that throws is logged and skipped. */
    public static void tell(List<ProxmoxListener> listeners, Consumer<ProxmoxListener> call) {
        for (ProxmoxListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("PVE listener {} failed; the call goes on", l, e);
            }
        }
    }
}
