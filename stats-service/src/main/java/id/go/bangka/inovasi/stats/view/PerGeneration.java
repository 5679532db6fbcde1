package id.go.bangka.inovasi.stats.view;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers computed from the view and kept until it changes (its {@link CatalogView#generation()}): many dashboards
 * asking the same question cost one computation per change. At most {@code capacity} questions are kept; beyond, the
 * kept answers are dropped and computed again when asked.
 *
 * @param <Q> the question
 * @param <A> its answer
 */
public final class PerGeneration<Q, A> {

    /** Computes the answer to a question from the view as it is at {@code generation}. */
    @FunctionalInterface
    public interface Computation<Q, A> {
        A compute(Q question, long generation);
    }

    private final CatalogView view;
    private final int capacity;
    private final Map<Q, Kept<A>> kept = new ConcurrentHashMap<>();

    public PerGeneration(CatalogView view, int capacity) {
        this.view = view;
        this.capacity = capacity;
    }

    /** The answer kept for this generation of the view, or a fresh one. */
    public A get(Q question, Computation<Q, A> computation) {
        long generation = view.generation();
        Kept<A> held = kept.get(question);
        if (held != null && held.generation() == generation) {
            return held.answer();
        }
        A fresh = computation.compute(question, generation);
        if (kept.size() >= capacity) {
            kept.clear();
        }
        kept.put(question, new Kept<>(generation, fresh));
        return fresh;
    }

    private record Kept<A>(long generation, A answer) {
    }
}
