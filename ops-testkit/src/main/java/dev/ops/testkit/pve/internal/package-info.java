/** Implementation of the fake PVE server: schema index and validation, auth, state, handlers. */
package dev.ops.testkit.pve.internal;
