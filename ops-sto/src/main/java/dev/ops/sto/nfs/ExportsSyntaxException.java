package dev.ops.sto.nfs;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import java.util.List;

/**
 * An exports file holds a line exportfs would read other than its writer meant, most often a space
 * before the option parenthesis ({@code /srv host (rw)} exports read-write to the world); names
 * the file and line.
 */
public class ExportsSyntaxException extends ValidationException {
    private final String file;
    private final int line;

    public ExportsSyntaxException(String file, int line, String message) {
        super("exports file " + file, List.of(new Violation("clients", "line " + line + ": " + message)));
        this.file = file;
        this.line = line;
    }

    /** The file. */
    public String file() {
        return file;
    }

    /** The line, counting from 1. */
    public int line() {
        return line;
    }
}
