package dev.ops.usr.error;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import java.util.List;

/**
 * A file on a host holds lines that ops cannot read for sure, so an edit that removes entries (an
 * exclusive list, a removal) refuses rather than keep or skip them silently: a line ops does not
 * understand may still mean something to the program that reads the file (sshd, sudo). Each
 * violation's field is {@code path:line} (lines counted from 1). Never retryable: the file must be
 * fixed first.
 */
public class UnreadableLineException extends ValidationException {
    private final String path;
    private final List<Integer> lineNumbers;

    /** One unreadable line: its number (from 1), its bytes and why it cannot be read. */
    public record Problem(int lineNumber, byte[] line, String reason) {}

    /** The file and each of its lines that cannot be read. */
    public UnreadableLineException(String path, List<Problem> problems) {
        super(path, problems.stream().map(p -> new Violation(path + ":" + p.lineNumber(), p.reason() + ": " + preview(p.line()))).toList());
        this.path = path;
        this.lineNumbers = problems.stream().map(Problem::lineNumber).toList();
    }

    /** The file that holds the lines. */
    public String path() {
        return path;
    }

    /** The numbers of the lines that cannot be read, from 1. */
    public List<Integer> lineNumbers() {
        return lineNumbers;
    }

    /** The start of a line for a message: printable ASCII as is, every other byte as {@code \xNN}. */
    public static String preview(byte[] line) {
        StringBuilder out = new StringBuilder();
        int n = Math.min(line.length, 60);
        for (int i = 0; i < n; i++) {
            int c = line[i] & 0xff;
            out.append(c >= 0x20 && c < 0x7f && c != '\\' ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return "'" + out + (line.length > n ? "...'" : "'");
    }

}
