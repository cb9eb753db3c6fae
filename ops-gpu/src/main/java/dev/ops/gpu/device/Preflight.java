package dev.ops.gpu.device;

import dev.ops.gpu.pci.PciAddress;
import java.util.List;

/**
 * Everything that stands in the way of giving one GPU to a guest, found in one read of the host:
 * every problem at once, never only the first.
 *
 * @param gpu the GPU looked at
 * @param problems every problem found, errors first
 */
public record Preflight(PciAddress gpu, List<Problem> problems) {

    public Preflight {
        problems = problems.stream().sorted((a, b) -> a.severity().compareTo(b.severity())).toList();
    }

    /** Whether nothing is an {@link Problem.Severity#ERROR}. */
    public boolean passes() {
        return errors().isEmpty();
    }

    /** The errors. */
    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    /** Whether a problem of this code was found. */
    public boolean has(String code) {
        return problems.stream().anyMatch(p -> p.code().equals(code));
    }

    /** The report, one problem a line. */
    public String render() {
        StringBuilder b = new StringBuilder("preflight for " + gpu + (problems.isEmpty() ? ": no problems" : ":"));
        problems.forEach(p -> b.append("\n  ").append(p));
        return b.toString();
    }
}
