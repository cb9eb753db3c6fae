/** A host that runs real Linux tools inside throw-away namespaces, leaving the machine untouched. */
package dev.ops.testkit.sandbox;
