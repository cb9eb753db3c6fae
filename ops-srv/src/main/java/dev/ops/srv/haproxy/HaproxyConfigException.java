package dev.ops.srv.haproxy;

import dev.ops.core.error.OpsException;

/** {@code haproxy -c} refused a configuration: nothing was written. */
public class HaproxyConfigException extends OpsException {
    private final String path;
    private final String output;

    /** The new content for {@code path} was refused; {@code output} is what {@code haproxy -c} said. */
    public HaproxyConfigException(String path, String output) {
        super("haproxy -c refused the new content of " + path + ", nothing was written: " + output);
        this.path = path;
        this.output = output;
    }

    /** The configuration file. */
    public String path() {
        return path;
    }

    /** What {@code haproxy -c} said. */
    public String output() {
        return output;
    }
}
