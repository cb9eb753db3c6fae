package dev.ops.pve.vmid.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import dev.ops.pve.change.internal.PveChange;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Takes a free VMID at apply, as a journaled step whose undo releases it; yields the id. Planning
 * reads only: it runs the caller's checks (what the guest will be made from must exist) and says
 * which id the cluster would hand out now. The claim is made once per change, so that planning and
 * applying the same change agree.
 */
public final class TakeVmidChange extends PveChange<Integer, Void> {
    private final String purpose;
    private final Consumer<Violations> validation;
    private final Supplier<List<String>> check;
    private final Integer vmid;
    private final String claim = UUID.randomUUID().toString();
    private final VmidClaims claims;

    private TakeVmidChange(Ops ops, PveClient client, String purpose, Consumer<Violations> validation, Supplier<List<String>> check,
            Integer vmid) {
        super(ops, client);
        this.purpose = purpose;
        this.validation = validation;
        this.check = check;
        this.vmid = vmid;
        this.claims = new VmidClaims(client, ops.store());
    }

    /** The lowest free VMID from the cluster's next id upwards, taken at apply; the undo releases it. */
    public static Change<Integer> next(Ops ops, PveClient client) {
        return new TakeVmidChange(ops, client, "a later guest", v -> {}, List::of, null);
    }

    /** Exactly {@code vmid}, reserved at apply; the plan fails with a conflict when it is reserved or exists. */
    public static Change<Integer> exactly(Ops ops, PveClient client, int vmid) {
        return new TakeVmidChange(ops, client, "a later guest", v -> {}, List::of, vmid);
    }

    /**
     * A VMID taken at apply, then the change {@code next} makes with it, planned at apply and journaled
     * under the same record. {@code validation} checks the later change's input before anything is
     * read; {@code check} runs at plan time (reads only; throws a not-found error when what the change
     * refers to is missing) and returns notes on what follows.
     */
    public static <T> Change<T> then(Ops ops, PveClient client, String purpose, Consumer<Violations> validation,
            Supplier<List<String>> check, Function<Integer, Change<T>> next) {
        return Changes.then(new TakeVmidChange(ops, client, purpose, validation, check, null), next);
    }

    @Override
    protected void validate(Violations violations) {
        validation.accept(violations);
        if (vmid != null) {
            violations.check(vmid >= PveIds.MIN_VMID && vmid <= PveIds.MAX_VMID, "vmid",
                    vmid + " is outside " + PveIds.MIN_VMID + "-" + PveIds.MAX_VMID);
        }
    }

    @Override
    protected String what() {
        return vmid == null ? "take a free VMID for " + purpose : "reserve VMID " + vmid;
    }

    @Override
    protected Planned<Void> planSteps() {
        List<String> notes = check.get();
        if (vmid != null) {
            if (claims.isReserved(vmid) || !client.cluster().isFree(vmid)) {
                throw new ConflictException("vmid/" + vmid, "VMID " + vmid + " is reserved by another allocation or exists in the cluster", false);
            }
            String name = VmidClaims.targetName(client);
            return new Planned<Void>(List.of(Step.of("reserve VMID " + vmid, new VmidTakeAction(name, claim, vmid),
                    new VmidReleaseAction(name, claim))), List.of(), null).withNotes(notes);
        }
        String name = VmidClaims.targetName(client);
        return new Planned<Void>(List.of(Step.of("take the next free VMID for " + purpose + " (taken at apply)",
                new VmidTakeAction(name, claim), new VmidReleaseAction(name, claim))), List.of(), null)
                .withNote("the VMID is known only at apply: the next free one from " + client.cluster().nextId()
                        + " (the cluster's next id now), reserved in the state store")
                .withNotes(notes);
    }

    @Override
    protected Targets targets() {
        return client.targets().with(VmidClaims.targetName(client), claims);
    }

    @Override
    protected Integer result(Void none) {
        return claims.claimed(claim).orElseThrow(() -> new OpsException("no VMID was reserved for " + purpose));
    }
}
