/** Deny rules and approval for plans. */
package dev.ops.core.policy;
