package dev.ops.pve.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What calls require, evaluated against granted privileges as preflight does. */
class RequiredPrivilegesTest {

    private static Function<String, Set<String>> granted(Map<String, Set<String>> byPath) {
        return p -> byPath.getOrDefault(p, Set.of());
    }

    @Test
    void eitherSnapshotPrivilegeIsEnoughToRollBack() {
        Requirement r = RequiredPrivileges.of("POST", "/nodes/{node}/qemu/{vmid}/snapshot/{snapname}/rollback",
                Map.of("node", "pve1", "vmid", "101", "snapname", "s1"));
        assertThat(r.missing(granted(Map.of("/vms/101", Set.of("VM.Snapshot"))))).isEmpty();
        assertThat(r.missing(granted(Map.of("/vms/101", Set.of("VM.Snapshot.Rollback"))))).isEmpty();
        assertThat(r.missing(granted(Map.of()))).containsExactly("one of [VM.Snapshot, VM.Snapshot.Rollback] on /vms/101");
    }

    @Test
    void downloadingNeedsTemplateSpaceAndNetworkAccessOnTheNodeOrAuditAndModifyOnTheRoot() {
        Requirement r = RequiredPrivileges.of("POST", "/nodes/{node}/storage/{storage}/download-url",
                Map.of("node", "pve1", "storage", "local"));
        assertThat(r.missing(granted(Map.of("/storage/local", Set.of("Datastore.AllocateTemplate"),
                "/nodes/pve1", Set.of("Sys.AccessNetwork"))))).isEmpty();
        assertThat(r.missing(granted(Map.of("/storage/local", Set.of("Datastore.AllocateTemplate"),
                "/", Set.of("Sys.Audit", "Sys.Modify"))))).isEmpty();
        assertThat(r.missing(granted(Map.of("/storage/local", Set.of("Datastore.AllocateTemplate"), "/", Set.of("Sys.Modify")))))
                .containsExactly("([Sys.Audit, Sys.Modify] on / or Sys.AccessNetwork on /nodes/pve1)");
        assertThat(r.aclPaths()).containsExactly("/storage/local", "/", "/nodes/pve1");
    }

    @Test
    void aCloneIntoAPoolMayBeAllocatedThroughThePool() {
        Map<String, String> params = Map.of("node", "pve1", "vmid", "9000", "newid", "150", "pool", "lab");
        Requirement r = RequiredPrivileges.of("POST", "/nodes/{node}/qemu/{vmid}/clone", params);
        assertThat(r.missing(granted(Map.of("/vms/9000", Set.of("VM.Clone"), "/pool/lab", Set.of("VM.Allocate"))))).isEmpty();
        assertThat(r.missing(granted(Map.of("/vms/9000", Set.of("VM.Clone")))))
                .containsExactly("(VM.Allocate on /vms/150 or VM.Allocate on /pool/lab)");
    }

    @Test
    void aConfigUpdateNeedsThePrivilegeOfEachKeySetOrDeleted() {
        Requirement r = RequiredPrivileges.of("PUT", "/nodes/{node}/qemu/{vmid}/config",
                Map.of("node", "pve1", "vmid", "101", "memory", "4096", "delete", "net1,ipconfig0", "digest", "abc"));
        assertThat(r.missing(granted(Map.of("/vms/101", Set.of("VM.Config.Memory")))))
                .containsExactly("VM.Config.Network on /vms/101", "VM.Config.Cloudinit on /vms/101");
        assertThat(r.missing(granted(Map.of("/vms/101", Set.of("VM.Config.Memory", "VM.Config.Network", "VM.Config.Cloudinit")))))
                .isEmpty();
    }

    @Test
    void aReadNeedsNothingHere() {
        assertThat(RequiredPrivileges.of("GET", "/nodes/{node}/qemu/{vmid}/config", Map.of("node", "pve1", "vmid", "101")))
                .isEqualTo(Requirement.NONE);
    }
}
