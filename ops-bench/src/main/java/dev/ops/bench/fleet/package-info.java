/** The fleet fan-out benchmark: ops over SSH against OpenSSH and Ansible on 50 loopback sshd. */
package dev.ops.bench.fleet;
