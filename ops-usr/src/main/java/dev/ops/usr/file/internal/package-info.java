/** Implementation of file permission changes: the ACL model and the restore action. */
package dev.ops.usr.file.internal;
