/** How send and receive pipelines are built and planned; not API. */
package dev.ops.sto.send.internal;
