/** Preflight ("runway"): checks that a plan can run, changing nothing and reporting every problem at once. */
package dev.ops.pve.preflight;
