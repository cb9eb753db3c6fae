/** Audit records of every applied and undone step. */
package dev.ops.core.audit;
