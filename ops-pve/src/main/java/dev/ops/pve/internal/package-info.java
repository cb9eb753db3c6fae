/** Implementation of the Proxmox VE client: HTTP transport, authentication, TLS, error classification. Not API. */
package dev.ops.pve.internal;
