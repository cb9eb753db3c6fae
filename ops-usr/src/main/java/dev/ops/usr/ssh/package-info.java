/**
 * SSH authorized keys: {@link dev.ops.usr.ssh.AuthorizedKey} parses and checks every key type
 * OpenSSH accepts, with options and fingerprints as {@code ssh-keygen -lf} prints them;
 * {@link dev.ops.usr.ssh.AuthorizedKeys} adds and removes keys through the change model.
 */
package dev.ops.usr.ssh;
