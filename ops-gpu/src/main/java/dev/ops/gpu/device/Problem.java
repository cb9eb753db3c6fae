package dev.ops.gpu.device;

/**
 * One finding of a passthrough {@link Preflight}.
 *
 * @param severity how bad it is
 * @param code a stable name for the kind of problem ({@code iommu-off}, {@code group-shared}, ...)
 * @param field what the problem is about ({@code iommu}, {@code group}, {@code driver}, {@code rom}, a function's address)
 * @param message what is wrong and what to do, in words
 */
public record Problem(Severity severity, String code, String field, String message) {

    /** How bad a problem is. */
    public enum Severity {
        /** Passthrough fails, or the host loses something it needs. */
        ERROR,
        /** Passthrough may work badly, or only after an action the operator should know about. */
        WARNING,
        /** Worth knowing; nothing breaks. */
        INFO
    }

    @Override
    public String toString() {
        return severity + " " + code + " (" + field + "): " + message;
    }
}
