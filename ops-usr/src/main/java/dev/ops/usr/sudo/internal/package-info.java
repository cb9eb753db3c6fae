/** Implementation of the sudoers drop-in change and its validating install action. */
package dev.ops.usr.sudo.internal;
