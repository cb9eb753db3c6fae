package dev.ops.core.change;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells {@link ApplyListener}s, so that one that throws changes nothing about the apply. */
final class ApplyListeners {
    private static final Logger LOG = LoggerFactory.getLogger(ApplyListener.class);

    private ApplyListeners() {}

    static void tell(List<ApplyListener> listeners, Consumer<ApplyListener> call) {
        for (ApplyListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("apply listener {} failed; the apply goes on", l, e);
            }
        }
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
