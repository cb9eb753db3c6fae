/** The write-ahead journal of applies, rollback by id, and recovery after a crash. */
package dev.ops.core.journal;
