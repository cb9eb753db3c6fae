package dev.ops.pve.ha;

/**
 * One line of the HA manager's status ({@code GET /cluster/ha/status/current}): the quorum, the
 * master, each node's local resource manager ({@code lrm}) and each service.
 *
 * @param id the entry's id ({@code quorum}, {@code master}, {@code lrm:pve1}, {@code service:vm:101})
 * @param type {@code quorum}, {@code master}, {@code lrm}, {@code service} (or {@code fencing} on PVE 9)
 * @param node the node it concerns
 * @param status the status line as the GUI shows it
 * @param sid for a service, its id ({@code vm:101}); empty otherwise
 * @param state for a service, its current state ({@code started}, {@code stopped}, {@code error}...); empty otherwise
 * @param requestState for a service, the state asked for; empty otherwise
 */
public record HaStatusEntry(String id, String type, String node, String status, String sid, String state, String requestState) {

    /** Whether this entry is a service. */
    public boolean service() {
        return "service".equals(type);
    }
}
