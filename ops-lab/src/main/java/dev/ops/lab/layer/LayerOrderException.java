package dev.ops.lab.layer;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import java.util.List;

/**
 * A layer was asked for before the one below it has run (L2 before L1 built and promoted the
 * template, L3 or L4 before L2 made the guests, L4 before L3 converged its hosts). Thrown before
 * anything is applied; each violation names the site's field ({@code guests.api},
 * {@code services.nginx}) and the layer it needs.
 */
public final class LayerOrderException extends ValidationException {
    public LayerOrderException(String layer, List<Violation> violations) {
        super(layer, violations);
    }
}
