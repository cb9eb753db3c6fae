/** The lab's layers as changes with gates; this build has L2 (guests from the templates' copies on their nodes). */
package dev.ops.lab.layer;
