/** The lab's layers as changes with gates: L1 templates, L2 guests, L3 host convergence, L4 services. */
package dev.ops.lab.layer;
