/** How each seed action is recognised in a plan's steps. */
package dev.ops.lab.policy.internal;
