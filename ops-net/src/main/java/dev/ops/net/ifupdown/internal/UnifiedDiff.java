package dev.ops.net.ifupdown.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A line-based unified diff ({@code diff -u} format) of two texts. */
public final class UnifiedDiff {
    private static final long MAX_CELLS = 16_000_000L;

    private UnifiedDiff() {}

    private record Op(char kind, String line) {}

    /** The unified diff of {@code before} to {@code after}, or an empty string when they are equal. */
    public static String of(String fromName, String toName, String before, String after, int context) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> ops = ops(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(fromName).append('\n').append("+++ ").append(toName).append('\n');
        int i = 0;
        int n = ops.size();
        int[] aLine = new int[n + 1];
        int[] bLine = new int[n + 1];
        for (int k = 0, x = 1, y = 1; k <= n; k++) {
            aLine[k] = x;
            bLine[k] = y;
            if (k < n) {
                char c = ops.get(k).kind();
                if (c != '+') {
                    x++;
                }
                if (c != '-') {
                    y++;
                }
            }
        }
        while (i < n) {
            while (i < n && ops.get(i).kind() == ' ') {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = Math.max(0, i - context);
            int end = i;
            // extend while changes are within 2*context of each other
            int lastChange = i;
            for (int k = i; k < n; k++) {
                if (ops.get(k).kind() != ' ') {
                    lastChange = k;
                } else if (k - lastChange > 2 * context) {
                    break;
                }
                end = k;
            }
            end = Math.min(n - 1, lastChange + context);
            int aCount = 0;
            int bCount = 0;
            for (int k = start; k <= end; k++) {
                char c = ops.get(k).kind();
                if (c != '+') {
                    aCount++;
                }
                if (c != '-') {
                    bCount++;
                }
            }
            out.append("@@ -").append(range(aLine[start], aCount)).append(" +").append(range(bLine[start], bCount)).append(" @@\n");
            for (int k = start; k <= end; k++) {
                out.append(ops.get(k).kind()).append(ops.get(k).line()).append('\n');
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static String range(int startLine, int count) {
        if (count == 0) {
            return (startLine - 1) + ",0";
        }
        return count == 1 ? String.valueOf(startLine) : startLine + "," + count;
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            out.remove(out.size() - 1);
        } else {
            out.set(out.size() - 1, out.get(out.size() - 1) + "\n\\ No newline at end of file");
        }
        return out;
    }

    private static List<Op> ops(List<String> a, List<String> b) {
        int pre = 0;
        while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) {
            pre++;
        }
        int suf = 0;
        while (suf < a.size() - pre && suf < b.size() - pre && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) {
            suf++;
        }
        List<String> am = a.subList(pre, a.size() - suf);
        List<String> bm = b.subList(pre, b.size() - suf);
        List<Op> out = new ArrayList<>();
        for (int k = 0; k < pre; k++) {
            out.add(new Op(' ', a.get(k)));
        }
        if ((long) am.size() * bm.size() > MAX_CELLS) {
            am.forEach(l -> out.add(new Op('-', l)));
            bm.forEach(l -> out.add(new Op('+', l)));
        } else {
            int n = am.size();
            int m = bm.size();
            int[][] lcs = new int[n + 1][m + 1];
            for (int x = n - 1; x >= 0; x--) {
                for (int y = m - 1; y >= 0; y--) {
                    lcs[x][y] = am.get(x).equals(bm.get(y)) ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
                }
            }
            int x = 0;
            int y = 0;
            while (x < n || y < m) {
                if (x < n && y < m && am.get(x).equals(bm.get(y))) {
                    out.add(new Op(' ', am.get(x)));
                    x++;
                    y++;
                } else if (y < m && (x == n || lcs[x][y + 1] > lcs[x + 1][y])) {
                    out.add(new Op('+', bm.get(y)));
                    y++;
                } else {
                    out.add(new Op('-', am.get(x)));
                    x++;
                }
            }
        }
        for (int k = a.size() - suf; k < a.size(); k++) {
            out.add(new Op(' ', a.get(k)));
        }
        return out;
    }
}
