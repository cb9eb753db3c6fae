package dev.ops.lab.cli.internal;

import java.io.Console;
import java.util.Map;

/** Whether the ops program's error stream is a terminal, so that progress is shown there. */
public final class Terminal {
    private Terminal() {}

    /**
     * {@code OPS_TERMINAL=1} or {@code 0} where set (bin/ops sets it from {@code [ -t 2 ]}, which Java cannot ask);
     * otherwise whether the JVM has an interactive console.
     */
    public static boolean detect(Map<String, String> environment) {
        String set = environment.get("OPS_TERMINAL");
        if (set != null) {
            return set.equals("1");
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try { // Console.isTerminal() exists from JDK 22 on, where System.console() is no longer null when redirected
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException onJdk21) {
            return true;
        }
    }
}
