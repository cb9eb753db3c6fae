package dev.ops.gpu.pci;

/**
 * A process that holds a device node of a GPU open ({@code /dev/dri/renderD128}, {@code /dev/nvidia0}).
 *
 * @param pid the process id
 * @param command its command name ({@code /proc/<pid>/comm})
 * @param node the device node it holds
 */
public record DeviceUser(int pid, String command, String node) {

    /** {@code Xorg (pid 1234) holds /dev/nvidia0}. */
    @Override
    public String toString() {
        return command + " (pid " + pid + ") holds " + node;
    }
}
