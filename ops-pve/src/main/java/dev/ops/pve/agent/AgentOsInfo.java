package dev.ops.pve.agent;

/**
 * What the guest agent says of the guest's operating system ({@code get-osinfo}); each field as the
 * agent sent it, empty when it did not (a Windows agent sends fewer).
 *
 * @param id the OS id ({@code debian}, {@code ubuntu}, {@code mswindows})
 * @param prettyName the name to show ({@code Debian GNU/Linux 12 (bookworm)})
 * @param version the version text
 * @param kernelRelease the kernel release ({@code 6.1.0-37-amd64})
 * @param machine the architecture ({@code x86_64})
 */
public record AgentOsInfo(String id, String prettyName, String version, String kernelRelease, String machine) {}
