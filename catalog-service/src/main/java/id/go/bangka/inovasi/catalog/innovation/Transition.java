package id.go.bangka.inovasi.catalog.innovation;

/**
 * What a transition of the aggregate gives: the next version, or a refusal with its reason.
 *
 * @param current the innovation the transition started from; null when there is none
 * @param next    the next version; null when refused
 * @param refusal why not; null when made
 */
public record Transition(Innovation current, Innovation next, Refusal refusal) {

    public static Transition to(Innovation current, Innovation next) {
        return new Transition(current, next, null);
    }

    public static Transition refused(Innovation current, Refusal.Code code, String detail) {
        return new Transition(current, null, new Refusal(code, detail));
    }

    /** Whether there is a next version. */
    public boolean made() {
        return next != null;
    }
}
