/**
 * Local users and groups, read with {@code getent} and changed with shadow-utils through the change model:
 * {@link dev.ops.usr.account.Users} and {@link dev.ops.usr.account.Groups}.
 */
package dev.ops.usr.account;
