/** Benchmarks of ops-srv: a rolling update behind HAProxy under load against Ansible, and auto-healing's recovery time. */
package dev.ops.bench.srv;
