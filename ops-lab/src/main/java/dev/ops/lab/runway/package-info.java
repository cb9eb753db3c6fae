/** The L0 runway: the checks the lab's {@code just l0-runway} made, as one report that changes nothing. */
package dev.ops.lab.runway;
