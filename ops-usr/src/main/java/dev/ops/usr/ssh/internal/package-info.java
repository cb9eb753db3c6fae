/** Implementation of the authorized keys: wire-format reading, option parsing, the file change. */
package dev.ops.usr.ssh.internal;
