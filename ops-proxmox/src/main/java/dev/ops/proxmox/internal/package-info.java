/** Implementation shared by the Proxmox clients: HTTP transport, authentication, TLS, error classification, config-entry changes. Not API. */
package dev.ops.proxmox.internal;
