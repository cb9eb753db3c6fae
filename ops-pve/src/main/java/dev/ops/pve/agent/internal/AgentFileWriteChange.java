package dev.ops.pve.agent.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.Violations;
import dev.ops.proxmox.change.ApiCallAction;
import dev.ops.pve.PveClient;
import dev.ops.pve.agent.GuestAgent;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.internal.GuestPaths;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A file inside a VM with the given content, written through its guest agent. The plan reads the
 * file (nothing is planned when it already has the content); the undo writes the old content back,
 * or removes a file the change created (through the agent's exec, which needs
 * {@code VM.GuestAgent.Unrestricted}).
 */
public final class AgentFileWriteChange extends PveChange<String, Void> {
    /** The longest content the API takes in one write ({@code file-write}'s {@code content}). */
    public static final int MAX_CONTENT = 61_440;

    private final Guest guest;
    private final String file;
    private final String content;

    public AgentFileWriteChange(Ops ops, PveClient client, Guest guest, String file, String content) {
        super(ops, client);
        this.guest = guest;
        this.file = file;
        this.content = content;
    }

    @Override
    protected String what() {
        return "write " + file + " in " + guest + " through its guest agent";
    }

    @Override
    protected void validate(Violations v) {
        v.check(file != null && file.startsWith("/") && file.indexOf('\0') < 0 && file.indexOf('\n') < 0, "file",
                "'" + file + "' must be an absolute path without NUL or newline");
        v.check(content != null, "content", "must be given");
        if (content != null) {
            v.check(content.getBytes(StandardCharsets.UTF_8).length <= MAX_CONTENT, "content",
                    "is " + content.getBytes(StandardCharsets.UTF_8).length + " bytes; the API writes at most " + MAX_CONTENT + " at once");
        }
    }

    @Override
    protected Planned<Void> planSteps() {
        Optional<String> now = GuestAgent.of(client, guest).readFile(file);
        if (now.isPresent() && now.get().equals(content)) {
            return Planned.none(null);
        }
        ApiCallAction write = call("POST", "/nodes/{node}/qemu/{vmid}/agent/file-write", GuestPaths.params(guest, "file", file, "content", content));
        ApiCallAction undo = now.isPresent()
                ? call("POST", "/nodes/{node}/qemu/{vmid}/agent/file-write", GuestPaths.params(guest, "file", file, "content", now.get()))
                : call("POST", "/nodes/{node}/qemu/{vmid}/agent/exec", GuestPaths.params(guest, "command", List.of("rm", "-f", "--", file)));
        Planned<Void> planned = Planned.of(List.of(Step.of((now.isPresent() ? "rewrite " : "create ") + file + " in " + guest, write, undo)));
        return now.isPresent() ? planned.withNote(file + ": " + now.get().length() + " characters -> " + content.length())
                : planned.withNote(file + " does not exist; rollback removes it (agent exec, VM.GuestAgent.Unrestricted)");
    }

    @Override
    protected String result(Void none) {
        return file;
    }
}
