package dev.ops.pve.vmid.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.ApiChange;
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
public final class TakeVmidChange extends ApiChange<Integer, Void> {
    private final String purpose;
    private final Consumer<Violations> validation;
    private final Supplier<List<String>> check;
    private final String claim = UUID.randomUUID().toString();
    private final VmidClaims claims;

    private TakeVmidChange(Ops ops, PveClient client, String purpose, Consumer<Violations> validation, Supplier<List<String>> check) {
        super(ops, client);
        this.purpose = purpose;
        this.validation = validation;
        this.check = check;
        this.claims = new VmidClaims(client, ops.store());
    }

    /**
     * A VMID taken at apply, then the change {@code next} makes with it, planned at apply and journaled
     * under the same record. {@code validation} checks the later change's input before anything is
     * read; {@code check} runs at plan time (reads only; throws a not-found error when what the change
     * refers to is missing) and returns notes on what follows.
     */
    public static <T> Change<T> then(Ops ops, PveClient client, String purpose, Consumer<Violations> validation,
            Supplier<List<String>> check, Function<Integer, Change<T>> next) {
        return Changes.then(new TakeVmidChange(ops, client, purpose, validation, check), next);
    }

    @Override
    protected void validate(Violations violations) {
        validation.accept(violations);
    }

    @Override
    protected String what() {
        return "take a free VMID for " + purpose;
    }

    @Override
    protected Planned<Void> planSteps() {
        List<String> notes = check.get();
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
