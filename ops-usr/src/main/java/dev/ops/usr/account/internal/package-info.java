/** Implementation of the account changes: state reading, steps and restore actions. */
package dev.ops.usr.account.internal;
