/** The ops-sys facts benchmark: facts and a metrics reading, local and over 50 loopback sshd, against {@code ansible -m setup}. */
package dev.ops.bench.sys;
