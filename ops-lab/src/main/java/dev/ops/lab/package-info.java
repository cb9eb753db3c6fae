/** The lab: a site, its Proxmox cluster and the lab's features over them ({@link dev.ops.lab.Lab}). */
package dev.ops.lab;
