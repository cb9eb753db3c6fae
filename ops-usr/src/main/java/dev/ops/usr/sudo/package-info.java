/**
 * Sudoers drop-ins under {@code /etc/sudoers.d}: rendered from typed rules
 * ({@link dev.ops.usr.sudo.SudoRule}, {@link dev.ops.usr.sudo.SudoDefault}), checked with
 * {@code visudo -cf} on the host before anything is installed, installed atomically with mode 0440.
 */
package dev.ops.usr.sudo;
