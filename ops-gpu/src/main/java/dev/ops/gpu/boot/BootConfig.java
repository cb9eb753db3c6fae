package dev.ops.gpu.boot;

import java.util.List;

/**
 * The boot prerequisites for VFIO passthrough as a change left them.
 *
 * @param bootloader the host's boot loader
 * @param kernelOptions the options ops put on the kernel command line
 * @param modules the modules loaded at boot
 * @param files the files ops wrote
 * @param requiresReboot whether the settings take effect only after a reboot (always, once something changed)
 */
public record BootConfig(Bootloader bootloader, List<String> kernelOptions, List<String> modules, List<String> files, boolean requiresReboot) {

    public BootConfig {
        kernelOptions = List.copyOf(kernelOptions);
        modules = List.copyOf(modules);
        files = List.copyOf(files);
    }
}
