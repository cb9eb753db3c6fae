/** Privilege checks run before a plan is applied. */
package dev.ops.core.privilege;
