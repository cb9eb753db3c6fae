package dev.ops.core.change;

/**
 * Something that changes a host, a cluster or a store, built with a fluent builder:
 *
 * <pre>{@code
 * Change<User> change = Users.on(host).user("alice").uid(1050).groups("sudo").present();
 * Plan plan = change.plan();          // dry-run: reads state, lists exact steps, changes nothing
 * Applied<User> done = change.apply(); // journaled before each step
 * done.rollback();                     // reverts exactly what apply changed, newest first
 * }</pre>
 *
 * @param <T> what applying yields, e.g. the user as it now is
 */
public interface Change<T> {

    /** What this change is, in words. */
    String description();

    /**
     * Validates the input (throwing {@link dev.ops.core.error.ValidationException} with every
     * violation), reads the current state, checks policy deny rules and returns the steps that
     * applying would take. Changes nothing and needs no privileges beyond reading.
     */
    Plan plan();

    /**
     * Plans again, asks the policy's approver, checks privileges, then runs the steps, writing
     * each step's undo to the journal before the step runs. When a step fails, the steps already
     * done are rolled back before the failure is thrown, so nothing is left half-applied.
     */
    Applied<T> apply();

    /**
     * Applies exactly {@code reviewed}, a plan this change made earlier (Terraform's saved plan):
     * plans again and refuses with a {@link dev.ops.core.error.StalePlanException} that lists the
     * differences when the target changed since, so that nothing runs that was not reviewed.
     */
    Applied<T> apply(Plan reviewed);
}
