/** How sysctl keys are set and persisted; not API. */
package dev.ops.sys.sysctl.internal;
