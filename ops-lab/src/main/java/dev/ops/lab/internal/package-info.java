/** What several of ops-lab's features share: the names' time stamp and the changes that hold what retention would delete. */
package dev.ops.lab.internal;
