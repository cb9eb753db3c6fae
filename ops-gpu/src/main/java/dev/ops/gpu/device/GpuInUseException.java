package dev.ops.gpu.device;

import dev.ops.core.error.ConflictException;
import dev.ops.gpu.pci.DeviceUser;
import java.util.List;

/**
 * A GPU cannot change drivers because processes hold it (a display server, a CUDA job); retryable
 * once they end. {@code force()} plans the change anyway and names them.
 */
public class GpuInUseException extends ConflictException {
    private final transient List<DeviceUser> users;

    public GpuInUseException(String gpu, List<DeviceUser> users) {
        super("gpu " + gpu, "in use: " + users + "; stop them or force the change", true);
        this.users = List.copyOf(users);
    }

    /** The processes that hold it. */
    public List<DeviceUser> users() {
        return users;
    }
}
