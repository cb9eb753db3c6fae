/**
 * File mode, owner, group and POSIX ACLs: {@link dev.ops.usr.file.FilePermissions} plans the exact
 * before and after of every path (recursively where asked), applies it with {@code setfacl --restore}
 * and rolls back the same way.
 */
package dev.ops.usr.file;
