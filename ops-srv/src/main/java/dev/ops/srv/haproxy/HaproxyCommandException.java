package dev.ops.srv.haproxy;

import dev.ops.core.error.OpsException;

/** HAProxy answered a runtime command with an error text (it answers success with nothing, or with data for reads). */
public class HaproxyCommandException extends OpsException {
    private final String command;
    private final String answer;

    /** {@code command} was answered with {@code answer}. */
    public HaproxyCommandException(String socket, String command, String answer) {
        super("haproxy at " + socket + " refused '" + command + "': " + answer.strip());
        this.command = command;
        this.answer = answer;
    }

    /** The command sent. */
    public String command() {
        return command;
    }

    /** HAProxy's answer, as it sent it. */
    public String answer() {
        return answer;
    }
}
